/**
 * A notification's content as the XNode tree the XPath engine reads, for the
 * event stream `filter` (RFC 8040 4.8.4): the conceptual document whose root
 * holds the notification element (RFC 5277 3.6).
 *
 * A minimal adapter over the RFC 7951 JSON with the schema; to be replaced by
 * the instance trees of src/validate once they build notification content.
 */
import type { SchemaNode } from '../ir/types.js';
import type { LeafValue } from '../values/check.js';
import type { XNode } from '../xpath/index.js';
import type { StreamEvent } from './event-log.js';
import { type JsonObject, type JsonValue, childrenOf, isDataNode, isObject, lookupChild } from './schema-index.js';

interface Node extends XNode {
  readonly children: Node[];
  value: LeafValue | undefined;
}

export function notificationTree(e: StreamEvent): XNode {
  let order = 0;
  const make = (parent: Node | undefined, module: string, name: string, schema: SchemaNode | undefined): Node => {
    const n: Node = { kind: parent ? 'element' : 'root', module, name, parent, children: [], order: order++, schema, value: undefined };
    parent?.children.push(n);
    return n;
  };

  const addMembers = (parent: Node, children: readonly SchemaNode[], module: string, obj: JsonObject): void => {
    for (const [member, value] of Object.entries(obj)) {
      const schema = lookupChild(children, module, member)?.node;
      const colon = member.indexOf(':');
      // Without a schema node (inside anydata) the member name alone says where it is.
      const childModule = schema?.module ?? (colon < 0 ? module : member.slice(0, colon));
      const name = schema?.name ?? member.slice(colon + 1);
      // Lists and leaf-lists are arrays of entries; a leaf of type empty is `[null]` (RFC 7951 6.9).
      const entries: JsonValue[] = Array.isArray(value) && (schema ? schema.kind === 'list' || schema.kind === 'leaf-list' : true) ? value : [value];
      for (const v of entries) {
        const n = make(parent, childModule, name, schema);
        if (isObject(v)) addMembers(n, schema && isDataNode(schema) ? childrenOf(schema) : [], childModule, v);
        else if (v !== null) n.value = v as LeafValue;
      }
    }
  };

  const root = make(undefined, '', '', undefined);
  const top = make(root, e.notification.module, e.notification.name, e.notification);
  addMembers(top, e.notification.children, e.notification.module, e.content);
  return root;
}
