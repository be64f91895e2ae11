/** YANG leaf types as TypeScript type expressions for their RFC 7951 JSON encoding. */
import { identityValueSpellings, unprefixedIdentityValues } from '../../ir/identity-values.js';
import type { TypedefIR, TypeIR } from '../../ir/types.js';
import type { Generation, ModuleFile } from './plan.js';
import { printString, unionType, type TypeNode } from './print.js';

function unionOf(members: string[]): string {
  const distinct = [...new Set(members)];
  return distinct.length === 0 ? 'never' : distinct.join(' | ');
}

const literal = (value: string): string => JSON.stringify(value);

/** The members of a rendered type (`"a" | ns.B | [null]`): split at the top-level `|`, string literals requoted as prettier prints them. */
export function typeNode(text: string): TypeNode {
  const members: TypeNode[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (text.startsWith(' | ', i)) {
      members.push(memberNode(text.slice(start, i)));
      start = i + 3;
      i += 2;
    }
  }
  members.push(memberNode(text.slice(start)));
  return unionType(members);
}

function memberNode(text: string): TypeNode {
  if (text === '[null]') return { tuple: ['null'] };
  return text.startsWith('"') ? printString(text) : text;
}

/**
 * Types are rendered for a leaf of some module (`leafModule`): identities of that module
 * may also be written unprefixed (RFC 7951 section 6.8), so an identityref is the union
 * of both spellings. A typedef's alias is rendered for a leaf of the typedef's module.
 */
export class TypeExpressions {
  /** Each type with every typedef spelled out, per leaf module: decides whether a typedef's alias fits a use. */
  private readonly expansions = new WeakMap<TypeIR, Map<string, string>>();

  constructor(private readonly gen: Generation) {}

  /** Whether `type` is written as its typedef's alias: the typedef is top-level and denotes the same values. */
  aliased(type: TypeIR, leafModule: string): boolean {
    const ref = type.typedef;
    const def = ref && this.gen.typedef(ref.module, ref.name);
    return !!def && this.expand(def.type, ref.module) === this.expand(type, leafModule);
  }

  /** The type of a leaf of `leafModule` as written in `file`: its typedef's alias where `aliased`, else spelled out. */
  render(type: TypeIR, file: ModuleFile, leafModule: string): string {
    const ref = type.typedef;
    if (ref && this.aliased(type, leafModule)) return this.gen.typedefReference(ref.module, ref.name, file);
    const base = type.identityref?.bases.length === 1 ? type.identityref.bases[0] : undefined;
    if (base !== undefined && type.identityref!.values.length > 0) {
      const unprefixed = unprefixedIdentityValues(type.identityref!.values, leafModule).map(literal);
      return unionOf([this.gen.identitySetReference(base, file), ...unprefixed]);
    }
    return this.structure(type, leafModule, (t) => this.render(t, file, leafModule));
  }

  /** The identities derived from `base`, qualified: the body of its identity set alias. */
  identitySet(base: string): string {
    return unionOf((this.gen.schema.identities[base]?.derived ?? []).map(literal));
  }

  /** The right-hand side of the alias of `def` (a typedef of `file`): its base typedef's alias where that fits. */
  renderTypedef(def: TypedefIR, file: ModuleFile): string {
    const ref = def.type.typedef;
    const namesItself = ref?.module === file.module.name && ref.name === def.name;
    const leafModule = file.module.name;
    return namesItself ? this.structure(def.type, leafModule, (t) => this.render(t, file, leafModule)) : this.render(def.type, file, leafModule);
  }

  private expand(type: TypeIR, leafModule: string): string {
    let byModule = this.expansions.get(type);
    if (!byModule) this.expansions.set(type, (byModule = new Map()));
    let text = byModule.get(leafModule);
    if (text === undefined) byModule.set(leafModule, (text = this.structure(type, leafModule, (t) => this.expand(t, leafModule))));
    return text;
  }

  /** One level of `type` for a leaf of `leafModule`, with `inner` rendering member and leafref target types. */
  private structure(type: TypeIR, leafModule: string, inner: (t: TypeIR) => string): string {
    switch (type.base) {
      case 'int8':
      case 'int16':
      case 'int32':
      case 'uint8':
      case 'uint16':
      case 'uint32':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'empty':
        return '[null]';
      case 'enumeration':
        return unionOf((type.enums ?? []).map((e) => literal(e.name)));
      case 'identityref': {
        // Without any identity derived from the base loaded, any qualified name may be valid.
        const values = type.identityref?.values ?? [];
        return values.length === 0 ? 'string' : unionOf(identityValueSpellings(values, leafModule).map(literal));
      }
      case 'union':
        return unionOf((type.union ?? []).map(inner));
      case 'leafref':
        return type.leafref?.type ? inner(type.leafref.type) : 'string';
      // RFC 7951 6.1: 64-bit numbers are strings; bits, binary and instance-identifier are strings too.
      case 'int64':
      case 'uint64':
      case 'decimal64':
      case 'string':
      case 'binary':
      case 'bits':
      case 'instance-identifier':
        return 'string';
    }
  }
}
