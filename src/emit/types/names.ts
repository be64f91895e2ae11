/** Turning YANG identifiers into TypeScript identifiers and member names. */

/** Words no declaration or namespace import may be named. */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'implements interface let package private protected public static yield await'
  ).split(' '),
);

function words(yangName: string): string[] {
  return yangName.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
}

function identifier(text: string): string {
  return text === '' || /^[0-9]/.test(text) ? `_${text}` : text;
}

const capitalize = (w: string): string => w[0]!.toUpperCase() + w.slice(1);

/** `ietf-inet-types` -> `IetfInetTypes`: YANG's `-`, `_` and `.` separate words. */
export function pascalCase(yangName: string): string {
  return identifier(words(yangName).map(capitalize).join(''));
}

/** `ietf-inet-types` -> `ietfInetTypes`, for values and namespace imports (never clashing with PascalCase types). */
export function camelCase(yangName: string): string {
  const [first = '', ...rest] = words(yangName);
  return identifier(first.toLowerCase() + rest.map(capitalize).join(''));
}

/** A member name as written in an object type: quoted unless it is a plain identifier (`"ietf-ip:ipv4"`, `mtu`). */
export function propertyName(jsonName: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(jsonName) ? jsonName : JSON.stringify(jsonName);
}

/** Hands out the top-level identifiers of one generated file so that no two declarations collide. */
export class NameRegistry {
  private readonly taken = new Set<string>(RESERVED);

  /** `preferred` if still free, else `preferred_2`, `preferred_3`, ... */
  claim(preferred: string): string {
    let name = preferred;
    for (let n = 2; this.taken.has(name); n++) name = `${preferred}_${n}`;
    this.taken.add(name);
    return name;
  }
}
