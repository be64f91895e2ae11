/** The compact, JSON-able description of a data tree that generated validators hand to `_validate.ts`. */
import { identityValueSpellings } from '../../ir/identity-values.js';
import type { ChoiceNode, DataNode, Interval, SchemaNode, TypeIR } from '../../ir/types.js';
import { caseMembers, isDataNode, type NodeFacts } from './node-facts.js';
import type { ValidationRoot } from './object-types.js';
import { effectiveRange, restrictedLength } from './restrictions.js';
import type { ChoiceSpec, Intervals, NodeSpec, ObjectSpec, SchemaSpec, ValueSpec } from './runtime/validate.js';

const intervals = (list: readonly Interval[]): Intervals => list.map((i) => [i.min, i.max] as const);

class SpecBuilder {
  readonly types: ValueSpec[] = [];
  /** Serialised value space -> index in `types`, so each distinct one is written once. */
  private readonly indexes = new Map<string, number>();

  constructor(private readonly facts: NodeFacts) {}

  object(children: SchemaNode[], parentConfig: boolean): ObjectSpec {
    const members: Record<string, NodeSpec> = {};
    const choices: ChoiceSpec[] = [];
    for (const child of children) {
      if (isDataNode(child)) members[child.jsonName] = this.node(child, parentConfig);
      else if (child.kind === 'choice') choices.push(this.choice(child, parentConfig, members));
    }
    return choices.length ? { members, choices } : { members };
  }

  /** A choice's cases by member name; the members themselves go into the enclosing object's `members`. */
  private choice(node: ChoiceNode, parentConfig: boolean, members: Record<string, NodeSpec>): ChoiceSpec {
    const cases = node.cases.map((c) => {
      const inner = this.object(c.children, node.config);
      Object.assign(members, inner.members);
      const names = caseMembers(c, 'data').map((m) => m.jsonName);
      return { name: c.name, members: names, ...(inner.choices && { choices: inner.choices }) };
    });
    return {
      name: node.name,
      ...(this.facts.isRequired(node, 'data') && { mandatory: true as const }),
      ...(parentConfig && !node.config && { state: true as const }),
      cases,
    };
  }

  private node(node: DataNode, parentConfig: boolean): NodeSpec {
    const state = parentConfig && !node.config ? { state: true as const } : {};
    const required = this.facts.isRequired(node, 'data') ? { required: true as const } : {};
    // min-elements of a conditional list holds only while it exists: isRequired knows when that is.
    const min = 'minElements' in node && this.facts.isRequired(node, 'data') ? { min: node.minElements } : {};
    const max = 'maxElements' in node && node.maxElements !== undefined ? { max: node.maxElements } : {};
    switch (node.kind) {
      case 'leaf':
        return { kind: 'leaf', ...state, type: this.valueType(node.type, node.module), ...required };
      case 'leaf-list':
        return { kind: 'leaf-list', ...state, type: this.valueType(node.type, node.module), ...min, ...max };
      case 'container':
        return { kind: 'container', ...state, ...required, ...this.object(node.children, node.config) };
      case 'list': {
        const keys = node.keys.length ? { keys: node.keys } : {};
        return { kind: 'list', ...state, ...keys, ...min, ...max, ...this.object(node.children, node.config) };
      }
      case 'anydata':
      case 'anyxml':
        return { kind: node.kind, ...state, ...required };
    }
  }

  /** The index of the value space of `type` held by a leaf of `leafModule` (which decides the unprefixed identities). */
  valueType(type: TypeIR, leafModule: string): number {
    const spec = this.valueSpec(type, leafModule);
    const key = JSON.stringify(spec);
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = this.types.push(spec) - 1;
      this.indexes.set(key, index);
    }
    return index;
  }

  private valueSpec(type: TypeIR, leafModule: string): ValueSpec {
    switch (type.base) {
      case 'int8':
      case 'int16':
      case 'int32':
      case 'uint8':
      case 'uint16':
      case 'uint32':
        return { base: 'int', range: intervals(effectiveRange(type)) };
      case 'int64':
      case 'uint64':
        return { base: 'int64', range: intervals(effectiveRange(type)) };
      case 'decimal64':
        return { base: 'decimal64', fractionDigits: type.fractionDigits ?? 0, range: intervals(effectiveRange(type)) };
      case 'string': {
        const length = restrictedLength(type);
        const patterns = (type.patterns ?? []).map((p) => ({
          ecma: p.ecma,
          ...(p.invertMatch && { invert: true as const }),
          ...(p.errorMessage !== undefined && { message: p.errorMessage }),
        }));
        return { base: 'string', ...(length && { length: intervals(length) }), ...(patterns.length && { patterns }) };
      }
      case 'binary': {
        const length = restrictedLength(type);
        return { base: 'binary', ...(length && { length: intervals(length) }) };
      }
      case 'boolean':
      case 'empty':
      case 'instance-identifier':
        return { base: type.base };
      case 'enumeration':
        return { base: 'enumeration', names: (type.enums ?? []).map((e) => e.name) };
      case 'bits':
        return { base: 'bits', names: (type.bits ?? []).map((b) => b.name) };
      case 'identityref': {
        // Mirrors the TypeScript type: with no identity derived from the base loaded, any string.
        const values = type.identityref?.values ?? [];
        return values.length ? { base: 'identityref', names: identityValueSpellings(values, leafModule) } : { base: 'string' };
      }
      case 'union':
        return { base: 'union', members: (type.union ?? []).map((m) => this.valueType(m, leafModule)) };
      case 'leafref':
        return type.leafref?.type ? this.valueSpec(type.leafref.type, leafModule) : { base: 'string' };
    }
  }
}

/** The validator description of a file's validation roots (state nodes marked where `config false` starts). */
export function schemaSpec(roots: ValidationRoot[], facts: NodeFacts): SchemaSpec {
  const builder = new SpecBuilder(facts);
  const specs: Record<string, ObjectSpec> = {};
  for (const root of roots) specs[root.typeName] = builder.object(root.children, root.document);
  return { types: builder.types, roots: specs };
}
