/**
 * An `example` for every leaf schema, so that documentation and mock servers (Prism)
 * show values the document itself accepts: the default, else the first enum or identity,
 * a number inside the range, a string matching the patterns and length.
 */
import type { Interval, TypeIR } from '../../ir/types.js';
import { identityValueSpellings } from '../../ir/identity-values.js';
import { jsonValue } from './json-schema.js';
import { patternExample } from './pattern-example.js';

/** The example value of a leaf of type `t` in `leafModule`; undefined when none can be made. */
export function exampleValue(t: TypeIR, leafModule: string, defaultValue: string | undefined): unknown {
  return defaultValue !== undefined ? jsonValue(t, defaultValue) : typeExample(t, leafModule);
}

function typeExample(t: TypeIR, leafModule: string): unknown {
  switch (t.base) {
    case 'boolean':
      return true;
    case 'empty':
      return [null];
    case 'int8':
    case 'int16':
    case 'int32':
    case 'uint8':
    case 'uint16':
    case 'uint32':
      return Number(numberInRange(t.range));
    case 'int64':
    case 'uint64':
    case 'decimal64':
      return numberInRange(t.range);
    case 'enumeration':
      return t.enums?.[0]?.name;
    case 'identityref':
      // With no identity derived from the base loaded, the schema takes any string: name the base.
      return identityValueSpellings(t.identityref?.values ?? [], leafModule)[0] ?? t.identityref?.bases[0];
    case 'bits':
      return t.bits?.[0]?.name ?? '';
    case 'binary':
      return Buffer.alloc(Number(t.length?.[0]?.min ?? 0)).toString('base64');
    case 'string':
      return t.patterns?.length ? patternExample(t.patterns, t.length) : 'x'.repeat(shortLength(t.length));
    case 'instance-identifier':
      return `/${leafModule}:data`;
    case 'leafref':
      return t.leafref?.type ? typeExample(t.leafref.type, leafModule) : 'x';
    case 'union': {
      // A string member's first: Swagger 2.0 widens a union of string and other members to a string (swagger2-schema.ts).
      const examples = (t.union ?? []).map((m) => typeExample(m, leafModule)).filter((v) => v !== undefined);
      return examples.find((v) => typeof v === 'string') ?? examples[0];
    }
  }
}

/** A short non-empty length the restriction allows (empty only if that is all it allows). */
function shortLength(length: readonly Interval[] | undefined): number {
  const first = length?.[0];
  if (!first) return 1;
  return Number(first.min) > 0 ? Number(first.min) : Number(first.max) >= 1 ? 1 : 0;
}

/** 0 where the range allows it, else the lower bound of its first interval (as written). */
function numberInRange(range: readonly Interval[] | undefined): string {
  if (!range?.length || range.some((i) => Number(i.min) <= 0 && Number(i.max) >= 0)) return '0';
  return range[0]!.min;
}
