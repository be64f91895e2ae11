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
import type { SchemaSet } from '../../ir/types.js';
import { emitTypes } from '../types/index.js';
import { TYPES_DIR, handlerFiles } from './handler-files.js';
import { type HandlerPlan, planHandlers, servedModules } from './plan.js';
import { renderTemplates } from './templates.js';

const PACKAGE_JSON = new URL('../../../package.json', import.meta.url);

export interface EmitServerOptions {
  /** npm package name of the project; default `<first input module>-server`. */
  name?: string;
}

function handlerTable(plan: HandlerPlan): string {
  const rows = [
    ...plan.resources.map((r) => `| \`${r.file}\` | \`state()\`: operational data of \`${r.member}\` |`),
    ...plan.operations.map((op) => `| \`${op.file}\` | \`${op.functionName}()\`: the ${op.node.kind} \`${op.key}\` |`),
  ];
  return rows.length ? rows.join('\n') : '| (none) | the modules have no state data, rpcs or actions |';
}

export async function emitServerProject(schema: SchemaSet, opts: EmitServerOptions = {}): Promise<Map<string, string>> {
  const { version } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };
  const plan = planHandlers(schema);
  const modules = servedModules(schema).map((name) => schema.modules[name]!);
  const files = renderTemplates({
    name: opts.name ?? `${schema.inputs[0] ?? 'restconf'}-server`,
    yangkitRange: `^${version}`,
    modules: modules.map((m) => (m.revision ? `${m.name}@${m.revision}` : m.name)).join(', '),
    handlers: handlerTable(plan),
  });
  files.set('schema.json', `${JSON.stringify(schema)}\n`);
  const typeFiles = await emitTypes(schema);
  for (const [name, text] of typeFiles) files.set(`${TYPES_DIR}/${name}`, text);
  for (const [name, text] of handlerFiles(schema, plan, typeFiles)) files.set(name, text);
  return files;
}
