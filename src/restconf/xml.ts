/**
 * XML encoding (RFC 8040 `application/yang-data+xml`): converts between XML
 * documents and the RFC 7951 JSON tree using the IR. Reading yields leaf values
 * as strings (checked later in `lexical` mode), with identityref prefixes
 * already mapped to module names; writing declares each module's namespace
 * where it changes, and module-name prefixes for identity values.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DataNode, NotificationNode, SchemaNode, TypeIR } from '../ir/types.js';
import { RestconfError, type ErrorEntry } from './errors.js';
import { prefixedPath } from './instance-path.js';
import { type JsonObject, type JsonValue, type SchemaIndex, childTable, isDataNode, isObject, lookupChild } from './schema-index.js';
import type { Siblings } from './tree.js';
import { lexical } from './values.js';

export const RESTCONF_NS = 'urn:ietf:params:xml:ns:yang:ietf-restconf';
const NOTIFICATION_NS = 'urn:ietf:params:xml:ns:netconf:notification:1.0';
const WITH_DEFAULTS_NS = 'urn:ietf:params:xml:ns:netconf:default:1.0';

/** A parsed XML element with namespaces resolved. */
export interface XmlElement {
  local: string;
  ns: string;
  /** Prefix to namespace bindings in scope ('' is the default namespace). */
  scope: Map<string, string>;
  children: XmlElement[];
  text: string;
}

type OrderedNode = Record<string, unknown>;

/** Deepest element nesting a body may have: far beyond any YANG tree, and it bounds the recursion over the document. */
const MAX_XML_DEPTH = 100;

const parser = new XMLParser({
  maxNestedTags: MAX_XML_DEPTH,
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });

function malformed(message: string): RestconfError {
  return RestconfError.of('malformed-message', message);
}

function toElement(raw: OrderedNode, parentScope: Map<string, string>): XmlElement {
  const tag = Object.keys(raw).find((k) => k !== ':@')!;
  const attrs = (raw[':@'] ?? {}) as Record<string, string>;
  const scope = new Map(parentScope);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'xmlns') scope.set('', value);
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
  }
  const colon = tag.indexOf(':');
  const prefix = colon < 0 ? '' : tag.slice(0, colon);
  const ns = scope.get(prefix);
  if (ns === undefined) throw malformed(`element <${tag}> has no namespace${prefix ? ` (prefix "${prefix}" is not declared)` : ''}`);
  const children: XmlElement[] = [];
  let text = '';
  for (const item of raw[tag] as OrderedNode[]) {
    if ('#text' in item) text += String(item['#text']);
    else children.push(toElement(item, scope));
  }
  return { local: colon < 0 ? tag : tag.slice(colon + 1), ns, scope, children, text };
}

