import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODULES_DIR } from '../../src/modules/repository.js';
import { compileSources, mod } from './helpers.js';

const importsInetTypes = mod('  import ietf-inet-types { prefix inet; }\n  leaf addr { type inet:ip-address; }');

describe('built-in base modules', () => {
  it('resolve an import that no search directory holds', () => {
    const { schema, diagnostics } = compileSources({ 'm.yang': importsInetTypes });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const inet = schema.modules['ietf-inet-types']!;
    expect(dirname(inet.file)).toBe(BUILTIN_MODULES_DIR);
    expect(inet.revision).toBe('2025-12-22');
  });

  it('pick the revision an import asks for', () => {
    const { schema } = compileSources({ 'm.yang': importsInetTypes.replace('prefix inet;', 'prefix inet; revision-date 2013-07-15;') });
    expect(schema.modules['ietf-inet-types']!.revision).toBe('2013-07-15');
  });

  it("give way to the user's own copy, even an older one", () => {
    const own = 'module ietf-inet-types {\n  namespace "urn:ietf:params:xml:ns:yang:ietf-inet-types"; prefix inet;\n  revision 2010-09-24;\n  typedef ip-address { type string; }\n}\n';
    const { schema, dir } = compileSources({ 'm.yang': importsInetTypes, 'ietf-inet-types.yang': own });
    expect(schema.modules['ietf-inet-types']!.file).toBe(`${dir}/ietf-inet-types.yang`);
    expect(schema.modules['ietf-inet-types']!.revision).toBe('2010-09-24');
  });
});
