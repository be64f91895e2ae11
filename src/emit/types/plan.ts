/** Which files are generated, and the identifiers every file exports or imports. */
import type { ModuleIR, SchemaSet, TypedefIR } from '../../ir/types.js';
import { camelCase, NameRegistry, pascalCase } from './names.js';

/** The names a module file always declares, claimed before any other so they never shift. */
export interface FixedNames {
  /** Instance document with configuration and state, e.g. `IetfInterfacesData`. */
  readonly data: string;
  /** Instance document with configuration only, e.g. `IetfInterfacesConfig`. */
  readonly config: string;
  readonly validateData: string;
  readonly validateConfig: string;
}

/** Names imported from the `_validate.ts` support file. */
export const RUNTIME_NAMES = ['validate', 'ValidationError'] as const;

export class ModuleFile {
  readonly fileName: string;
  readonly names = new NameRegistry();
  readonly fixed: FixedNames;
  /** Typedef name -> exported alias identifier. */
  readonly typedefNames = new Map<string, string>();
  /** Qualified identity -> identifier of the alias for the identities derived from it. */
  readonly identitySetNames = new Map<string, string>();
  /** Identities whose derived-identity alias some file uses, so this file declares it. */
  readonly usedIdentitySets = new Set<string>();
  /** Other modules this file takes aliases from -> namespace import identifier. */
  readonly imports = new Map<string, string>();
  /** Whether the file has validators, which import `_validate.ts`. */
  importsRuntime = false;

  constructor(readonly module: ModuleIR) {
    this.fileName = `${module.name}.ts`;
    const prefix = pascalCase(module.name);
    for (const name of RUNTIME_NAMES) this.names.claim(name);
    this.fixed = {
      data: this.names.claim(`${prefix}Data`),
      config: this.names.claim(`${prefix}Config`),
      validateData: this.names.claim(`validate${prefix}Data`),
      validateConfig: this.names.claim(`validate${prefix}Config`),
    };
    for (const def of module.typedefs) this.typedefNames.set(def.name, this.names.claim(pascalCase(def.name)));
    for (const identity of module.identities) {
      this.identitySetNames.set(`${module.name}:${identity}`, this.names.claim(`${pascalCase(identity)}Identity`));
    }
  }
}

/** Module specifier of a generated file, as NodeNext resolution wants it. */
export function importSpecifier(fileName: string): string {
  return `./${fileName.replace(/\.ts$/, '.js')}`;
}

export class Generation {
  private readonly files = new Map<string, ModuleFile>();
  /** Modules whose aliases (typedefs, identity sets) some generated file references, in first-use order. */
  readonly referenced = new Set<string>();

  constructor(readonly schema: SchemaSet) {}

  file(moduleName: string): ModuleFile {
    let file = this.files.get(moduleName);
    if (!file) {
      const module = this.schema.modules[moduleName];
      if (!module) throw new Error(`module "${moduleName}" is not in the schema set`);
      this.files.set(moduleName, (file = new ModuleFile(module)));
    }
    return file;
  }

  /**
   * Modules generated in full: the inputs, plus the modules they augment, because the
   * augmented nodes' types live in the target module's tree.
   */
  fullModules(): string[] {
    const names = new Set<string>();
    for (const input of this.schema.inputs) {
      const module = this.schema.modules[input];
      if (!module) continue;
      names.add(input);
      for (const augment of module.augments) if (this.schema.modules[augment.targetModule]) names.add(augment.targetModule);
    }
    return [...names];
  }

  /** A top-level typedef (nested typedefs have no alias: their uses are spelled out). */
  typedef(moduleName: string, name: string): TypedefIR | undefined {
    return this.schema.modules[moduleName]?.typedefs.find((d) => d.name === name);
  }

  /** Type text naming top-level typedef `name` of `moduleName` from inside `from`. */
  typedefReference(moduleName: string, name: string, from: ModuleFile): string {
    return this.reference(moduleName, this.file(moduleName).typedefNames.get(name)!, from);
  }

  /** Type text naming the identities derived from `base` (`module:identity`) from inside `from`; its module declares it. */
  identitySetReference(base: string, from: ModuleFile): string {
    const moduleName = base.slice(0, base.indexOf(':'));
    const owner = this.file(moduleName);
    owner.usedIdentitySets.add(base);
    return this.reference(moduleName, owner.identitySetNames.get(base)!, from);
  }

  /** `identifier` of `moduleName`'s file as seen from `from`, importing that file if needed. */
  private reference(moduleName: string, identifier: string, from: ModuleFile): string {
    if (moduleName === from.module.name) return identifier;
    let namespace = from.imports.get(moduleName);
    if (namespace === undefined) from.imports.set(moduleName, (namespace = from.names.claim(camelCase(moduleName))));
    this.referenced.add(moduleName);
    return `${namespace}.${identifier}`;
  }
}
