/**
 * JSON schemas of YANG data trees (RFC 7951) and of the RESTCONF message
 * bodies built from them (RFC 8040).
 *
 * Each container, list entry, operation input/output and module-level typedef
 * gets one named schema, registered when first referenced, so a document holds
 * only what its paths use. Groupings are expanded in the IR, so structurally
 * equal schemas are merged to get their sharing back: the uses of a grouping
 * whose expansions came out the same (no refine, augment, deviation, feature or
 * config context telling them apart) share one schema, named after the grouping
 * (see `origins.ts`); uses that differ get their own, numbered in document order.
 * Config false members of config true parents are `readOnly`: one schema then
 * serves both request bodies and responses.
 */
import type {
  ChoiceNode,
  ContainerNode,
  DataNode,
  LeafListNode,
  LeafNode,
  ListNode,
  ModuleIR,
  OperationNode,
  SchemaNode,
  SchemaSet,
  TypeIR,
} from '../../ir/types.js';
import { exampleValue } from './examples.js';
import { jsonValue, schemaRef, typeSchema, type JsonSchema } from './json-schema.js';
import { groupingOrigins } from './origins.js';

export const RESTCONF_DATA = 'ietf-restconf:data';

export class DataSchemas {
  /** Named schemas, in registration order. */
  readonly schemas: Record<string, JsonSchema> = {};
  private readonly names = new Map<object, string>();
  private readonly byContent = new Map<string, string>();
  /** JSON text of each module-level typedef's own schema, to compare uses against. */
  private readonly typedefTexts = new Map<object, string>();
  private readonly origins: Map<SchemaNode, string>;
  private readonly typeSchemas = new Map<TypeIR, Map<string, JsonSchema>>();

  /** @param module the module whose document this is */
  constructor(
    private readonly schemaSet: SchemaSet,
    module: ModuleIR,
  ) {
    this.origins = groupingOrigins(module);
  }

  /**
   * Base name of the schemas of `node`: `grouping.path` inside a grouping expansion, e.g.
   * `subnet-list.subnet.range`, else its data path, e.g. `example-jukebox.jukebox.library`.
   */
  nameOf(node: SchemaNode): string {
    return schemaName(this.origins.get(node) ?? node.path);
  }

  /**
   * Schema of a value of type `t` held by a leaf of `leafModule`. A type that is exactly a
   * module-level typedef (not restricted further where used, and with the same unprefixed
   * identities as in the typedef's own module) becomes a `$ref` to that typedef's schema.
   */
  type(t: TypeIR, leafModule: string): JsonSchema {
    // The expansions of a grouping share their leaves' types: each is converted once per module.
    let byModule = this.typeSchemas.get(t);
    if (!byModule) this.typeSchemas.set(t, (byModule = new Map()));
    let schema = byModule.get(leafModule);
    if (!schema) byModule.set(leafModule, (schema = this.convertType(t, leafModule)));
    return schema;
  }

  private convertType(t: TypeIR, leafModule: string): JsonSchema {
    const inline = typeSchema(t, leafModule, (m) => this.type(m, leafModule));
    const owner = t.typedef?.module;
    const typedef = owner && this.schemaSet.modules[owner]?.typedefs.find((d) => d.name === t.typedef!.name);
    if (!owner || !typedef) return inline;
    let own = this.typedefTexts.get(typedef);
    if (own === undefined) this.typedefTexts.set(typedef, (own = JSON.stringify(typeSchema(typedef.type, owner, (m) => this.type(m, owner)))));
    if (JSON.stringify(inline) !== own) return inline;
    return this.named(typedef, schemaName(`typedef/${owner}/${typedef.name}`), () => ({ ...inline, ...describe(typedef.description) }));
  }

  /** `$ref` to the schema of a container's content or of one list entry. */
  entry(node: ContainerNode | ListNode): JsonSchema {
    return this.named(node, this.nameOf(node), () => ({
      type: 'object',
      ...describe(node.description, node.kind === 'container' && node.presence ? `Presence: ${node.presence}` : undefined),
      ...this.members(node.children, node.config),
    }));
  }

  /** `$ref` to the schema of an operation's input or output content. */
  operationContent(op: OperationNode, direction: 'input' | 'output'): JsonSchema {
    const nodes = op[direction] ?? [];
    return this.named(nodes, `${this.nameOf(op)}.${direction}`, () => ({ type: 'object', ...this.members(nodes, false) }));
  }

  /** `$ref` to the content of the `ietf-restconf:data` datastore resource: the module's top-level nodes. */
  datastore(topLevel: SchemaNode[]): JsonSchema {
    return this.named(topLevel, schemaName(RESTCONF_DATA), () => ({
      type: 'object',
      description: 'The combined configuration and state data of the module (RFC 8040 3.3.1).',
      ...this.members(topLevel, true),
    }));
  }

