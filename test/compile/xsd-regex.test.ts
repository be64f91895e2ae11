import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { xsdToEcma } from '../../src/compile/xsd-regex.js';
import { parseYang, type Statement } from '../../src/syntax/index.js';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');

function source(pattern: string): string {
  const r = xsdToEcma(pattern);
  if ('error' in r) throw new Error(r.error);
  return r.source;
}

function re(pattern: string): RegExp {
  return new RegExp(source(pattern), 'u');
}

function error(pattern: string): string {
  const r = xsdToEcma(pattern);
  expect(r).toHaveProperty('error');
  return (r as { error: string }).error;
}

/**
 * `pattern` arguments of a corpus file by typedef name. Uses the project's YANG parser rather
 * than a regex scan so multi-line `'...' + '...'` concatenations and escapes come out exactly.
 */
function patternsIn(file: string): Map<string, string[]> {
  const r = parseYang(readFileSync(path.join(corpus, file), 'utf8'), file);
  const out = new Map<string, string[]>();
  const walk = (s: Statement, typedef: string) => {
    if (s.keyword === 'typedef') typedef = s.arg!;
    if (s.keyword === 'pattern' && !s.prefix) out.set(typedef, [...(out.get(typedef) ?? []), s.arg!]);
    s.children.forEach((c) => walk(c, typedef));
  };
  walk(r.statement!, '');
  return out;
}

