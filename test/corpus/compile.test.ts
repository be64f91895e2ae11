import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileYang, ParseCache } from '../../src/compile/index.js';
import { formatDiagnostic } from '../../src/diagnostics/index.js';
import { corpusModules, searchPathsFor } from './paths.js';

/**
 * Modules of the corpus that are broken as published, with the diagnostic
 * code yangkit must give for them.
 */
const KNOWN_BROKEN: Record<string, string> = {
  // RFC 8407's template keeps placeholder revision dates ("date-revision").
  'ietf-template@2023-07-26.yang': 'bad-revision-date',
};

describe('real-world corpus', () => {
  const cache = new ParseCache();
  const files = corpusModules();

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(400);
  });

  it('compiles every OpenConfig and IETF module', () => {
    const unexpected: string[] = [];
    const brokenSeen: string[] = [];
    for (const file of files) {
      const { diagnostics } = compileYang({ files: [file], searchPaths: searchPathsFor(file), parseCache: cache });
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const known = KNOWN_BROKEN[basename(file)];
      if (known) {
        expect(errors.map((e) => e.code)).toContain(known);
        brokenSeen.push(basename(file));
      } else {
        unexpected.push(...errors.map(formatDiagnostic));
      }
    }
    expect(unexpected).toEqual([]);
    expect(brokenSeen.sort()).toEqual(Object.keys(KNOWN_BROKEN).sort());
  });
});
