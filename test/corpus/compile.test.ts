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
  // yangmnt:mount-point under an anydata, which RFC 8528 3.1 forbids (the -methods module imports it).
  'ietf-connectionless-oam@2019-04-16.yang': 'bad-extension-placement',
  'ietf-connectionless-oam-methods@2019-04-16.yang': 'bad-extension-placement',
  // A leafref in an sx:structure that points outside the structure (RFC 8791); the others import it.
  'ietf-dots-signal-channel@2021-09-02.yang': 'leafref-target-not-found',
  'ietf-dots-signal-control@2021-09-02.yang': 'leafref-target-not-found',
  'ietf-dots-call-home@2021-12-09.yang': 'leafref-target-not-found',
  'ietf-dots-telemetry@2022-06-20.yang': 'leafref-target-not-found',
  'ietf-dots-robust-trans@2023-02-28.yang': 'leafref-target-not-found',
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
