/**
 * `when` and `must` over the instance tree (RFC 7950 7.5.3, 7.21.5, 8.1):
 * each expression evaluated by the XPath engine with the node's module for
 * unprefixed names and the context node RFC 7950 7.21.5 gives it.
 */
import type { CaseNode, ChoiceNode, SchemaNode, SchemaSet, XPathIR } from '../ir/types.js';
import { XPathCache, XPathEvalError, XPathSyntaxError, type XPathEnv, compileXPath, evaluateBoolean } from '../xpath/index.js';
import type { ErrorSink } from './errors.js';
import { Element } from './instance.js';

export class Conditions {
  private readonly envs = new Map<string, XPathEnv>();
  /** The engine's key indexes: valid while the tree does not change. */
  private cache = new XPathCache();
  /** Choice and case conditions per parent element, evaluated once per settling pass. */
  private groups = new WeakMap<Element, Map<SchemaNode, boolean>>();

  constructor(
    private readonly schema: SchemaSet,
    private readonly sink: ErrorSink,
  ) {}

  /** The evaluation environment of an expression belonging to a node of `module`. */
  env(module: string): XPathEnv {
    let env = this.envs.get(module);
    if (!env) {
      const modules = this.schema.modules;
      env = { defaultModule: module, identities: this.schema.identities, namespaceOf: (m) => modules[m]?.namespace, cache: this.cache };
      this.envs.set(module, env);
    }
    return env;
  }

  /** Evaluates `x` as a boolean; an expression the engine cannot evaluate is reported on `el` and counts as true (no cascade). */
  test(x: XPathIR, module: string, context: Element, el: Element): boolean {
    try {
      return evaluateBoolean(compileXPath(x), context, this.env(module));
    } catch (e) {
      if (!(e instanceof XPathEvalError || e instanceof XPathSyntaxError)) throw e;
      this.sink.on('xpath-error', el, `XPath "${x.expr}" cannot be evaluated: ${e.message}.`);
      return true;
    }
  }

  /** Forgets cached choice/case results (the tree changed). */
  reset(): void {
    this.groups = new WeakMap();
    this.cache = new XPathCache();
    this.envs.clear();
  }

  /** The first false condition `el` exists under (those of its enclosing choices and cases, then its own), or undefined. */
  failing(el: Element): XPathIR | undefined {
    const parent = el.parent!;
    for (const m of el.cases) {
      for (const group of [m.choice, m.case]) if (!this.groupHolds(parent, group)) return group.when!.find((w) => !this.test(w, group.module, parent, parent));
    }
    return el.schema?.when?.find((w) => !this.test(w, el.schema!.module, w.onParent ? parent : el, el));
  }

  /** A choice's or case's conditions: their context is the closest ancestor data node (7.21.5). */
  groupHolds(parent: Element, node: ChoiceNode | CaseNode): boolean {
    if (!node.when?.length) return true;
    let byNode = this.groups.get(parent);
    if (!byNode) this.groups.set(parent, (byNode = new Map()));
    let result = byNode.get(node);
    if (result === undefined) {
      result = node.when.every((w) => this.test(w, node.module, parent, parent));
      byNode.set(node, result);
    }
    return result;
  }


  /**
   * Whether `node`, absent from `parent`, would satisfy its own conditions: evaluated on a
   * detached stand-in instance, as libyang does, so mandatory and min-elements apply only
   * where the node may exist (RFC 7950 7.6.5, 7.7.5).
   */
  absentHolds(parent: Element, node: SchemaNode): boolean {
    if (!node.when?.length) return true;
    const standIn = new Element(parent, node);
    standIn.order = parent.order;
    return node.when.every((w) => this.test(w, node.module, w.onParent ? parent : standIn, standIn));
  }
}
