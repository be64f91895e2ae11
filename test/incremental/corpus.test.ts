import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileYang, ParseCache } from '../../src/compile/index.js';
import { createCompiler } from '../../src/incremental/compiler.js';
import { CORPUS } from '../corpus/paths.js';

const MODELS = join(CORPUS, 'openconfig/release/models');
const INPUTS = ['interfaces/openconfig-interfaces.yang', 'interfaces/openconfig-if-ip.yang', 'vlan/openconfig-vlan.yang', 'interfaces/openconfig-if-ethernet.yang'].map((f) => join(MODELS, f));
const SEARCH = ['openconfig', 'ietf', 'iana'].map((d) => join(CORPUS, d));
const INTERFACES = INPUTS[0]!;

describe('incremental compile of OpenConfig interfaces', () => {
  const compiler = createCompiler({ inputs: INPUTS, searchPaths: SEARCH });
  const edited = new Map<string, string>();

  /** The same files, with the same edits, compiled from scratch by plain compileYang. */
  const fromScratch = () =>
    compileYang({ files: INPUTS, searchPaths: SEARCH, parseCache: new ParseCache((f) => edited.get(f) ?? readFileSync(f, 'utf8')) });

  const edit = (file: string, change: (text: string) => string) => {
    const text = change(edited.get(file) ?? readFileSync(file, 'utf8'));
    edited.set(file, text);
    return compiler.update(file, text);
  };

  const yangTypes = (): string => compiler.schema.modules['ietf-yang-types']!.file;

  it('patches a reworded leaf description and matches a compile from scratch', () => {
    const result = edit(INTERFACES, (t) => t.replace(/(leaf mtu \{[^}]*?description\s*")/, '$1Reworded: '));
    expect(result.how).toBe('patched');
    expect(result.changed).toEqual(['openconfig-interfaces']);
    expect(compiler.schema).toEqual(fromScratch().schema);
  });

  it('recompiles after a change to a widely imported module and matches a compile from scratch', () => {
    const result = edit(yangTypes(), (t) => t.replace('typedef counter32 {', 'typedef counter31 {\n    type uint32;\n  }\n\n  typedef counter32 {'));
    expect(result.how).toBe('recompiled');
    expect(result.changed).toEqual(['ietf-yang-types']);
    const scratch = fromScratch();
    expect(compiler.schema).toEqual(scratch.schema);
    expect(compiler.diagnostics).toEqual(scratch.diagnostics);
  });

  it('reports exactly the modules using a changed typedef', () => {
    const usesCounter64 = (m: string) => JSON.stringify(compiler.schema.modules[m]).includes('"typedef":{"module":"ietf-yang-types","name":"counter64"}');
    const users = Object.keys(compiler.schema.modules).filter(usesCounter64);
    expect(users.length).toBeGreaterThan(0);
    const result = edit(yangTypes(), (t) => t.replace(/(typedef counter64 \{\s*type uint64);/, '$1 { range "0..1000000"; }'));
    expect(result.changed).toEqual([...new Set(['ietf-yang-types', ...users])].sort());
    expect(compiler.schema).toEqual(fromScratch().schema);
  });

  it('compiles only the modules an added leaf reaches, keeping the others as they were', () => {
    const before = { ...compiler.schema.modules };
    const vlan = compiler.schema.modules['openconfig-vlan']!.file;
    const result = edit(vlan, (t) => t.replace(/(\n  grouping vlan-tpid-config \{)/, '$1\n    leaf added-by-test { type string; }'));
    expect(result.how).toBe('recompiled');
    expect(result.changed).toContain('openconfig-vlan');
    // Modules that neither depend on openconfig-vlan nor hold its augments keep their IR objects.
    expect(compiler.schema.modules['ietf-yang-types']).toBe(before['ietf-yang-types']);
    expect(compiler.schema.modules['openconfig-types']).toBe(before['openconfig-types']);
    expect(compiler.schema.modules['openconfig-vlan']).not.toBe(before['openconfig-vlan']);
    expect(JSON.stringify(compiler.schema.modules['openconfig-vlan'])).toContain('added-by-test');
    const scratch = fromScratch();
    expect(compiler.schema).toEqual(scratch.schema);
    expect(compiler.diagnostics).toEqual(scratch.diagnostics);
  });

  it('goes back to the compile of the files on disk', () => {
    const pristine = createCompiler({ inputs: INPUTS, searchPaths: SEARCH });
    const files = [...edited.keys()];
    edited.clear();
    const result = compiler.apply(files.map((file) => ({ file })));
    expect(result.how).toBe('recompiled');
    expect(compiler.schema).toEqual(pristine.schema);
  });
});
