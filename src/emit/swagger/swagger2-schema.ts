/**
 * Downgrade of the model's OpenAPI 3.1 schemas to Swagger 2.0, which has no
 * `anyOf`, `oneOf`, `not` or `null` type and ignores `$ref` siblings: unions become
 * their members' widest JSON type, interval lists give way to their hull,
 * inverted patterns and choice exclusivity are dropped, a `$ref` with siblings
 * moves into `allOf`.
 */
import type { OpenAPIV2 } from 'openapi-types';
import { SCHEMA_REF_PREFIX, type JsonSchema } from './json-schema.js';
import { definedOnly, Interner, mapValues } from './objects.js';

const DEFINITIONS_REF_PREFIX = '#/definitions/';

export class Swagger2Schemas {
  /** Names of the definitions the schemas converted since the last `collectRefs` refer to. */
  private refs: Set<string> | undefined;

  /** @param named the model's named schemas, to see through `$ref`s when approximating unions */
  constructor(
    private readonly named: Record<string, JsonSchema>,
    private readonly interner = new Interner(),
  ) {}

  /** Starts collecting the definitions that the schemas converted from now on refer to (in the output). */
  collectRefs(into: Set<string>): void {
    this.refs = into;
  }

  schema(schema: JsonSchema): OpenAPIV2.SchemaObject {
    const { $ref, ...rest } = schema;
    if ($ref !== undefined) {
      const name = $ref.slice(SCHEMA_REF_PREFIX.length);
      this.refs?.add(name);
      const ref = this.interner.ref(DEFINITIONS_REF_PREFIX + name);
      return Object.keys(rest).length ? { allOf: [ref], ...this.schema(rest) } : ref;
    }
    const out: OpenAPIV2.SchemaObject = {};
    // Key by key, so the output keeps the model's key order.
    for (const [key, value] of Object.entries(schema) as [keyof JsonSchema, never][]) {
      switch (key) {
        case 'anyOf':
          // Intervals of a range or length: the hull beside them stays.
          if (schema['x-yang-type'] === 'union') Object.assign(out, this.widestType(value));
          break;
        case 'type':
          // JSON `null` has no Swagger 2 type; an enum of it says the same.
          if (value === 'null') out.enum = [null];
          else out.type = value;
          break;
        case 'items':
          // openapi-types types `items` as a parameter's items object; schemas take a full schema there.
          out.items = this.schema(value) as OpenAPIV2.ItemsObject;
          break;
        case 'properties':
          out.properties = mapValues(value as Record<string, JsonSchema>, (s) => this.schema(s));
          break;
        case 'allOf': {
          const kept = (value as JsonSchema[]).filter((s) => !s.not && !s.oneOf).map((s) => this.schema(s));
          if (kept.length) out.allOf = kept;
          break;
        }
        case 'oneOf':
          break;
        default:
          out[key] = value;
      }
    }
    return out;
  }

  /** Non-body parameters and headers take a flat type; their values are text, so anything else is a string. */
  parameterType(schema: JsonSchema): Partial<OpenAPIV2.GeneralParameterObject> {
    const { type, format, enum: values, pattern, minimum, maximum, minLength, maxLength, allOf } = this.schema(schema);
    if (type !== 'string' && type !== 'integer' && type !== 'boolean') return { type: 'string' };
    const firstPattern = pattern ?? allOf?.find((s) => s.pattern)?.pattern;
    return definedOnly({ type, format, enum: values, pattern: firstPattern, minimum, maximum, minLength, maxLength });
  }

  /**
   * One type for a union: the members' common type (with their enums, if all have one),
   * `number` for integers and numbers, else `string`, the widest (every YANG value has a
   * string form). The member types are in the description and `x-yang-type` says union.
   */
  private widestType(members: JsonSchema[]): OpenAPIV2.SchemaObject {
    // Only the widest type is written: what the members refer to is not.
    const refs = this.refs;
    this.refs = undefined;
    const resolved = members.map((m) => this.schema(this.resolve(m)));
    this.refs = refs;
    const types = new Set(resolved.map((m) => m.type));
    if (types.size === 1 && !types.has(undefined)) {
      const enums = resolved.every((m) => m.enum) ? [...new Set(resolved.flatMap((m) => m.enum!))] : undefined;
      return { type: resolved[0]!.type, ...(enums ? { enum: enums } : {}) };
    }
    return { type: [...types].every((t) => t === 'integer' || t === 'number') ? 'number' : 'string' };
  }

  private resolve(schema: JsonSchema): JsonSchema {
    return schema.$ref ? this.resolve(this.named[schema.$ref.slice(SCHEMA_REF_PREFIX.length)]!) : schema;
  }
}