  /**
   * Registers (once per key) a named schema, reusing an equal one registered under another
   * name; a taken name gets a numeric suffix (`-2`, `-3`, ... in registration order).
   */
  private named(key: object, baseName: string, build: () => JsonSchema): JsonSchema {
    return schemaRef(this.register(key, baseName, build));
  }

  /** Like `named`, returning the name. */
  register(key: object, baseName: string, build: () => JsonSchema): string {
    let name = this.names.get(key);
    if (name === undefined) {
      // Reserved before building so that nested schemas are listed after their parent.
      name = uniqueName(baseName, this.schemas);
      this.schemas[name] = {};
      const schema = build();
      const content = JSON.stringify(schema);
      const equal = this.byContent.get(content);
      if (equal === undefined) {
        this.schemas[name] = schema;
        this.byContent.set(content, name);
      } else {
        delete this.schemas[name];
        name = equal;
      }
      this.names.set(key, name);
    }
    return name;
  }

  /**
   * Properties of an object holding `children`: every case's members are listed, and each
   * choice adds a `oneOf` that lets the members of at most one case be present.
   */
  private members(children: SchemaNode[], parentConfig: boolean): Pick<JsonSchema, 'properties' | 'required' | 'oneOf' | 'allOf'> {
    const properties: Record<string, JsonSchema> = {};
    const choices: JsonSchema[] = [];
    const enforced = (node: SchemaNode, inChoice: boolean) => !inChoice && !(parentConfig && !node.config) && !node.when;
    const visit = (nodes: SchemaNode[], inChoice: boolean) => {
      for (const child of nodes) {
        if (child.kind === 'choice') {
          const oneOf = choiceAlternatives(child, enforced(child, inChoice) && child.mandatory, parentConfig);
          if (oneOf) choices.push({ oneOf });
          visit(child.cases, true);
        } else if (child.kind === 'case') visit(child.children, true);
        else if (isDataNode(child)) {
          const value = this.value(child);
          properties[child.jsonName] = parentConfig && !child.config ? { ...value, readOnly: true } : value;
        }
      }
    };
    visit(children, false);
    const required = requiredMembers(children, parentConfig);
    return { properties, ...(required.length ? { required } : {}), ...(choices.length === 1 ? choices[0] : choices.length > 1 ? { allOf: choices } : {}) };
  }

  /** The JSON value of a data node as an object member. */
  private value(node: DataNode): JsonSchema {
    switch (node.kind) {
      case 'container':
        return this.entry(node);
      case 'list':
        return { type: 'array', items: this.entry(node), ...itemBounds(node) };
      case 'leaf':
        return this.leaf(node);
      case 'leaf-list':
        return {
          type: 'array',
          ...describe(node.description, unitsNote(node.units)),
          items: this.type(node.type, node.module),
          ...itemBounds(node),
          ...(node.default ? { default: node.default.map((d) => jsonValue(node.type, d)) } : {}),
          ...this.leafListExample(node),
        };
      case 'anydata':
        return { type: 'object', ...describe(node.description) };
      case 'anyxml':
        return describe(node.description);
    }
  }

  private leaf(leaf: LeafNode): JsonSchema {
    const type = this.type(leaf.type, leaf.module);
    return {
      ...type,
      // The type's own note (union members, a range) follows the leaf's description.
      ...describe(leaf.description, type.$ref ? undefined : type.description, unitsNote(leaf.units)),
      ...(leaf.default !== undefined ? { default: jsonValue(leaf.type, leaf.default) } : {}),
      ...definedExample(exampleValue(leaf.type, leaf.module, leaf.default)),
    };
  }

  /** The defaults, else one example value where a single entry is allowed. */
  private leafListExample(node: LeafListNode): Pick<JsonSchema, 'example'> {
    if (node.default) return { example: node.default.map((d) => jsonValue(node.type, d)) };
    const value = exampleValue(node.type, node.module, undefined);
    return node.minElements <= 1 ? definedExample(value === undefined ? undefined : [value]) : {};
  }

  /**
   * The value of the target of a data resource (RFC 8040 3.5): a list or
   * leaf-list resource is one entry, still encoded as a one-element array.
   */
  resourceValue(node: DataNode): JsonSchema {
    if (node.kind === 'list' && node.keys.length > 0) return { type: 'array', items: this.entry(node), minItems: 1, maxItems: 1 };
    if (node.kind === 'leaf-list') return { ...this.value(node), minItems: 1, maxItems: 1 };
    return this.value(node);
  }
}

