/**
 * Syntax of an instance-identifier value (RFC 7950 9.13, section 14 ABNF):
 * `1*("/" node-identifier *predicate)`, a predicate being `[key="v"]`,
 * `[.="v"]` or a position `[3]`. Which predicates a step needs depends on
 * the schema; callers that have one check that against the parsed steps.
 */

export type InstancePredicate =
  | { kind: 'key'; prefix?: string; name: string; value: string }
  | { kind: 'value'; value: string }
  | { kind: 'position'; position: number };

export interface InstanceStep {
  prefix?: string;
  name: string;
  predicates: InstancePredicate[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.-]*/;

/** The steps of `text`, or why it is not an instance-identifier. */
export function parseInstanceIdentifier(text: string): { steps: InstanceStep[] } | { error: string } {
  let i = 0;
  const steps: InstanceStep[] = [];
  const skipSpace = (): void => {
    while (text[i] === ' ' || text[i] === '\t') i++;
  };
  const nodeIdentifier = (): { prefix?: string; name: string } | undefined => {
    const first = IDENTIFIER.exec(text.slice(i))?.[0];
    if (!first) return undefined;
    i += first.length;
    if (text[i] !== ':') return { name: first };
    const name = IDENTIFIER.exec(text.slice(i + 1))?.[0];
    if (!name) return undefined;
    i += 1 + name.length;
    return { prefix: first, name };
  };
  const quoted = (): string | undefined => {
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = text.indexOf(quote, i + 1);
    if (end < 0) return undefined;
    const value = text.slice(i + 1, end);
    i = end + 1;
    return value;
  };
  const predicate = (): InstancePredicate | string => {
    i++; // "["
    skipSpace();
    let p: InstancePredicate | undefined;
    const digits = /^[0-9]+/.exec(text.slice(i))?.[0];
    if (digits) {
      if (!/^[1-9]/.test(digits)) return `invalid position "${digits}"`;
      i += digits.length;
      p = { kind: 'position', position: Number(digits) };
    } else {
      const key = text[i] === '.' ? '.' : nodeIdentifier();
      if (key === '.') i++;
      if (!key) return 'a predicate needs a key name, "." or a position';
      skipSpace();
      if (text[i] !== '=') return 'a predicate needs "="';
      i++;
      skipSpace();
      const value = quoted();
      if (value === undefined) return 'a predicate value must be a quoted string';
      p = key === '.' ? { kind: 'value', value } : { kind: 'key', ...key, value };
    }
    skipSpace();
    if (text[i] !== ']') return 'a predicate must end with "]"';
    i++;
    return p;
  };
  if (text[0] !== '/') return { error: 'an instance-identifier starts with "/"' };
  while (i < text.length) {
    if (text[i] !== '/') return { error: `unexpected "${text[i]}" at position ${i + 1}` };
    i++;
    const id = nodeIdentifier();
    if (!id) return { error: `a node name is expected at position ${i + 1}` };
    const step: InstanceStep = { ...id, predicates: [] };
    while (text[i] === '[') {
      const p = predicate();
      if (typeof p === 'string') return { error: p };
      step.predicates.push(p);
    }
    steps.push(step);
  }
  return { steps };
}
