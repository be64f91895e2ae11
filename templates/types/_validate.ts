/**
 * Support of the validators yangkit generated beside this file: each checks a
 * JSON value with yangkit's own instance validation (`yangkit/validate`, the
 * engine behind `yangkit validate` and the RESTCONF server), so every rule of
 * RFC 7950 section 8 holds: types, keys, mandatory nodes, element counts,
 * choices, `must`, `when`, `unique`, leafref and instance-identifier targets.
 * References are resolved within the document given (and, for operations and
 * notifications, the datastore passed along).
 */
import {
  type DataError,
  type SchemaSet,
  type ValidateOptions,
  validateData,
} from "yangkit/validate";

export interface ValidationError {
  /** Instance path of the offending node, e.g. `/ietf-interfaces:interfaces/interface[name='eth0']/enabled`; relative to the value for operations and notifications. */
  path: string;
  /** Stable rule code, e.g. `must-violation`, `instance-required`, `mandatory`, `invalid-value`. */
  rule: string;
  message: string;
  /** The `error-app-tag` of the rule (a must's own, or RFC 7950 section 15's). */
  appTag?: string;
}

/** One step of the data path down to an operation or notification: its RFC 7951 member name, and whether it is a list. */
export type Step = readonly [member: string, list?: 1];

/**
 * What a validator checks: an instance document of one module (`members`: its top-level
 * member names), or the input/output of an rpc or action or a notification at `path`.
 */
export type Root =
  | { readonly kind: "data" | "config"; readonly members: readonly string[] }
  | {
      readonly kind: "input" | "output" | "notification";
      readonly path: readonly Step[];
    };

/** The compiled YANG modules (descriptions left out), as the engine reads them. */
const schema: SchemaSet = JSON.parse(
  {{schema}},
);

const KIND = {
  input: "rpc",
  output: "rpc-reply",
  notification: "notification",
} as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The steps of an instance path: `/a/b[k='x/y']/c` -> ['a', "b[k='x/y']", 'c']. */
function steps(path: string): string[] {
  return path.match(/(?:[^/'"]|'[^']*'|"[^"]*")+/g) ?? [];
}

function toError(e: DataError, path: string): ValidationError {
  return {
    path,
    rule: e.rule,
    message: e.message,
    ...(e.appTag === undefined ? {} : { appTag: e.appTag }),
  };
}

/** Checks `value` as `root` says; `datastore` is the configuration and state an operation's or notification's references may read. */
export function validate(
  root: Root,
  value: unknown,
  datastore?: unknown,
): ValidationError[] {
  if (!("path" in root)) {
    // The document of one module: members of other modules are not part of it, nor what they lack.
    const own = new Set(root.members);
    const foreign = isObject(value)
      ? Object.keys(value).filter((m) => !own.has(m))
      : [];
    return [
      ...foreign.map((m) => ({
        path: `/${m}`,
        rule: "unknown-element",
        message: `"${m}" is not a top-level node of this module.`,
      })),
      ...validateData(schema, value, { type: root.kind })
        .filter(
          (e) =>
            e.path === "/" || own.has(steps(e.path)[0]!.replace(/\[.*$/s, "")),
        )
        .map((e) => toError(e, e.path || "/")),
    ];
  }
  // The engine takes an operation or notification inside its data path; entries of the lists on the way carry no keys,
  // so only the errors inside the value are reported, their paths made relative to it.
  const document: Record<string, unknown> = {};
  let holder = document;
  root.path.forEach(([member, list], i) => {
    const next: Record<string, unknown> = {};
    holder[member] = i === root.path.length - 1 ? value : list ? [next] : next;
    holder = next;
  });
  const options: ValidateOptions = { type: KIND[root.kind] };
  if (isObject(datastore))
    options.datastore = datastore as NonNullable<ValidateOptions["datastore"]>;
  const depth = root.path.length;
  const member = root.path[depth - 1]![0];
  return validateData(schema, document, options).flatMap((e) => {
    const at = steps(e.path);
    if (at.length < depth || at[depth - 1]!.replace(/\[.*$/s, "") !== member)
      return [];
    return [toError(e, `/${at.slice(depth).join("/")}`)];
  });
}