/** Parses an XML document and returns its single root element. */
export function readXml(text: string): XmlElement {
  // No DTDs: RESTCONF bodies never need one, and refusing them rules out entity-expansion attacks.
  if (/<!DOCTYPE/i.test(text)) throw malformed('XML bodies must not contain a DOCTYPE');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw malformed(`XML is not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  let parsed: OrderedNode[];
  try {
    parsed = parser.parse(text) as OrderedNode[];
  } catch (err) {
    // Well-formed but beyond the parser's limits (nesting deeper than MAX_XML_DEPTH): the client's document is at fault.
    throw malformed(`XML body refused: ${(err as Error).message}`);
  }
  const roots = parsed.filter((n) => !('#text' in n));
  if (roots.length !== 1) throw malformed('an XML body must have exactly one root element');
  return toElement(roots[0]!, new Map());
}

function involvesIdentityref(t: TypeIR): boolean {
  if (t.base === 'identityref') return true;
  if (t.base === 'union') return (t.union ?? []).some(involvesIdentityref);
  return t.base === 'leafref' && !!t.leafref?.type && involvesIdentityref(t.leafref.type);
}

export class XmlCodec {
  constructor(private readonly index: SchemaIndex) {}

  private moduleOf(el: XmlElement, path: string): string {
    const m = this.index.moduleByNamespace(el.ns);
    if (!m) throw RestconfError.of('unknown-namespace', `unknown namespace "${el.ns}"`, { path: `${path}/${el.local}` });
    return m.name;
  }

  /** A leaf's text; an identity `prefix:name` (or unprefixed, in the default namespace) becomes `module:name`. */
  private leafText(el: XmlElement, node: DataNode & { type: TypeIR }): string {
    if (el.children.length) throw malformed(`leaf ${node.name} must not contain elements`);
    if (!involvesIdentityref(node.type)) return el.text;
    const text = el.text.trim();
    const m = /^(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)$/.exec(text);
    if (!m) return el.text;
    const ns = el.scope.get(m[1] ?? '');
    const module = ns === undefined ? undefined : this.index.moduleByNamespace(ns)?.name;
    return module ? `${module}:${m[2]}` : el.text;
  }

  private anyContent(el: XmlElement): JsonValue {
    if (!el.children.length) return el.text;
    const out: JsonObject = {};
    for (const c of el.children) {
      const v = this.anyContent(c);
      const prev = out[c.local];
      out[c.local] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return out;
  }

  /** The value of one element that instantiates `node` (a list element gives one entry). */
  elementValue(el: XmlElement, node: DataNode, path: string): JsonValue {
    switch (node.kind) {
      case 'container':
      case 'list':
        return this.childObject(el, node.children, node.module, path);
      case 'leaf':
      case 'leaf-list':
        return this.leafText(el, node);
      case 'anydata':
      case 'anyxml':
        return this.anyContent(el);
    }
  }

  /** Converts the child elements of `el` into an RFC 7951 object for the given schema children. */
  childObject(el: XmlElement, children: readonly SchemaNode[], parentModule: string | undefined, path: string): JsonObject {
    const out: JsonObject = {};
    for (const child of el.children) {
      const entry = lookupChild(children, parentModule, `${this.moduleOf(child, path)}:${child.local}`);
      if (!entry || !isDataNode(entry.node)) {
        throw RestconfError.of('unknown-element', `unknown element <${child.local}> in namespace ${child.ns}`, { path: `${path}/${child.local}` });
      }
      const node = entry.node;
      const member = node.jsonName;
      const value = this.elementValue(child, node, `${path}/${member}`);
      if (node.kind === 'list' || node.kind === 'leaf-list') {
        const arr = out[member];
        if (Array.isArray(arr)) arr.push(value);
        else out[member] = [value];
      } else {
        if (member in out) throw malformed(`element <${child.local}> given twice`);
        out[member] = value;
      }
    }
    return out;
  }

  /**
   * Reads a body whose root element must be the schema node `expected` (found among
   * `where`'s children); returns the RFC 7951 member name and value (an array for list and leaf-list).
   */
  rootMember(root: XmlElement, where: Siblings, path: string): { node: DataNode; value: JsonValue } {
    const entry = childTable(where.children).get(`${this.moduleOf(root, path)}:${root.local}`);
    if (!entry || !isDataNode(entry.node)) {
      throw RestconfError.of('unknown-element', `unknown root element <${root.local}> in namespace ${root.ns}`, { path: `${path}/${root.local}` });
    }
    const node = entry.node;
    const value = this.elementValue(root, node, `${path}/${node.jsonName}`);
    return { node, value: node.kind === 'list' || node.kind === 'leaf-list' ? [value] : value };
  }

  // ---- writing

  private leafNodes(node: DataNode, value: JsonValue, parentNs: string | undefined, extraAttrs: Record<string, string>): OrderedNode[] {
    const ns = this.index.namespaceOf(node.module);
    const values = node.kind === 'leaf-list' && Array.isArray(value) ? value : [value];
    return values.map((v) => {
      const attrs: Record<string, string> = { ...extraAttrs };
      if (ns && ns !== parentNs) attrs['@_xmlns'] = ns;
      const text = lexical(v);
      if ('type' in node && involvesIdentityref(node.type) && typeof v === 'string') {
        const module = /^([A-Za-z_][\w.-]*):/.exec(v)?.[1];
        const identityNs = module ? this.index.namespaceOf(module) : undefined;
        if (identityNs) attrs[`@_xmlns:${module}`] = identityNs;
      }
      return { [node.name]: text === '' ? [] : [{ '#text': text }], ...(Object.keys(attrs).length ? { ':@': attrs } : {}) };
    });
  }

  private anyNodes(name: string, value: JsonValue): OrderedNode[] {
    if (Array.isArray(value)) return value.flatMap((v) => this.anyNodes(name, v));
    if (isObject(value)) return [{ [name]: Object.entries(value).flatMap(([k, v]) => this.anyNodes(k, v)) }];
    return [{ [name]: value === null ? [] : [{ '#text': String(value) }] }];
  }

  private memberNodes(obj: JsonObject, where: Siblings, parentNs: string | undefined): OrderedNode[] {
    const out: OrderedNode[] = [];
    for (const [member, value] of Object.entries(obj)) {
      if (member.startsWith('@')) continue;
      const node = lookupChild(where.children, where.parentModule, member)?.node;
      if (!node || !isDataNode(node)) continue;
      const tagged: Record<string, string> = isObject(obj[`@${member}`]) ? { '@_xmlns:wd': WITH_DEFAULTS_NS, '@_wd:default': 'true' } : {};
      out.push(...this.nodeElements(node, value, parentNs, tagged));
    }
    return out;
  }

  private nodeElements(node: DataNode, value: JsonValue, parentNs: string | undefined, extraAttrs: Record<string, string> = {}): OrderedNode[] {
    const ns = this.index.namespaceOf(node.module);
    const attrs = ns && ns !== parentNs ? { '@_xmlns': ns } : {};
    switch (node.kind) {
      case 'container':
      case 'list': {
        const instances = node.kind === 'list' && Array.isArray(value) ? value : [value];
        return instances.map((inst) => ({
          [node.name]: isObject(inst) ? this.memberNodes(inst, { children: node.children, parentModule: node.module }, ns) : [],
          ...(Object.keys(attrs).length ? { ':@': attrs } : {}),
        }));
      }
      case 'leaf':
      case 'leaf-list':
        return this.leafNodes(node, value, parentNs, extraAttrs);
      case 'anydata':
      case 'anyxml':
        return this.anyNodes(node.name, value).map((n) => ({ ...n, ...(Object.keys(attrs).length ? { ':@': attrs } : {}) }));
    }
  }

  /** One document whose root is the single instance in `wrapper` (a `{ "mod:name": value }` object). */
  writeMember(wrapper: JsonObject, where: Siblings): string {
    const nodes = this.memberNodes(wrapper, where, undefined);
    if (nodes.length !== 1) {
      throw RestconfError.of('invalid-value', `the result has ${nodes.length} instances and XML needs exactly one root element; ask for JSON`, { status: 406 });
    }
    return builder.build(nodes) as string;
  }

  /** A document with a fixed root element (e.g. restconf `data`, an operation's `output`) around data members. */
  writeWrapped(rootName: string, rootNs: string, obj: JsonObject, where: Siblings): string {
    return builder.build([{ [rootName]: this.memberNodes(obj, where, rootNs), ':@': { '@_xmlns': rootNs } }]) as string;
  }

  /** An RFC 5277 notification document as RFC 8040 section 6.4 sends it in XML event streams. */
  writeNotification(eventTime: string, notif: NotificationNode, content: JsonObject): string {
    const ns = this.index.namespaceOf(notif.module);
    const body = { [notif.name]: this.memberNodes(content, { children: notif.children, parentModule: notif.module }, ns), ':@': { '@_xmlns': ns } };
    return builder.build([{ notification: [{ eventTime: [{ '#text': eventTime }] }, body], ':@': { '@_xmlns': NOTIFICATION_NS } }]) as string;
  }

  /** RFC 8040 errors document; each error-path declares the module-name prefixes it uses. */
  writeErrors(errors: ErrorEntry[]): string {
    return builder.build([{ errors: errors.map((e) => ({ error: this.errorNodes(e) })), ':@': { '@_xmlns': RESTCONF_NS } }]) as string;
  }

  errorNodes(e: ErrorEntry): OrderedNode[] {
    const text = (name: string, value: string, attrs?: Record<string, string>): OrderedNode => ({ [name]: [{ '#text': value }], ...(attrs ? { ':@': attrs } : {}) });
    const nodes = [text('error-type', e.type), text('error-tag', e.tag)];
    if (e.appTag) nodes.push(text('error-app-tag', e.appTag));
    if (e.path) {
      const path = prefixedPath(e.path);
      const attrs: Record<string, string> = {};
      for (const m of path.modules) {
        const ns = this.index.namespaceOf(m);
        if (ns) attrs[`@_xmlns:${m}`] = ns;
      }
      nodes.push(text('error-path', path.text, attrs));
    }
    if (e.message) nodes.push(text('error-message', e.message));
    return nodes;
  }

  /** Schema-less rendering of a small protocol structure (restconf root, operations list, yang-patch-status). */
  writePlain(rootName: string, rootNs: string, value: JsonObject): string {
    return builder.build([{ [rootName]: this.plainMembers(value), ':@': { '@_xmlns': rootNs } }]) as string;
  }

  private plainMembers(obj: JsonObject): OrderedNode[] {
    const out: OrderedNode[] = [];
    for (const [member, value] of Object.entries(obj)) {
      const colon = member.indexOf(':');
      const name = colon < 0 ? member : member.slice(colon + 1);
      const ns = colon < 0 ? undefined : this.index.namespaceOf(member.slice(0, colon));
      const attrs = ns ? { ':@': { '@_xmlns': ns } } : {};
      const items = Array.isArray(value) && !(value.length === 1 && value[0] === null) ? value : [value];
      for (const item of items) {
        const children = isObject(item) ? this.plainMembers(item) : Array.isArray(item) || item === null ? [] : [{ '#text': String(item) }];
        out.push({ [name]: children, ...attrs });
      }
    }
    return out;
  }
}
