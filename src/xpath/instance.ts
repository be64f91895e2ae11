import type { XNode } from './node.js';

/** The nodes an RFC 7951 instance-identifier value (module-name prefixes) names from `root`. */
export function instanceTargets(root: XNode, value: string): XNode[] {
  throw new Error('not implemented');
}
