/**
 * TypeScript types (and optional runtime validators) for RFC 7951 JSON instance data.
 *
 * Output files, keyed by relative name:
 * - `<module>.ts` for each input module and each module an input augments: typedef
 *   aliases, data tree types, rpc/action inputs and outputs, notifications, validators.
 * - `<module>.ts` with only typedef and identity set aliases, for other modules whose
 *   aliases are used; files reach each other's aliases through `import type * as <camelModule>`.
 * - `index.ts` re-exporting every file as a namespace (`export * as ietfInterfaces`).
 * - `_validate.ts` (only with `validators`): the schema, and the link to yangkit's instance
 *   validation (`yangkit/validate`, RFC 7950 section 8: must, when, unique, leafrefs...)
 *   that every validator calls; the generated code then needs the yangkit package at run time.
 *
 * Naming scheme (identifiers are PascalCase of YANG names, `-`, `_`, `.` dropping out):
 * - `<Module>Data`: an instance document (top-level members qualified, `"ietf-interfaces:interfaces"`)
 *   with configuration and state data; `<Module>Config`: configuration only, so that
 *   excess-property checks reject state members.
 * - Containers and list entries: their data path steps joined by `_`, choice, case, input
 *   and output left out: `Interfaces`, `Interfaces_Interface`, `Interfaces_Interface_Ipv4`.
 *   Such a type holds all nodes; where its subtree mixes in state nodes, `<Name>Config`
 *   (`Interfaces_InterfaceConfig`) holds configuration only. Without state below, one type
 *   serves both views.
 * - Rpcs and actions: `<Path>_Input` / `<Path>_Output` (`Play_Input`), the contents of the
 *   `module:input` / `module:output` objects. Notifications: `<Path>` (`LinkFailure`).
 * - Typedefs: `<Typedef>` (`InterfaceRef`) in their module's file.
 * - Identity sets: `<Identity>Identity` (`InterfaceTypeIdentity`), the union of the qualified
 *   identities derived from that identity among the loaded modules, in its module's file;
 *   the type of every identityref with that single base.
 * - Validators: `validate<Type>` for the document types and every rpc/action input and
 *   output and notification type (`validateIetfInterfacesConfig`, `validatePlay_Input`),
 *   returning `ValidationError[]` (empty: valid); the operation and notification ones take
 *   the datastore their references may read as a second argument.
 * Names are claimed per file in a fixed order (document and validator names, typedefs,
 * identity sets, then data tree order); a name already taken gets a `_2`, `_3`... suffix.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SchemaSet } from '../../ir/types.js';
import { PACKAGE_ROOT } from '../../package-root.js';
import { identitySetDeclarations, indexLines, moduleDeclarations, moduleHeader, RUNTIME_FILE, type ModuleFileContext } from './module-file.js';
import { NodeFacts } from './node-facts.js';
import { Generation, type ModuleFile } from './plan.js';
import { printDoc, printString, type Doc } from './print.js';
import { TypeExpressions } from './type-expressions.js';
import { embeddedSchema, listPaths } from './validator-roots.js';

/**
 * `_validate.ts`, the validators' link to `yangkit/validate`, with the schema filled in
 * (the package ships `templates/`).
 */
const RUNTIME_TEMPLATE = join(PACKAGE_ROOT, 'templates/types/_validate.ts');

export interface EmitTypesOptions {
  /** Also generate runtime validators (and the `_validate.ts` support file). */
  validators?: boolean;
}

/** Generates TypeScript for the schema set: relative file name -> content (as prettier formats it), sorted by name. */
export async function emitTypes(schema: SchemaSet, opts: EmitTypesOptions = {}): Promise<Map<string, string>> {
  const validators = opts.validators ?? false;
  const gen = new Generation(schema);
  const cx: ModuleFileContext = { gen, types: new TypeExpressions(gen), facts: new NodeFacts(schema), lists: validators ? listPaths(schema) : new Set() };
  const emitted = new Map<string, { file: ModuleFile; full: boolean; declarations: Doc[] }>();
  const emit = (moduleName: string, full: boolean): void => {
    const file = gen.file(moduleName);
    emitted.set(moduleName, { file, full, declarations: moduleDeclarations(file, cx, full, validators) });
  };
  for (const name of gen.fullModules()) emit(name, true);
  // Emitting a file can reference further modules' aliases; a Set iterates over late additions too.
  for (const name of gen.referenced) if (!emitted.has(name)) emit(name, false);

  const sources: [string, string][] = [];
  for (const { file, full, declarations } of emitted.values()) {
    // A blank line before each declaration, none among the header lines.
    const body = [...declarations, ...identitySetDeclarations(file, cx.types)].map((d) => `\n${printDoc(d)}\n`).join('');
    sources.push([file.fileName, `${moduleHeader(file, gen, full).join('\n')}\n${body}`]);
  }
  const files = [...emitted.values()].map((e) => e.file);
  sources.push(['index.ts', `${indexLines(files, validators).join('\n')}\n`]);
  if (validators) {
    // The template is written as prettier prints it, the schema string on its own line (it never fits on the first).
    const template = await readFile(RUNTIME_TEMPLATE, 'utf8');
    sources.push([RUNTIME_FILE, template.replace('{{schema}}', () => printString(JSON.stringify(embeddedSchema(schema))))]);
  }
  return new Map(sources.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
