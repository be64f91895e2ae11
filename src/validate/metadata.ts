/**
 * RFC 7952 metadata in an RFC 7951 document (section 5.2): "@" holds the annotations of the
 * object it is in, "@name" those of its sibling member "name" (an array, entry by entry, for
 * a leaf-list). Each annotation is a namespace-qualified member naming an `md:annotation`
 * of a loaded module, and its value is one of the annotation's type.
 */
import type { SchemaSet, TypeIR } from '../ir/types.js';
import { type JsonObject, type JsonValue, isObject } from '../restconf/schema-index.js';
import { checkValue } from '../values/check.js';
import type { ErrorSink } from './errors.js';

/** Every annotation of the schema by `module:name`. */
export type Annotations = ReadonlyMap<string, TypeIR>;

export function annotationsOf(schema: SchemaSet): Annotations {
  const table = new Map<string, TypeIR>();
  for (const m of Object.values(schema.modules)) for (const a of m.annotations ?? []) table.set(`${m.name}:${a.name}`, a.type);
  return table;
}

export interface MetadataContext {
  annotations: Annotations;
  encoding: 'json' | 'lexical';
  sink: ErrorSink;
}

/** Checks the metadata member `member` ("@" or "@name") of `obj`, the object at instance path `path`. */
export function checkMetadata(ctx: MetadataContext, obj: JsonObject, member: string, path: string): void {
  const value = obj[member]!;
  const at = { holder: obj, key: member };
  const target = member.slice(1);
  if (!target) {
    checkAnnotations(ctx, value, path, at);
    return;
  }
  const annotated = obj[target];
  const where = `${path}/${target}`;
  if (annotated === undefined) {
    ctx.sink.add('invalid-metadata', where, `Missing data instance "${target}" to be coupled with metadata "${member}".`, at);
    return;
  }
  if (!Array.isArray(annotated) || isEmptyValue(annotated)) {
    checkAnnotations(ctx, value, where, at);
    return;
  }
  if (!Array.isArray(value) || value.length > annotated.length) {
    ctx.sink.add('invalid-metadata', where, `Metadata "${member}" must be an array of at most ${annotated.length} entries, one for each entry of "${target}".`, at);
    return;
  }
  value.forEach((entry, i) => {
    if (entry !== null) checkAnnotations(ctx, entry, `${where}[${i + 1}]`, { holder: value, key: i });
  });
}

/** `[null]`: the value of a leaf of type empty, not an array of entries. */
function isEmptyValue(v: JsonValue[]): boolean {
  return v.length === 1 && v[0] === null;
}

function checkAnnotations(ctx: MetadataContext, value: JsonValue, path: string, at: { holder: object; key: string | number }): void {
  if (!isObject(value)) {
    ctx.sink.add('invalid-metadata', path, 'Metadata must be an object of annotations.', at);
    return;
  }
  for (const name in value) {
    const place = { holder: value, key: name };
    const colon = name.indexOf(':');
    if (colon < 0) {
      ctx.sink.add('unknown-metadata', path, `Annotation "${name}" must be namespace-qualified (module:name).`, place);
      continue;
    }
    const type = ctx.annotations.get(name);
    if (!type) {
      ctx.sink.add('unknown-metadata', path, `No annotation "${name}" is defined by a loaded module.`, place);
      continue;
    }
    const r = checkValue(type, value[name], ctx.encoding, name.slice(0, colon));
    if (!r.ok) ctx.sink.add('invalid-metadata', path, `Invalid value ${JSON.stringify(value[name])} of annotation "${name}": ${r.message}.`, place, r.appTag);
  }
}
