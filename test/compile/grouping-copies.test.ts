import { describe, expect, it } from 'vitest';
import type { ContainerNode, LeafNode, SchemaNode } from '../../src/ir/types.js';
import { LIMITS } from '../../src/limits.js';
import { compileSources, mod } from './helpers.js';

/**
 * A grouping used in several places is built once per namespace and copied at its other uses
 * (compile/grouping-copies.ts): each use must still get nodes of its own, as if built anew.
 */
const byName = (nodes: SchemaNode[], name: string): SchemaNode => nodes.find((n) => n.name === name)!;
const childOf = (n: SchemaNode, name: string): SchemaNode => byName((n as ContainerNode).children, name);

describe('grouping uses copied from an earlier build', () => {
  const body = `
  grouping item {
    leaf name { type string; default "x"; }
    leaf ref { type leafref { path "../name"; } }
    container inner { leaf flag { type boolean; } }
  }
  container a { uses item; }
  container b { uses item { refine name { default "y"; } refine inner { presence "on"; } when "true()"; } }
  container c { uses item { augment inner { leaf extra { type string; } } } }`;

  it('gives each use its own nodes: refine, when and augment of one use stay there', () => {
    const r = compileSources({ 'm.yang': mod(body) });
    expect(r.diagnostics).toEqual([]);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => byName(r.schema.modules.m!.data, n));
    expect((childOf(a!, 'name') as LeafNode).default).toBe('x');
    expect((childOf(b!, 'name') as LeafNode).default).toBe('y');
    expect((childOf(c!, 'name') as LeafNode).default).toBe('x');
    expect((childOf(a!, 'inner') as ContainerNode).presence).toBeUndefined();
    expect((childOf(b!, 'inner') as ContainerNode).presence).toBe('on');
    expect(childOf(a!, 'name').when).toBeUndefined();
    expect(childOf(b!, 'name').when).toEqual([{ expr: 'true()', prefixes: {}, onParent: true }]);
    expect((childOf(a!, 'inner') as ContainerNode).children.map((n) => n.name)).toEqual(['flag']);
    expect((childOf(c!, 'inner') as ContainerNode).children.map((n) => n.name)).toEqual(['flag', 'extra']);
  });

  it('resolves each copy of a relative leafref from where it is used', () => {
    const r = compileSources({ 'm.yang': mod(body) });
    const targets = ['a', 'b', 'c'].map((n) => (childOf(byName(r.schema.modules.m!.data, n), 'ref') as LeafNode).type.leafref?.target);
    expect(targets).toEqual(['/m:a/name', '/m:b/name', '/m:c/name']);
  });

  it('builds anew where a copy would pass the nesting limit, which is then reported', () => {
    // The grouping's nodes are nested `height` levels deep: fine at the top, too deep under `outer` containers.
    const height = LIMITS.schemaNesting - 20;
    const nested = Array.from({ length: height }, (_, i) => `container n${i} {`).join(' ') + ' leaf x { type string; } ' + '}'.repeat(height);
    const outer = 40;
    const deep = Array.from({ length: outer }, (_, i) => `container o${i} {`).join(' ') + ' uses tall; ' + '}'.repeat(outer);
    const r = compileSources({ 'm.yang': mod(`grouping tall { ${nested} }\ncontainer top { uses tall; }\n${deep}\ncontainer again { uses tall; }`) });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['too-deep']);
  });
});
