/**
 * Where each generated validator starts, as `_validate.ts` (templates/types/)
 * takes it: an instance document, or an operation's input or output or a
 * notification inside its data path, whose list steps it must know.
 */
import type { SchemaNode, SchemaSet } from '../../ir/types.js';
import { isDataNode } from './node-facts.js';

/** Data paths of every list, so the steps down to an action or a nested notification can say which are list entries. */
export function listPaths(schema: SchemaSet): Set<string> {
  const paths = new Set<string>();
  const walk = (nodes: readonly SchemaNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'list') paths.add(node.path);
      if (node.kind === 'container' || node.kind === 'list') walk(node.children);
      else if (node.kind === 'choice') for (const c of node.cases) walk(c.children);
    }
  };
  for (const module of Object.values(schema.modules)) walk(module.data);
  return paths;
}

/** The member names a module's instance document may hold at its top (choices and cases are transparent). */
export function topLevelMembers(children: readonly SchemaNode[]): string[] {
  return children.flatMap((node) => {
    if (node.kind === 'choice') return node.cases.flatMap((c) => topLevelMembers(c.children));
    return isDataNode(node) ? [node.jsonName] : [];
  });
}

/** `/ex-shop:shop/product/restock` -> `[["ex-shop:shop"], ["product", 1], ["restock"]]` (1: a list). */
export function pathSteps(path: string, lists: ReadonlySet<string>): ([string] | [string, 1])[] {
  const members = path.split('/').slice(1);
  return members.map((member, i) => (lists.has(`/${members.slice(0, i + 1).join('/')}`) ? [member, 1] : [member]));
}

/** Module metadata the engine does not read, left out of the schema the validators embed (and `file`: a path on the generating machine). */
const NOT_EMBEDDED = new Set(['description', 'reference', 'contact', 'organization', 'file']);

/** The schema as `_validate.ts` embeds it: a JSON text (parsed at load, faster than an object literal), documentation left out. */
export function embeddedSchema(schema: SchemaSet): string {
  return JSON.stringify(schema, (key, value: unknown) => (NOT_EMBEDDED.has(key) && typeof value === 'string' ? undefined : value));
}
