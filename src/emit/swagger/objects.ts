/** Small object helpers shared by the emitters. */

export function mapValues<T, U>(o: Partial<Record<string, T>>, f: (v: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as T)]));
}

/** Drops undefined members, which JSON would drop anyway but `toEqual` and YAML would not. */
export function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
