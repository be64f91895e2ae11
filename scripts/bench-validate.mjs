// Benchmark section: instance validation of a generated OpenConfig document (5,000
// interfaces with subinterfaces and IPv4/IPv6 addresses, about 10 MB of JSON) against
// openconfig-interfaces + openconfig-if-ip, yangkit's validateData beside yanglint.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, ROOT, loadYangkit, searchPathsFor, yanglintVersion } from './corpus.mjs';

const INTERFACES = 5000;
const OC = join(CORPUS, 'openconfig');
const MODULES = [
  join(OC, 'release/models/interfaces/openconfig-interfaces.yang'),
  join(OC, 'release/models/interfaces/openconfig-if-ip.yang'),
  join(OC, 'third_party/ietf/iana-if-type.yang'),
];
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

const ipv4 = (i, j) => `10.${(i >> 8) & 255}.${i & 255}.${1 + j}`;
const ipv6 = (i, j) => `2001:db8:${i.toString(16)}:${j}::1`;

/** A VRRP group tracking the next interface. */
function vrrpGroup(i) {
  return {
    'virtual-router-id': 1,
    config: { 'virtual-router-id': 1, 'virtual-address': [ipv4(i, 9)], priority: 100 },
    'interface-tracking': { config: { 'track-interface': [`eth${(i + 1) % INTERFACES}`] } },
  };
}

/**
 * Interface i: three subinterfaces, each with an IPv4 and an IPv6 address; subinterface 0's IPv4
 * address runs VRRP tracking the next interface (an absolute leafref), subinterface 1 is also
 * unnumbered, borrowing the previous interface's subinterface 0 (a leafref whose predicate
 * depends on the entry: the case that turns quadratic without an index).
 */
function iface(i) {
  const name = `eth${i}`;
  const sub = (j) => ({
    index: j,
    config: { index: j, description: `${name}.${j}`, enabled: true },
    'openconfig-if-ip:ipv4': {
      addresses: {
        address: [
          {
            ip: ipv4(i, j),
            config: { ip: ipv4(i, j), 'prefix-length': 24 },
            ...(j === 0 ? { vrrp: { 'vrrp-group': [vrrpGroup(i)] } } : {}),
          },
        ],
      },
      ...(j === 1 ? { unnumbered: { config: { enabled: true }, 'interface-ref': { config: { interface: `eth${(i + INTERFACES - 1) % INTERFACES}`, subinterface: 0 } } } } : {}),
      config: { enabled: true, mtu: 1500 },
    },
    'openconfig-if-ip:ipv6': {
      addresses: { address: [{ ip: ipv6(i, j), config: { ip: ipv6(i, j), 'prefix-length': 64 } }] },
      config: { enabled: true, mtu: 1500 },
    },
  });
  return {
    name,
    config: { name, type: 'iana-if-type:ethernetCsmacd', mtu: 9000, description: `interface ${i}`, enabled: true },
    'hold-time': { config: { up: 0, down: 0 } },
    subinterfaces: { subinterface: [sub(0), sub(1), sub(2)] },
  };
}

export function generateInterfaces(n = INTERFACES) {
  return { 'openconfig-interfaces:interfaces': { interface: Array.from({ length: n }, (_, i) => iface(i)) } };
}

/** Wall time of one yanglint run in ms (it exits non-zero on invalid data: the figure is then marked). */
function timeYanglint(args) {
  const start = performance.now();
  let ok = true;
  try {
    execFileSync('yanglint', args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20 });
  } catch {
    ok = false;
  }
  return { ms: performance.now() - start, ok };
}

export async function benchValidateOpenConfig() {
  const { compileYang } = await loadYangkit();
  const { validateData } = await import(join(ROOT, 'dist/validate/index.js'));
  let start = performance.now();
  const { schema } = compileYang({ files: MODULES, searchPaths: searchPathsFor(MODULES[0]) });
  const compileMs = performance.now() - start;
  const text = JSON.stringify(generateInterfaces());
  const dir = mkdtempSync(join(tmpdir(), 'yangkit-bench-validate-'));
  const file = join(dir, 'interfaces.json');
  writeFileSync(file, text);
  try {
    start = performance.now();
    const doc = JSON.parse(text);
    const parseMs = performance.now() - start;
    start = performance.now();
    const errors = validateData(schema, doc, { type: 'config' });
    const validateMs = performance.now() - start;
    // A second run: the figure of a long-lived process (compiled XPath, warm JIT).
    start = performance.now();
    validateData(schema, JSON.parse(text), { type: 'config' });
    const warmMs = performance.now() - start + parseMs;
    const figures = {
      'document': `${INTERFACES} interfaces, ${(text.length / 2 ** 20).toFixed(1)} MiB JSON`,
      'yangkit compile schema': secs(compileMs),
      'yangkit JSON.parse': secs(parseMs),
      'yangkit validateData (config)': secs(validateMs),
      'yangkit parse + validate, warm': secs(warmMs),
      'yangkit errors': errors.length ? `${errors.length} (first: ${errors[0].path} ${errors[0].message})` : 0,
    };
    const version = yanglintVersion();
    if (!version) return { ...figures, yanglint: 'not installed' };
    // -i: imported modules implemented, as yangkit compiles them (see corpus.mjs).
    const base = ['-i', '-D', ...searchPathsFor(MODULES[0]).flatMap((d) => ['-p', d]), ...MODULES];
    const schemaOnly = timeYanglint(base);
    const withData = timeYanglint(['-t', 'config', ...base, file]);
    return {
      ...figures,
      yanglint: version,
      'yanglint schema only': secs(schemaOnly.ms),
      'yanglint -t config (schema + data)': `${secs(withData.ms)}${withData.ok ? '' : ' (reported errors)'}`,
      'yanglint data part (difference)': secs(withData.ms - schemaOnly.ms),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