/** Body of a data resource: one member named `module:name` (RFC 8040 4.4.1 / 4.5). */
export function wrap(memberName: string, value: JsonSchema): JsonSchema {
  return { type: 'object', properties: { [memberName]: value }, required: [memberName] };
}

export function qualifiedName(node: SchemaNode): string {
  return `${node.module}:${node.name}`;
}

export function isDataNode(node: SchemaNode): node is DataNode {
  return ['container', 'list', 'leaf', 'leaf-list', 'anydata', 'anyxml'].includes(node.kind);
}

/** Data nodes among `nodes`, looking through choice and case. */
export function dataChildren(nodes: SchemaNode[]): DataNode[] {
  return nodes.flatMap((n) => (n.kind === 'choice' ? dataChildren(n.cases) : n.kind === 'case' ? dataChildren(n.children) : isDataNode(n) ? [n] : []));
}

/** Members that must be present among `nodes` (not looking into choices): mandatory, not read-only, unconditional. */
function requiredMembers(nodes: SchemaNode[], parentConfig: boolean): string[] {
  return nodes.filter((n): n is DataNode => isDataNode(n) && !(parentConfig && !n.config) && !n.when && isMandatory(n)).map((n) => n.jsonName);
}

/**
 * RFC 7950 7.9: the members of at most one case of a choice may be present (of exactly
 * one, for a mandatory choice). One alternative per case: some member of the case is
 * present, its mandatory members are, and no member of another case is; plus, unless
 * mandatory, one with no member of any case. The alternatives exclude each other, so
 * `oneOf` fails exactly when two cases are mixed. Undefined when there is nothing to check.
 */
function choiceAlternatives(choice: ChoiceNode, mandatory: boolean, parentConfig: boolean): JsonSchema[] | undefined {
  const cases = choice.cases
    .map((c) => ({ members: dataChildren(c.children).map((n) => n.jsonName), required: requiredMembers(c.children, parentConfig) }))
    .filter((c) => c.members.length > 0);
  if (cases.length === 0 || (cases.length === 1 && !mandatory)) return undefined;
  const anyPresent = (names: string[]): JsonSchema => ({ anyOf: names.map((n) => ({ required: [n] })) });
  const alternatives = cases.map((c, i) => {
    const others = cases.flatMap((o, j) => (j === i ? [] : o.members));
    return { ...anyPresent(c.members), ...(c.required.length ? { required: c.required } : {}), ...(others.length ? { not: anyPresent(others) } : {}) };
  });
  return mandatory ? alternatives : [...alternatives, { not: anyPresent(cases.flatMap((c) => c.members)) }];
}

function isMandatory(node: DataNode): boolean {
  switch (node.kind) {
    case 'leaf':
      return node.isKey || node.mandatory;
    case 'anydata':
    case 'anyxml':
      return node.mandatory;
    case 'list':
    case 'leaf-list':
      return node.minElements > 0;
    case 'container':
      return false;
  }
}

function itemBounds(node: ListNode | LeafListNode): Pick<JsonSchema, 'minItems' | 'maxItems'> {
  return { ...(node.minElements > 0 ? { minItems: node.minElements } : {}), ...(node.maxElements !== undefined ? { maxItems: node.maxElements } : {}) };
}

function definedExample(value: unknown): Pick<JsonSchema, 'example'> {
  return value === undefined ? {} : { example: value };
}

function describe(...parts: (string | undefined)[]): Pick<JsonSchema, 'description'> {
  const text = parts.filter((p) => p).join('\n\n');
  return text ? { description: text } : {};
}

function unitsNote(units: string | undefined): string | undefined {
  return units ? `Units: ${units}` : undefined;
}

/**
 * `/example-jukebox:jukebox/library` -> `example-jukebox.jukebox.library`: OpenAPI 3.1
 * component names only allow `[a-zA-Z0-9._-]`.
 */
export function schemaName(path: string): string {
  return path
    .replace(/^\//, '')
    .replace(/[/:]/g, '.')
    .replace(/[^a-zA-Z0-9._-]/g, '_');
}

/** Distinct paths can map to one name (`a:b/c` and `a/b/c`); later ones get a numeric suffix. */
export function uniqueName(name: string, taken: Record<string, unknown> | Set<string> | ((name: string) => boolean)): string {
  const has = (n: string) => (typeof taken === 'function' ? taken(n) : taken instanceof Set ? taken.has(n) : n in taken);
  if (!has(name)) return name;
  let i = 2;
  while (has(`${name}-${i}`)) i++;
  return `${name}-${i}`;
}
