/**
 * The event stream `filter` query parameter (RFC 8040 4.8.4): an XPath 1.0
 * expression whose prefixes are module names, evaluated with the root of the
 * notification document as context node (RFC 5277 3.6). An unprefixed name is
 * in the module of the notification being tested.
 */
import type { SchemaSet } from '../ir/types.js';
import { type CompiledXPath, type XNode, XPathEvalError, XPathSyntaxError, compileXPath, evaluateBoolean, usedPrefixMap, xpathPrefixes } from '../xpath/index.js';
import { badQuery } from './errors.js';
import type { StreamEvent } from './event-log.js';

/** Whether an event passes the filter; `tree` builds (once per event, shared by subscribers) its XNode document. */
export type EventFilter = (e: StreamEvent, tree: () => XNode) => boolean;

const EMPTY_ROOT: XNode = { kind: 'root', module: '', name: '', parent: undefined, children: [], order: 0, schema: undefined, value: undefined };

/** Compiles `expr` against the served modules; any problem with it is a 400 invalid-value. */
export function compileFilter(schema: SchemaSet, expr: string): EventFilter {
  if (!expr.trim()) throw badQuery('filter needs an XPath expression');
  const unknown = xpathPrefixes(expr).filter((p) => !schema.modules[p]);
  if (unknown.length) throw badQuery(`filter: unknown module prefix ${unknown.map((p) => `"${p}"`).join(', ')} (prefixes are module names)`);
  const modules = new Map(Object.keys(schema.modules).map((m) => [m, m]));
  const namespaceOf = (m: string): string | undefined => schema.modules[m]?.namespace;
  const env = (defaultModule: string) => ({ defaultModule, identities: schema.identities, namespaceOf });
  let compiled: CompiledXPath;
  try {
    compiled = compileXPath({ expr, prefixes: usedPrefixMap(expr, modules) });
    // Mistakes that show only when evaluating (a variable, a step on a number) show on an empty document too.
    evaluateBoolean(compiled, EMPTY_ROOT, env(''));
  } catch (err) {
    if (err instanceof XPathSyntaxError || err instanceof XPathEvalError) throw badQuery(`filter: ${err.message}`);
    throw err;
  }
  return (e, tree) => {
    try {
      return evaluateBoolean(compiled, tree(), env(e.notification.module));
    } catch (err) {
      // An expression that fails on this notification's data selects nothing of it.
      if (err instanceof XPathEvalError) return false;
      throw err;
    }
  };
}
