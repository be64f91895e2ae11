import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../corpus/paths.js';
import { ROOT, yangkit } from './run.js';

// The instance documents of the differential suite double as CLI fixtures.
const CASES = join(ROOT, 'test/validate/data-cases');
const RULES = join(CASES, 'rules');
const MODULE = join(RULES, 'dc-rules.yang');
const IETF = join(CORPUS, 'ietf');
const JUKEBOX = join(CORPUS, 'examples/example-jukebox.yang');

/** yangkit validate over dc-rules.yang with the given data files of its folder and extra options. */
function validate(files: string[], ...more: string[]) {
  return yangkit('validate', '-p', IETF, MODULE, ...files.flatMap((f) => ['-d', join(RULES, f)]), ...more);
}

function scratch(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'yangkit-validate-')), name);
  writeFileSync(file, text);
  return file;
}

describe('yangkit validate', () => {
  it('exits 0 and prints nothing on valid data, JSON and XML', () => {
    for (const file of ['valid.json', 'valid.xml']) {
      const r = validate([file], '-t', 'config');
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('takes the data files after the modules and yanglint\'s -t names, as yanglint does', () => {
    const valid = yangkit('validate', '-p', IETF, MODULE, join(RULES, 'valid.json'), '-t', 'config');
    expect([valid.status, valid.stderr]).toEqual([0, '']);
    const invalid = yangkit('validate', '-p', IETF, MODULE, join(RULES, 'must-self-backup.json'), '-t', 'config');
    expect(invalid.status).toBe(1);
    const get = yangkit('validate', '-p', IETF, MODULE, join(RULES, 'get-reply-no-admins.json'), '-t', 'get');
    expect([get.status, get.stderr]).toEqual([0, '']);
  });

  it('prints a summary with --verbose', () => {
    const r = validate(['valid.json'], '-t', 'config', '--verbose');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${join(RULES, 'valid.json')}: valid config (1 module)\n`);
  });

  it('prints one located line per error for JSON: file:line:col, rule and instance path', () => {
    const r = validate(['must-self-backup.json'], '-t', 'config');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `${join(RULES, 'must-self-backup.json')}:5:19: error: a server cannot back itself up [must-violation] (/dc-rules:servers/server[name='a']/backup)\n`,
    );
  });

  it('locates errors in XML at the element', () => {
    const r = validate(['leafref-dangling.xml'], '-t', 'config');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${join(RULES, 'leafref-dangling.xml')}:6:5: error: .* \\[instance-required\\] \\(/dc-rules:servers/server\\[name='a'\\]/backup\\)\\n$`));
  });

  it('refuses state data with -t config and accepts it with -t data', () => {
    const file = join(CASES, 'example-jukebox/song-count-in-config.json');
    const config = yangkit('validate', JUKEBOX, '-d', file, '-t', 'config');
    expect(config.status).toBe(1);
    expect(config.stderr).toMatch(new RegExp(`^${file}:4:21: error: .*\\[state-data\\] \\(/example-jukebox:jukebox/library/song-count\\)\\n$`));
    const data = yangkit('validate', JUKEBOX, '-d', file, '-t', 'data');
    expect(data.stderr).toBe('');
    expect(data.status).toBe(0);
  });

  it('merges several files into one tree and points into the file at fault', () => {
    const a = scratch('a.json', '{\n  "dc-rules:servers": {\n    "server": [{"name": "a", "address": "192.0.2.1", "none": [null]}]\n  }\n}\n');
    const b = scratch('b.xml', '<servers xmlns="urn:example:dc-rules">\n  <server>\n    <name>a</name>\n    <backup>b</backup>\n  </server>\n  <admins>root</admins>\n</servers>\n');
    const both = yangkit('validate', '-p', IETF, MODULE, '-d', a, '-d', b, '-t', 'config');
    expect(both.status).toBe(1);
    // One server "a" (merged by key): its backup names a server that does not exist.
    expect(both.stderr).toMatch(new RegExp(`^${b}:4:5: error: .*\\[instance-required\\]`));
    expect(both.stderr.trim().split('\n')).toHaveLength(1);
    const alone = yangkit('validate', '-p', IETF, MODULE, '-d', a, '-t', 'config');
    expect(alone.stderr).toMatch(/\[too-few-elements\]/);
  });

  it('reports malformed files as located errors, not stack traces', () => {
    const json = scratch('bad.json', '{\n  "dc-rules:servers": {\n    "admins": ["root",]\n  }\n}\n');
    const r1 = yangkit('validate', '-p', IETF, MODULE, '-d', json);
    expect(r1.status).toBe(1);
    expect(r1.stderr).toBe(`${json}:3:23: error: malformed JSON: value expected [malformed-message]\n`);
    const dup = scratch('dup.json', '{\n  "dc-rules:servers": {},\n  "dc-rules:servers": {}\n}\n');
    expect(yangkit('validate', '-p', IETF, MODULE, '-d', dup).stderr).toBe(`${dup}:3:3: error: duplicate member "dc-rules:servers" [malformed-message]\n`);
    const xml = scratch('bad.xml', '<servers xmlns="urn:example:dc-rules">\n  <admins>root</admin>\n</servers>\n');
    const r2 = yangkit('validate', '-p', IETF, MODULE, '-d', xml);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(new RegExp(`^${xml}:2:\\d+: error: XML is not well-formed: .* \\[malformed-message\\]\\n$`));
    const unknown = scratch('unknown.xml', '<servers xmlns="urn:example:dc-rules">\n  <admins>root</admins>\n  <bogus/>\n</servers>\n');
    expect(yangkit('validate', '-p', IETF, MODULE, '-d', unknown).stderr).toBe(
      `${unknown}:3:3: error: unknown element <bogus> in namespace urn:example:dc-rules [unknown-element]\n`,
    );
    const missing = yangkit('validate', '-p', IETF, MODULE, '-d', '/nonexistent/x.json');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('/nonexistent/x.json: error: cannot read: ENOENT [unreadable]\n');
  });

  it('prints module errors like yangkit check and exits 1', () => {
    const bad = scratch('m.yang', 'module m {\n  namespace "urn:m";\n  prefix m;\n  leaf a { type nothing; }\n}\n');
    const r = yangkit('validate', bad, '-d', join(RULES, 'valid.json'));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${bad}:4:17: error: type "nothing" is not defined [unknown-type]\n`);
  });

  it('needs data (-d or a .json/.xml argument) and a known -t', () => {
    expect(yangkit('validate', MODULE).status).toBe(2);
    expect(validate(['valid.json'], '-t', 'bogus').status).not.toBe(0);
  });

  it('validates an rpc reply against the datastore given with -O', () => {
    const dir = join(CASES, 'netconf');
    const modules = ['ietf-netconf-partial-lock@2009-10-19.yang', 'ietf-interfaces@2018-02-20.yang'].map((m) => join(IETF, m));
    const run = (data: string) =>
      yangkit('validate', '-p', IETF, '-p', join(CORPUS, 'iana'), ...modules, join(CORPUS, 'iana/iana-if-type@2023-01-26.yang'), '-t', 'rpc-reply', '-d', join(dir, data), '-O', join(dir, 'datastore.json'));
    expect(run('reply-partial-lock.json').status).toBe(0);
    const dangling = run('reply-partial-lock-dangling.json');
    expect(dangling.status).toBe(1);
    expect(dangling.stderr).toMatch(/reply-partial-lock-dangling\.json:5:7: error: .*\[instance-required\]/);
  });
});