describe('xsdToEcma: translation', () => {
  it('anchors the whole expression, alternatives included', () => {
    expect(source('a|b')).toBe('^(?:a|b)$');
    expect(re('a|b').test('ab')).toBe(false);
    expect(re('a|').test('')).toBe(true);
  });

  it('treats ^ and $ as ordinary characters, inside and outside classes', () => {
    expect(source('^a$')).toBe('^(?:\\^a\\$)$');
    expect(re('^a$').test('^a$')).toBe(true);
    expect(re('^a$').test('a')).toBe(false);
    expect(re('[$^]+').test('$^')).toBe(true);
    expect(re('[^^]').test('^')).toBe(false);
  });

  it('maps \\d to decimal digits of any script and \\s to XML whitespace', () => {
    expect(source('\\d+')).toBe('^(?:\\p{Nd}+)$');
    expect(re('\\d+').test('12\u0663')).toBe(true); // ARABIC-INDIC DIGIT THREE
    expect(re('\\D').test('x')).toBe(true);
    expect(re('\\s+').test(' \t\r\n')).toBe(true);
    expect(re('\\s').test('\u00a0')).toBe(false); // NBSP is not XSD whitespace
    expect(re('\\S').test('\u00a0')).toBe(true);
    expect(re('[\\S ]+').test('a b')).toBe(true);
    expect(re('[\\S ]+').test('a\tb')).toBe(false);
  });

  it('uses the XSD meaning of \\w: everything but punctuation, separators and others', () => {
    const w = re('\\w');
    for (const ch of ['a', 'Z', '5', '+', '\u00e9', '\u4e2d']) expect(w.test(ch)).toBe(true);
    for (const ch of ['_', '-', '.', ' ', '\t', '\u00a0']) expect(w.test(ch)).toBe(false);
    expect(re('\\W').test('_')).toBe(true);
    expect(re('[\\w-]+').test('ab-c')).toBe(true);
  });

  it('supports XML name escapes \\i \\I \\c \\C', () => {
    expect(re('\\i\\c*').test('_a-1.b:c\u00b7')).toBe(true);
    expect(re('\\i').test('1')).toBe(false);
    expect(re('\\I').test('1')).toBe(true);
    expect(re('\\c').test('-')).toBe(true);
    expect(re('\\C').test(' ')).toBe(true);
    expect(re('[\\C]').test('a')).toBe(false);
  });

  it('passes general categories through and maps block escapes to ranges', () => {
    expect(source('\\p{Lu}\\P{Lu}')).toBe('^(?:\\p{Lu}\\P{Lu})$');
    expect(re('\\p{L}+').test('\u00e9t\u00e9')).toBe(true);
    expect(re('[\\p{Lu}\\d]+').test('A1')).toBe(true);
    expect(re('\\p{IsBasicLatin}+').test('abc~')).toBe(true);
    expect(re('\\p{IsBasicLatin}').test('\u00e9')).toBe(false);
    expect(re('\\P{IsBasicLatin}').test('\u00e9')).toBe(true);
    expect(re('[\\p{IsGreek}\\p{IsCyrillic}]+').test('\u03b1\u0436')).toBe(true);
    expect(re('\\p{IsLatin-1Supplement}').test('\u00e9')).toBe(true);
    expect(re('\\p{IsCJKUnifiedIdeographs}').test('\u4e2d')).toBe(true);
    expect(re('\\p{IsMathematicalAlphanumericSymbols}').test('\u{1d400}')).toBe(true);
    expect(error('\\p{IsKlingon}')).toMatch(/unknown character property 'IsKlingon'/);
    expect(error('\\p{Xx}')).toMatch(/unknown character property/);
  });

  it('implements class subtraction with a lookahead', () => {
    expect(source('[a-z-[aeiou]]')).toBe('^(?:(?:(?![aeiou])[a-z]))$');
    const consonants = re('[a-z-[aeiou]]+');
    expect(consonants.test('bcd')).toBe(true);
    expect(consonants.test('bad')).toBe(false);
    const nested = re('[a-z-[a-f-[c]]]');
    expect(['c', 'g'].map((c) => nested.test(c))).toEqual([true, true]);
    expect(nested.test('a')).toBe(false);
    const negated = re('[^a-z-[0-9]]');
    expect(['A', '5', 'a'].map((c) => negated.test(c))).toEqual([true, false, false]);
  });

  it("makes '.' exclude only \\n and \\r", () => {
    const dot = re('.');
    expect(dot.test('\n')).toBe(false);
    expect(dot.test('\r')).toBe(false);
    expect(dot.test('\u2028')).toBe(true);
    expect(dot.test('\u{1f600}')).toBe(true); // one code point, not two UTF-16 units
  });

  it('handles single-character escapes and literal hyphens in classes', () => {
    const all = '\\n\\r\\t\\\\\\|\\.\\-\\^\\?\\*\\+\\{\\}\\(\\)\\[\\]';
    expect(re(all).test('\n\r\t\\|.-^?*+{}()[]')).toBe(true);
    expect(re(`[${all}]+`).test('\n\r\t\\|.-^?*+{}()[]')).toBe(true);
    expect(re('[-a]+').test('-a')).toBe(true);
    expect(re('[a-]+').test('-a')).toBe(true);
    expect(re('[+\\-]').test('-')).toBe(true);
    expect(re('[a-zA-Z0-9\\\\-]+').test('a\\-')).toBe(true);
    expect(re('[ -@\\[-\\^_-~]*').test('AZ')).toBe(false);
    expect(re('[ -@\\[-\\^_-~]*').test('a[1]^')).toBe(true);
    expect(re('-').test('-')).toBe(true);
  });

  it('handles quantifiers', () => {
    expect(re('a{2}').test('aa')).toBe(true);
    expect(re('a{2}').test('aaa')).toBe(false);
    expect(re('a{2,}').test('aaaa')).toBe(true);
    expect(re('(ab){1,2}').test('abab')).toBe(true);
    expect(re('(ab){1,2}').test('ababab')).toBe(false);
    expect(re('a?b*c+').test('bbc')).toBe(true);
    expect(re('a{0,0}').test('')).toBe(true);
  });

  it('keeps non-ASCII literals and astral characters intact', () => {
    expect(re('\u00e9+').test('\u00e9\u00e9')).toBe(true);
    expect(re('[\u{1f600}-\u{1f64f}]').test('\u{1f610}')).toBe(true);
    expect(source('a\u200cb')).toBe('^(?:a\\u{200C}b)$');
  });

  it.each([
    ['(a', /unclosed '\('/],
    ['a)', /unmatched '\)'/],
    ['[a', /unclosed '\['/],
    ['[]', /empty character class/],
    ['a]', /unescaped '\]'/],
    ['a}', /unescaped '\}'/],
    ['a\\', /dangling '\\'/],
    ['\\x', /unknown escape '\\x'/],
    ['[\\x]', /unknown escape '\\x'/],
    ['*a', /quantifier '\*' without anything to repeat/],
    ['a|+', /without anything to repeat/],
    ['(?:a)', /quantifier '\?' without anything to repeat/],
    ['a*?', /follows another quantifier/],
    ['a{2}{3}', /follows another quantifier/],
    ['a{3,1}', /max below min/],
    ['a{,3}', /malformed quantifier/],
    ['a{x}', /malformed quantifier/],
    ['[z-a]', /range out of order/],
    ['[\\d-z]', /cannot start a range/],
    ['[a-\\d]', /cannot end a range/],
    ['[a[b]', /unescaped '\['/],
    ['\\p{L', /unterminated/],
    ['\\pL', /expected '\{'/],
  ])('rejects %s', (pattern, message) => {
    const msg = error(pattern);
    expect(msg).toMatch(message);
    expect(msg).toMatch(/at offset \d+/);
  });

  it('reports the offset of the problem', () => {
    expect(error('ab(cd')).toMatch(/at offset 2 /);
    expect(error('abc\\')).toMatch(/at offset 3 /);
  });
});

