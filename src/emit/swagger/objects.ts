/** Small object helpers shared by the emitters. */

export function mapValues<T, U>(o: Partial<Record<string, T>>, f: (v: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as T)]));
}

/** Drops undefined members, which JSON would drop anyway but `toEqual` and YAML would not. */
export function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * One instance per distinct key, so that the tens of thousands of operations of a large
 * document hold the same reference objects, tag lists and error responses instead of
 * copies (an interner lives for one document: nothing is shared between documents).
 */
export class Interner {
  private readonly values = new Map<string, unknown>();

  get<T>(key: string, make: () => T): T {
    let value = this.values.get(key) as T | undefined;
    if (value === undefined) this.values.set(key, (value = make()));
    return value;
  }

  ref(target: string): { $ref: string } {
    return this.get(target, () => ({ $ref: target }));
  }
}
