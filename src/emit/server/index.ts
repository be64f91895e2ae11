/**
 * `yangkit server`: a TypeScript RESTCONF server project for a schema set.
 *
 * Files, keyed by project-relative path:
 * - from `templates/server/`: package.json, tsconfig.json, README.md, .gitignore,
 *   `src/main.ts`, `src/config.ts`, `src/server.ts`, `src/handlers/app.ts` and
 *   `src/handlers/commit.ts` (where a developer applies configuration changes);
 * - `schema.json`: the IR, which the runtime serves;
 * - `src/types/`: the `yangkit types` output, so handlers are typed;
 * - `src/handlers/<module>/<resource>.ts` per top-level resource with state,
 *   `rpc-<name>.ts` per rpc, `action-<path>.ts` per action, and `src/handlers/index.ts`.
 */
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { PACKAGE_ROOT } from '../../package-root.js';
import type { SchemaSet } from '../../ir/types.js';
import { emitTypes } from '../types/index.js';
import { TYPES_DIR, handlerFiles } from './handler-files.js';
import { type HandlerPlan, planHandlers, servedModules } from './plan.js';
import { renderTemplates } from './templates.js';


export interface EmitServerOptions {
  /** npm package name of the project; default `<first input module>-server`. */
  name?: string;
  /** The project's dependency spec for yangkit; default: the yangkit generating it (see `yangkitDependency`). */
  runtime?: string;
}

/**
 * The yangkit that generates a project is the one it should run on: the registry's
 * release of this version when this copy was installed as a package (it lies in a
 * node_modules folder), else this very folder (a clone or a local build), as a file: spec.
 */
export function yangkitDependency(version: string, root = PACKAGE_ROOT): string {
  return root.includes(`${sep}node_modules${sep}`) ? `^${version}` : `file:${root.replace(/[\\/]$/, '')}`;
}

function handlerTable(plan: HandlerPlan): string {
  const rows = [
    ...plan.resources.map((r) => `| \`${r.file}\` | \`state()\`: operational data of \`${r.member}\` |`),
    ...plan.operations.map((op) => `| \`${op.file}\` | \`${op.functionName}()\`: the ${op.node.kind} \`${op.key}\` |`),
  ];
  return rows.length ? rows.join('\n') : '| (none) | the modules have no state data, rpcs or actions |';
}

export async function emitServerProject(schema: SchemaSet, opts: EmitServerOptions = {}): Promise<Map<string, string>> {
  const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  const plan = planHandlers(schema);
  const modules = servedModules(schema).map((name) => schema.modules[name]!);
  const files = renderTemplates({
    name: opts.name ?? `${schema.inputs[0] ?? 'restconf'}-server`,
    yangkitDependency: opts.runtime ?? yangkitDependency(version),
    modules: modules.map((m) => (m.revision ? `${m.name}@${m.revision}` : m.name)).join(', '),
    handlers: handlerTable(plan),
  });
  files.set('schema.json', `${JSON.stringify(schema)}\n`);
  const typeFiles = await emitTypes(schema);
  for (const [name, text] of typeFiles) files.set(`${TYPES_DIR}/${name}`, text);
  for (const [name, text] of handlerFiles(schema, plan, typeFiles)) files.set(name, text);
  return files;
}