describe('xsdToEcma: corpus', () => {
  it('converts every pattern of the corpus', () => {
    const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yang'));
    expect(files.length).toBeGreaterThan(100);
    const patterns = new Set<string>();
    for (const f of files) for (const list of patternsIn(f).values()) list.forEach((p) => patterns.add(p));
    expect(patterns.size).toBeGreaterThan(100);
    const failures = [...patterns].flatMap((p) => {
      const r = xsdToEcma(p);
      return 'error' in r ? [r.error] : [];
    });
    expect(failures).toEqual([]);
  });

  it('ietf-inet-types (2013): ipv4-address, ipv6-address, domain-name', () => {
    const types = patternsIn('ietf/ietf-inet-types@2013-07-15.yang');
    const [ipv4] = types.get('ipv4-address')!.map(re);
    expect(types.get('ipv4-address')![0]).toContain('(%[\\p{N}\\p{L}]+)?');
    for (const ok of ['0.0.0.0', '192.168.1.255', '10.0.0.1%eth0', '1.2.3.4%\u00e9t\u00e91']) expect(ipv4.test(ok)).toBe(true);
    for (const bad of ['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4x', ' 1.2.3.4', '1.2.3.4%', '1.2.3.4%eth-0'])
      expect(ipv4.test(bad)).toBe(false);

    const ipv6 = types.get('ipv6-address')!.map(re);
    const v6 = (s: string) => ipv6.every((r) => r.test(s));
    for (const ok of ['::', '::1', 'fe80::1%eth0', '2001:db8::ff00:42:8329', '::ffff:192.0.2.128', '1:2:3:4:5:6:7:8'])
      expect(v6(ok)).toBe(true);
    for (const bad of ['1:2:3:4:5:6:7:8:9', '2001:db8:::1', 'g::1', '1.2.3.4']) expect(v6(bad)).toBe(false);

    const [domain] = types.get('domain-name')!.map(re);
    for (const ok of ['example.com', 'example.com.', '.', 'a', '_sip._tcp.example.com', 'xn--bcher-kva.ch'])
      expect(domain.test(ok)).toBe(true);
    for (const bad of ['-a.com', 'a..com', 'a b', '', 'a'.repeat(64) + '.com']) expect(domain.test(bad)).toBe(false);
  });

  it('ietf-inet-types (2025): zone index as .+', () => {
    const [ipv4] = patternsIn('ietf/ietf-inet-types@2025-12-22.yang').get('ipv4-address')!.map(re);
    expect(ipv4.test('10.0.0.1%eth-0.1')).toBe(true);
    expect(ipv4.test('10.0.0.1%')).toBe(false);
  });

  it('ietf-yang-types: date-and-time, mac-address', () => {
    for (const file of ['ietf/ietf-yang-types@2013-07-15.yang', 'ietf/ietf-yang-types@2025-12-22.yang']) {
      const types = patternsIn(file);
      const [dt] = types.get('date-and-time')!.map(re);
      for (const ok of ['2024-02-29T23:59:60Z', '1985-04-12T23:20:50.52+14:00', '2000-01-01T00:00:00-08:00'])
        expect(dt.test(ok), `${file} ${ok}`).toBe(true);
      for (const bad of ['2024-01-01 00:00:00Z', '2024-01-01T00:00:00+1:00', '2024-1-01T00:00:00Z', '2024-01-01T00:00Z'])
        expect(dt.test(bad), `${file} ${bad}`).toBe(false);
      // Only the 2025 revision checks field ranges; 2013 accepts any two digits.
      expect(dt.test('2024-13-01T24:00:00Z')).toBe(file.includes('2013'));
      const [mac] = types.get('mac-address')!.map(re);
      expect(mac.test('00:1A:2b:3c:4D:5e')).toBe(true);
      for (const bad of ['00:1A:2b:3c:4D', '00-1A-2b-3c-4D-5e', '00:1A:2b:3c:4D:5e:'])
        expect(mac.test(bad)).toBe(false);
    }
  });

  it('openconfig-style anchors stay literal, as XSD demands', () => {
    const r = re('^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$');
    expect(r.test('00:11:22:33:44:55')).toBe(false);
    expect(r.test('^00:11:22:33:44:55$')).toBe(true);
  });
});
