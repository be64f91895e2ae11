/**
 * A notification's content as an instance tree (XNode) without validating it: for readers
 * that evaluate XPath over content already checked, such as the RESTCONF event stream
 * `filter` (RFC 8040 4.8.4), whose context is the root of the conceptual document holding
 * the notification element (RFC 5277 3.6).
 */
import type { NotificationNode } from '../ir/types.js';
import type { JsonObject } from '../restconf/schema-index.js';
import type { XNode } from '../xpath/node.js';
import { buildMembers } from './build.js';
import { ErrorSink } from './errors.js';
import { Element, appendChild, numberTree } from './instance.js';

/** The document root holding `notification` with `content` (canonical RFC 7951) below it. */
export function notificationTree(notification: NotificationNode, content: JsonObject): XNode {
  const root = new Element(undefined, undefined);
  const top = appendChild(root, new Element(root, notification));
  buildMembers({ kind: 'notification', encoding: 'json', sink: new ErrorSink(), complete: false, top: [], invalid: new Set(), annotations: new Map() }, top, content, notification.children, notification.module);
  numberTree(root);
  return root;
}
