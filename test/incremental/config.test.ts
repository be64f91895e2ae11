import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/incremental/config.js';
import { yangkit } from '../cli/run.js';
import { tempDir, writeTree, yangModule } from './helpers.js';

/** A folder with a model, for configs to point at. */
function project(): string {
  const dir = tempDir();
  writeTree(dir, { 'models/a.yang': yangModule('a', '  leaf x { type string; }') });
  return dir;
}

const job = (extra: Record<string, unknown> = {}) => ({ inputs: ['models'], emit: [{ emitter: 'tree', out: 'out' }], ...extra });

function errorOf(json: unknown, dir = project()): string {
  try {
    parseConfig(json, join(dir, 'yangkit.config.json'));
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message.replace(join(dir, 'yangkit.config.json'), 'CONFIG');
  }
  throw new Error('the config was accepted');
}

describe('yangkit.config.json', () => {
  it('resolves paths against its folder and checks emitter options', () => {
    const dir = project();
    const config = parseConfig(
      { jobs: [job({ searchPaths: ['models'], features: { a: [] }, emit: [{ emitter: 'openapi', out: 'api', options: { format: 'yaml', host: 'example.com' } }] })] },
      join(dir, 'yangkit.config.json'),
    );
    expect(config.cacheDir).toBe(join(dir, '.yangkit-cache'));
    const [j] = config.jobs;
    expect(j).toMatchObject({ name: 'job 1', inputs: [join(dir, 'models')], searchPaths: [join(dir, 'models')], features: { a: [] } });
    expect(j!.emit[0]).toMatchObject({ out: join(dir, 'api'), options: { format: 'yaml', host: 'example.com', basePath: '/restconf' } });
    expect(parseConfig({ cacheDir: false, jobs: [job()] }, join(dir, 'yangkit.config.json')).cacheDir).toBeUndefined();
  });

  it.each([
    [[], 'CONFIG: expected an object'],
    [{}, 'CONFIG: jobs: expected a non-empty array of jobs'],
    [{ jobs: [job()], output: 'x' }, 'CONFIG: output: unknown key (allowed: $schema, cacheDir, jobs)'],
    [{ cacheDir: 3, jobs: [job()] }, 'CONFIG: cacheDir: expected a folder path or false'],
    [{ jobs: [job({ input: ['models'] })] }, 'CONFIG: jobs[0].input: unknown key (allowed: name, inputs, searchPaths, features, emit)'],
    [{ jobs: [job({ inputs: [] })] }, 'CONFIG: jobs[0].inputs: expected a non-empty array of strings'],
    [{ jobs: [job({ inputs: ['models', 'nope.yang'] })] }, 'CONFIG: jobs[0].inputs[1]: no such file or folder: nope.yang'],
    [{ jobs: [job({ searchPaths: 'models' })] }, 'CONFIG: jobs[0].searchPaths: expected an array of strings'],
    [{ jobs: [job({ features: { a: 'f' } })] }, 'CONFIG: jobs[0].features.a: expected an array of strings'],
    [{ jobs: [job({ name: 'x' }), job({ name: 'x' })] }, 'CONFIG: jobs[1].name: another job is already named "x"'],
    [{ jobs: [job({ emit: [] })] }, 'CONFIG: jobs[0].emit: expected a non-empty array of outputs'],
    [{ jobs: [job({ emit: [{ emitter: 'swager', out: 'o' }] })] }, 'CONFIG: jobs[0].emit[0].emitter: unknown emitter "swager" (known: tree, swagger, openapi, types)'],
    [{ jobs: [job({ emit: [{ emitter: 'tree' }] })] }, 'CONFIG: jobs[0].emit[0].out: expected a non-empty string'],
    [{ jobs: [job({ emit: [{ emitter: 'tree', out: 'o' }, { emitter: 'tree', out: './o' }] })] }, 'CONFIG: jobs[0].emit[1].out: another entry already writes tree output into ./o'],
    [{ jobs: [job({ emit: [{ emitter: 'tree', out: 'o', options: { depth: 2 } }] })] }, 'CONFIG: jobs[0].emit[0].options: unknown option "depth" (this emitter takes none)'],
    [{ jobs: [job({ emit: [{ emitter: 'swagger', out: 'o', options: { tagMode: 'tags' } }] })] }, 'CONFIG: jobs[0].emit[0].options: "tagMode" expects one of methods, resources, all, got "tags"'],
    [{ jobs: [job({ emit: [{ emitter: 'openapi', out: 'o', options: { format: 'xml' } }] })] }, 'CONFIG: jobs[0].emit[0].options: "format" must be "json" or "yaml", not "xml"'],
    [{ jobs: [job({ emit: [{ emitter: 'types', out: 'o', options: { validators: 'yes' } }] })] }, 'CONFIG: jobs[0].emit[0].options: "validators" must be true or false, not "yes"'],
  ])('rejects %j with a message naming the key', (json, message) => {
    expect(errorOf(json)).toBe(message);
  });

  it('reports a missing file and invalid JSON', () => {
    const dir = project();
    expect(() => loadConfig(join(dir, 'yangkit.config.json'))).toThrow(`cannot read ${join(dir, 'yangkit.config.json')}: no such file`);
    writeTree(dir, { 'yangkit.config.json': '{ "jobs": [ }' });
    expect(() => loadConfig(join(dir, 'yangkit.config.json'))).toThrow(/yangkit\.config\.json: not valid JSON: /);
  });

  it('makes yangkit build exit with status 2 and the message, without a stack trace', () => {
    const dir = project();
    writeTree(dir, { 'yangkit.config.json': JSON.stringify({ jobs: [job({ emit: [{ emitter: 'svg', out: 'o' }] })] }) });
    const r = yangkit('build', '--config', join(dir, 'yangkit.config.json'));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`yangkit: error: ${join(dir, 'yangkit.config.json')}: jobs[0].emit[0].emitter: unknown emitter "svg" (known: tree, swagger, openapi, types)\n`);
  });
});
