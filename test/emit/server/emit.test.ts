/** What emitServerProject generates: the file set, package.json, schema.json, typed handler stubs, naming edge cases. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../../src/output/write-atomic.js';
import { compileYang } from '../../../src/compile/index.js';
import { emitServerProject } from '../../../src/emit/server/index.js';
import type { SchemaSet } from '../../../src/ir/types.js';
import { ROOT } from '../../cli/run.js';
import { CORPUS } from '../../corpus/paths.js';
import { buildProject, linkDependencies } from './project.js';

function compile(files: string[]): SchemaSet {
  const { schema, diagnostics } = compileYang({ files, searchPaths: [CORPUS] });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return schema;
}

describe('emitServerProject for example-jukebox and a module augmenting it', () => {
  let schema: SchemaSet;
  let files: Map<string, string>;

  beforeAll(async () => {
    schema = compile([join(CORPUS, 'examples/example-jukebox.yang'), join(ROOT, 'test/fixtures/server/example-jukebox-events.yang')]);
    files = await emitServerProject(schema);
  });

  it('generates the project files, one handler per resource with state, rpc and action', () => {
    expect([...files.keys()].sort()).toEqual([
      '.gitignore',
      'README.md',
      'package.json',
      'schema.json',
      'src/config.ts',
      'src/handlers/app.ts',
      'src/handlers/commit.ts',
      'src/handlers/example-jukebox-events/action-jukebox-library-artist-album-rate.ts',
      'src/handlers/example-jukebox/jukebox.ts',
      'src/handlers/example-jukebox/rpc-play.ts',
      'src/handlers/index.ts',
      'src/main.ts',
      'src/server.ts',
      'src/types/example-jukebox-events.ts',
      'src/types/example-jukebox.ts',
      'src/types/index.ts',
      'tsconfig.json',
    ]);
  });

  it('writes a package.json depending on this yangkit (a checkout: its folder), with build and start scripts', () => {
    const pkg = JSON.parse(files.get('package.json')!);
    expect(pkg).toMatchObject({
      name: 'example-jukebox-server',
      type: 'module',
      scripts: { build: 'tsc -p tsconfig.json', start: 'node dist/main.js' },
      dependencies: { yangkit: `file:${ROOT}` },
    });
    expect(Object.keys(pkg.devDependencies)).toContain('typescript');
  });

  it('stores the schema IR so the server needs no YANG at run time', () => {
    expect(JSON.parse(files.get('schema.json')!)).toEqual(schema);
  });

  it('types handlers with the `yangkit types` declarations', () => {
    const rate = files.get('src/handlers/example-jukebox-events/action-jukebox-library-artist-album-rate.ts')!;
    expect(rate).toContain("import type { Jukebox_Library_Artist_Album_Rate_Input, Jukebox_Library_Artist_Album_Rate_Output } from '../../types/example-jukebox.js';");
    expect(rate).toContain('export async function rate(input: Jukebox_Library_Artist_Album_Rate_Input, ctx: OperationContext, app: App): Promise<Jukebox_Library_Artist_Album_Rate_Output> {');
    expect(files.get('src/handlers/example-jukebox/rpc-play.ts')).toContain('export async function play(input: Play_Input, ctx: OperationContext, app: App): Promise<void> {');
    expect(files.get('src/handlers/index.ts')).toContain("'/example-jukebox:jukebox/library/artist/album/example-jukebox-events:rate': operation(rate, app),");
  });

  it('lists every handler file in the README', () => {
    const readme = files.get('README.md')!;
    for (const name of files.keys()) if (name.startsWith('src/handlers/') && !/\/(index|app)\.ts$/.test(name)) expect(readme).toContain(`\`${name}\``);
    expect(readme).not.toMatch(/\{\{\w+\}\}/);
  });
});

const EDGE_A = `module edge-a {
  yang-version 1.1;
  namespace "urn:edge-a";
  prefix a;
  container settings { leaf mode { type string; } }
  leaf uptime { type uint32; config false; }
  rpc delete { output { leaf removed { type uint32; } } }
  rpc reset;
}`;

const EDGE_B = `module edge-b {
  namespace "urn:edge-b";
  prefix b;
  rpc reset { input { leaf force { type boolean; } } }
}`;

describe('emitServerProject naming edge cases', () => {
  let dir: string;
  let files: Map<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yangkit-server-edge-'));
    writeFileSync(join(dir, 'edge-a.yang'), EDGE_A);
    writeFileSync(join(dir, 'edge-b.yang'), EDGE_B);
    files = await emitServerProject(compile([join(dir, 'edge-a.yang'), join(dir, 'edge-b.yang')]));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves out configuration-only resources and keeps a top-level state leaf', () => {
    const handlers = [...files.keys()].filter((f) => f.startsWith('src/handlers/')).sort();
    expect(handlers).toEqual([
      'src/handlers/app.ts',
      'src/handlers/commit.ts',
      'src/handlers/edge-a/rpc-delete.ts',
      'src/handlers/edge-a/rpc-reset.ts',
      'src/handlers/edge-a/uptime.ts',
      'src/handlers/edge-b/rpc-reset.ts',
      'src/handlers/index.ts',
    ]);
  });

  it('avoids reserved words and clashing imports', () => {
    expect(files.get('src/handlers/edge-a/rpc-delete.ts')).toContain('export async function delete_2(input: Record<string, never>, ctx: OperationContext, app: App): Promise<Delete_Output> {');
    const index = files.get('src/handlers/index.ts')!;
    expect(index).toContain("import { reset } from './edge-a/rpc-reset.js';");
    expect(index).toContain("import { reset as reset_2 } from './edge-b/rpc-reset.js';");
    expect(index).toContain("'edge-b:reset': operation(reset_2, app),");
  });

  it('type-checks', () => {
    const project = join(dir, 'project');
    writeFilesAtomic(project, files);
    linkDependencies(project);
    buildProject(project);
  });
});
