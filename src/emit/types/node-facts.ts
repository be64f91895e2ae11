/** What the emitters need to know about schema nodes beyond the IR's fields: views, presence rules. */
import type { CaseNode, ChoiceNode, DataNode, SchemaNode, SchemaSet } from '../../ir/types.js';

/** `config`: configuration only (what a client writes); `data`: configuration and state (what a read returns). */
export type View = 'config' | 'data';

export function isDataNode(node: SchemaNode): node is DataNode {
  return ['container', 'list', 'leaf', 'leaf-list', 'anydata', 'anyxml'].includes(node.kind);
}

export function inView(node: SchemaNode, view: View): boolean {
  return view === 'data' || node.config;
}

/** Data nodes of a case, nested choices' included: what an instance of the case may contain. */
export function caseMembers(node: CaseNode, view: View): DataNode[] {
  return node.children.flatMap((child) => {
    if (!inView(child, view)) return [];
    if (child.kind === 'choice') return child.cases.flatMap((c) => caseMembers(c, view));
    return isDataNode(child) ? [child] : [];
  });
}

export class NodeFacts {
  /** Schema paths of nodes an augment with a `when` condition added. */
  private readonly conditionallyAugmented = new Set<string>();
  private readonly required = { config: new Map<SchemaNode, boolean>(), data: new Map<SchemaNode, boolean>() };
  private readonly stateBelow = new Map<SchemaNode, boolean>();

  constructor(schema: SchemaSet) {
    for (const module of Object.values(schema.modules)) {
      for (const augment of module.augments) {
        if (augment.when !== undefined) for (const node of augment.nodes) this.conditionallyAugmented.add(node.schemaPath);
      }
    }
  }

  /** A node under a `when` exists only while the condition holds, so it is never unconditionally required. */
  private conditional(node: SchemaNode): boolean {
    return node.when !== undefined || this.conditionallyAugmented.has(node.schemaPath);
  }

  /**
   * Whether an instance must contain the node wherever its parent exists: mandatory
   * leaves and choices, keys, lists with min-elements, and non-presence containers
   * holding such nodes. Nodes inside a case are required only once the case is taken.
   */
  isRequired(node: SchemaNode, view: View): boolean {
    const memo = this.required[view];
    let result = memo.get(node);
    if (result === undefined) memo.set(node, (result = !this.conditional(node) && this.requiredByKind(node, view)));
    return result;
  }

  private requiredByKind(node: SchemaNode, view: View): boolean {
    switch (node.kind) {
      case 'leaf':
        return node.mandatory || node.isKey;
      case 'anydata':
      case 'anyxml':
      case 'choice':
        return node.mandatory;
      case 'list':
      case 'leaf-list':
        return node.minElements > 0;
      case 'container':
        return node.presence === undefined && this.anyRequired(node.children, view);
      default:
        return false;
    }
  }

  /** Whether any of `children` (choices included, cases' contents not) is required in the view. */
  anyRequired(children: SchemaNode[], view: View): boolean {
    return children.some((c) => inView(c, view) && (isDataNode(c) || c.kind === 'choice') && this.isRequired(c, view));
  }

  /** A configuration node with `config false` descendants, which therefore gets a separate configuration type. */
  hasStateBelow(node: SchemaNode): boolean {
    let result = this.stateBelow.get(node);
    if (result === undefined) {
      const below = dataChildren(node);
      this.stateBelow.set(node, (result = below.some((c) => !c.config || this.hasStateBelow(c))));
    }
    return result;
  }
}

/** Children that are data nodes or choices/cases (operations and notifications are never configuration). */
function dataChildren(node: SchemaNode): (DataNode | ChoiceNode | CaseNode)[] {
  const children = node.kind === 'choice' ? node.cases : 'children' in node ? node.children : [];
  return children.filter((c): c is DataNode | ChoiceNode | CaseNode => isDataNode(c) || c.kind === 'choice' || c.kind === 'case');
}
