/**
 * The `fields` (and NSO `exclude`) expression of RFC 8040 section 4.8.3:
 *   fields-expr = path "(" fields-expr ")" / path ";" fields-expr / path
 *   path = api-identifier [ "/" path ]
 * resolved against the schema below the target resource.
 */
import type { DataNode, SchemaNode } from '../ir/types.js';
import { badQuery } from './errors.js';
import { childrenOf, isDataNode, lookupChild } from './schema-index.js';

/** Selected children; `null` selects the whole subtree of that child. */
export type Selection = Map<DataNode, Selection | null>;

function merge(into: Selection, node: DataNode, sub: Selection | null): void {
  const existing = into.get(node);
  if (existing === null || sub === null) {
    into.set(node, null);
    return;
  }
  if (!existing) {
    into.set(node, sub);
    return;
  }
  for (const [n, s] of sub) merge(existing, n, s);
}

class FieldsParser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly param: string,
  ) {}

  parse(children: readonly SchemaNode[], module: string | undefined): Selection {
    const sel = this.expr(children, module);
    if (this.pos !== this.text.length) this.fail(`unexpected "${this.text[this.pos]}"`);
    return sel;
  }

  private fail(why: string): never {
    throw badQuery(`${this.param}="${this.text}": ${why} at offset ${this.pos}`);
  }

  private expr(children: readonly SchemaNode[], module: string | undefined): Selection {
    const sel: Selection = new Map();
    for (;;) {
      this.path(sel, children, module);
      if (this.text[this.pos] !== ';') return sel;
      this.pos++;
    }
  }

  private path(sel: Selection, children: readonly SchemaNode[], module: string | undefined): void {
    const start = this.pos;
    while (this.pos < this.text.length && !'/;()'.includes(this.text[this.pos]!)) this.pos++;
    const name = this.text.slice(start, this.pos);
    if (!name) this.fail('expected a node name');
    const node = lookupChild(children, module, name)?.node;
    if (!node || !isDataNode(node)) this.fail(`no data node "${name}"`);
    const next = this.text[this.pos];
    if (next === '/') {
      this.pos++;
      const sub: Selection = new Map();
      this.path(sub, childrenOf(node), node.module);
      merge(sel, node, sub);
    } else if (next === '(') {
      this.pos++;
      const sub = this.expr(childrenOf(node), node.module);
      if (this.text[this.pos] !== ')') this.fail('expected ")"');
      this.pos++;
      merge(sel, node, sub);
    } else merge(sel, node, null);
  }
}

/** Parses a fields/exclude value relative to the children of the target (the top level for the datastore). */
export function parseFields(text: string, param: 'fields' | 'exclude', children: readonly SchemaNode[], module: string | undefined): Selection {
  return new FieldsParser(text, param).parse(children, module);
}
