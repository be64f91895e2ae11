/**
 * The structure of a leafref `path` argument (RFC 7950 9.9.2, section 14 `path-arg`):
 * steps up (`..`) and down (node identifiers), each down step with its key predicates
 * `[key = current()/../a/b]`. The argument's syntax is checked where it is written (bad-path);
 * this only splits a well-formed one, and gives up (undefined) on anything else.
 */
export interface NodeId {
  prefix?: string;
  name: string;
}

export interface PathPredicate {
  key: NodeId;
  /** How many `..` follow `current()`. */
  up: number;
  down: NodeId[];
}

export type PathStep = { up: true } | (NodeId & { up?: undefined; predicates: PathPredicate[] });

export interface LeafrefPath {
  absolute: boolean;
  steps: PathStep[];
}

const NODE_ID = /^\s*(?:([A-Za-z_][\w.-]*)\s*:\s*)?([A-Za-z_][\w.-]*)\s*$/;
const DOWN_STEP = /^([^[]*)((?:\[[^\]]*\])*)$/;
const PREDICATE = /^\s*([^=]+)=\s*current\s*\(\s*\)\s*\/(.*)$/;

function nodeId(text: string): NodeId | undefined {
  const m = NODE_ID.exec(text);
  if (!m) return undefined;
  return m[1] === undefined ? { name: m[2]! } : { prefix: m[1], name: m[2]! };
}

function predicate(text: string): PathPredicate | undefined {
  const m = PREDICATE.exec(text);
  const key = m && nodeId(m[1]!);
  if (!key) return undefined;
  const parts = m[2]!.split('/').map((p) => p.trim());
  let up = 0;
  while (parts[up] === '..') up++;
  const down = parts.slice(up).map(nodeId);
  if (up === 0 || !down.length || down.some((d) => !d)) return undefined;
  return { key, up, down: down as NodeId[] };
}

/** Splits `path` at the `/` outside predicates. */
function segments(path: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of path) {
    if (ch === '[') depth++;
    else if (ch === ']') depth--;
    if (ch === '/' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

export function parseLeafrefPath(path: string): LeafrefPath | undefined {
  const parts = segments(path.trim());
  const absolute = parts[0]!.trim() === '';
  const steps: PathStep[] = [];
  for (const part of absolute ? parts.slice(1) : parts) {
    if (part.trim() === '..') {
      steps.push({ up: true });
      continue;
    }
    const m = DOWN_STEP.exec(part);
    const id = m && nodeId(m[1]!);
    if (!id) return undefined;
    const predicates: PathPredicate[] = [];
    for (const p of m[2]!.match(/\[[^\]]*\]/g) ?? []) {
      const parsed = predicate(p.slice(1, -1));
      if (!parsed) return undefined;
      predicates.push(parsed);
    }
    steps.push({ ...id, predicates });
  }
  return steps.length ? { absolute, steps } : undefined;
}
