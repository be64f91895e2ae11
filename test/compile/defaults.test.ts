import { describe, expect, it } from 'vitest';
import type { LeafListNode, LeafNode } from '../../src/ir/types.js';
import { compileSources, mod } from './helpers.js';

const leaf = (r: ReturnType<typeof compileSources>, module: string, name: string) =>
  r.schema.modules[module]!.data.find((n) => n.name === name) as LeafNode | LeafListNode;

describe('defaults in the IR', () => {
  it('keeps defaults in canonical form: decimal integers, qualified identities, canonical decimal64 and bits', () => {
    const r = compileSources({
      'm.yang': mod(`  identity animal;
  identity cat { base animal; }
  leaf hex { type uint16; default 0x8000; }
  leaf oct { type uint8; default 010; }
  leaf neg { type int8; default -0x50; }
  leaf dec { type decimal64 { fraction-digits 2; } default 1.50; }
  leaf flags { type bits { bit a; bit b; } default "b a"; }
  leaf pet { type identityref { base animal; } default cat; }
  leaf-list ll { type int32; default 0x10; default 017; }
  typedef mask { type uint32; default 0xFF; }`),
    });
    expect(r.diagnostics).toEqual([]);
    expect(leaf(r, 'm', 'hex').default).toBe('32768');
    expect(leaf(r, 'm', 'oct').default).toBe('8');
    expect(leaf(r, 'm', 'neg').default).toBe('-80');
    expect(leaf(r, 'm', 'dec').default).toBe('1.5');
    expect(leaf(r, 'm', 'flags').default).toBe('a b');
    expect(leaf(r, 'm', 'pet').default).toBe('m:cat');
    expect(leaf(r, 'm', 'll').default).toEqual(['16', '15']);
    expect(r.schema.modules.m!.typedefs.find((t) => t.name === 'mask')!.default).toBe('255');
  });

  it('resolves a typedef default with the prefixes of the typedef module, and follows a deviated type', () => {
    const r = compileSources(
      {
        'a.yang': `module a { yang-version 1.1; namespace "urn:a"; prefix t;
  identity animal;
  identity cat { base animal; }
  typedef pet { type identityref { base animal; } default t:cat; }
  typedef word { type string; default "hello"; }
  typedef pct { type uint8; default 50; }
  leaf p { type pet; }
  leaf w { type pct; }
}`,
        'b.yang': `module b { yang-version 1.1; namespace "urn:b"; prefix b; import a { prefix x; }
  leaf q { type x:pet; }
  deviation /x:w { deviate replace { type x:word; } }
}`,
      },
      ['a.yang', 'b.yang'],
    );
    expect(r.diagnostics).toEqual([]);
    expect(leaf(r, 'a', 'p').default).toBe('a:cat');
    expect(leaf(r, 'b', 'q').default).toBe('a:cat');
    expect(leaf(r, 'a', 'w').default).toBe('hello');
    expect(r.schema.modules.a!.typedefs.find((t) => t.name === 'pet')!.default).toBe('a:cat');
  });

  it('points at the default statement, not at the leaf', () => {
    const r = compileSources({ 'm.yang': mod('  leaf a {\n    type uint8;\n    default 256;\n  }') });
    expect(r.diagnostics.map((d) => [d.code, d.loc.line, d.loc.col])).toEqual([['bad-default', 6, 13]]);
  });
});
