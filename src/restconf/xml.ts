/**
 * XML encoding (RFC 8040 `application/yang-data+xml`): converts between XML
 * documents and the RFC 7951 JSON tree using the IR. Reading yields leaf values
 * as strings (checked later in `lexical` mode), with identityref prefixes
 * already mapped to module names; writing declares each module's namespace
 * where it changes, and module-name prefixes for identity values.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { BuiltinType, DataNode, NotificationNode, OperationNode, SchemaNode, TypeIR } from '../ir/types.js';
import { RestconfError, type ErrorEntry } from './errors.js';
import { NC_NOTIFICATIONS_NS, type SubscriptionEvent } from './event-log.js';
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
  /** Character offset of the start tag in the document text. */
  offset: number;
  /** Attributes other than namespace declarations (ns undefined: unprefixed, or an undeclared prefix). */
  attributes?: XmlAttribute[];
}

export interface XmlAttribute {
  prefix: string;
  local: string;
  ns?: string;
  value: string;
}

/** Where in the XML text a reading error lies (file readers report it as line:column; a RESTCONF response does not carry it). */
export type XmlErrorPlace = { offset: number } | { line: number; col: number };

const errorPlaces = new WeakMap<RestconfError, XmlErrorPlace>();

function placed(err: RestconfError, place: XmlErrorPlace): RestconfError {
  errorPlaces.set(err, place);
  return err;
}

/** The place of an error thrown while reading XML, when known. */
export function xmlErrorPlace(err: unknown): XmlErrorPlace | undefined {
  return err instanceof RestconfError ? errorPlaces.get(err) : undefined;
}

/** Options of an XmlCodec that reads instance documents rather than RESTCONF bodies. */
export interface XmlReadOptions {
  /** Called for each member value and list/leaf-list item read, with its element (file readers record positions). */
  onMember?(holder: object, key: string | number, el: XmlElement): void;
  /** Accept rpc/action elements (reading their input or output) and notification elements among the children. */
  operations?: 'input' | 'output';
  /** Read attributes as RFC 7952 metadata into RFC 7951 "@" members (else attributes are ignored). */
  metadata?: boolean;
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
  captureMetaData: true,
});
const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });

function malformed(message: string): RestconfError {
  return RestconfError.of('malformed-message', message);
}

/** `shift`: how far the parsed text's offsets are ahead of the document's. */
function toElement(raw: OrderedNode, parentScope: Map<string, string>, shift: number): XmlElement {
  const tag = Object.keys(raw).find((k) => k !== ':@')!;
  const attrs = (raw[':@'] ?? {}) as Record<string, string>;
  const scope = new Map(parentScope);
  const others: [string, string][] = [];
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'xmlns') scope.set('', value);
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
    else others.push([name, value]);
  }
  // An unprefixed attribute has no namespace (Namespaces in XML 1.0 section 6.2), not the default one.
  const attributes = others.map(([name, value]): XmlAttribute => {
    const at = name.indexOf(':');
    const prefix = at < 0 ? '' : name.slice(0, at);
    return { prefix, local: name.slice(at + 1), ns: prefix ? scope.get(prefix) : undefined, value };
  });
  const colon = tag.indexOf(':');
  const prefix = colon < 0 ? '' : tag.slice(0, colon);
  const offset = (((raw as Record<symbol, { startIndex?: number } | undefined>)[METADATA])?.startIndex ?? shift) - shift;
  const ns = scope.get(prefix);
  if (ns === undefined) throw placed(malformed(`element <${tag}> has no namespace${prefix ? ` (prefix "${prefix}" is not declared)` : ''}`), { offset });
  const children: XmlElement[] = [];
  let text = '';
  for (const item of raw[tag] as OrderedNode[]) {
    if ('#text' in item) text += String(item['#text']);
    else children.push(toElement(item, scope, shift));
  }
  return { local: colon < 0 ? tag : tag.slice(colon + 1), ns, scope, children, text, offset, ...(attributes.length ? { attributes } : {}) };
}

/** The wrapper that lets an instance document have several top-level elements (an XML fragment) through the parser. */
const FRAGMENT_OPEN = '<_>';
const FRAGMENT_CLOSE = '</_>';

/**
 * Parses XML text into its top-level elements. With `fragment`, several top-level elements are
 * allowed (instance documents, RFC 7950 section 9 encodings of a datastore); offsets stay those of `text`.
 */
function parseRoots(text: string, fragment: boolean): XmlElement[] {
  // No DTDs: RESTCONF bodies never need one, and refusing them rules out entity-expansion attacks.
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) throw placed(malformed('XML bodies must not contain a DOCTYPE'), { offset: doctype.index });
  let source = text;
  let shift = 0;
  if (fragment) {
    // The XML declaration must stay first: blank it out (same length, so offsets hold) and wrap the rest.
    const declaration = /^\uFEFF?\s*<\?xml[^?]*\?>/.exec(text)?.[0] ?? '';
    source = `${FRAGMENT_OPEN}${' '.repeat(declaration.length)}${text.slice(declaration.length)}${FRAGMENT_CLOSE}`;
    shift = FRAGMENT_OPEN.length;
  }
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    const col = valid.err.line === 1 ? valid.err.col - shift : valid.err.col;
    throw placed(malformed(`XML is not well-formed: ${valid.err.msg} (line ${valid.err.line})`), { line: valid.err.line, col: Math.max(col, 1) });
  }
  let parsed: OrderedNode[];
  try {
    parsed = parser.parse(source) as OrderedNode[];
  } catch (err) {
    // Well-formed but beyond the parser's limits (nesting deeper than MAX_XML_DEPTH): the client's document is at fault.
    throw malformed(`XML body refused: ${(err as Error).message}`);
  }
  const top = fragment ? ((parsed.find((n) => '_' in n)?._ ?? []) as OrderedNode[]) : parsed;
  const stray = top.find((n) => '#text' in n && String(n['#text']).trim());
  if (stray) throw malformed('text outside the top-level elements');
  return top.filter((n) => !('#text' in n)).map((n) => toElement(n, new Map(), shift));
}

/** Parses an instance document and returns its top-level elements (it may have several). */
export function readXmlElements(text: string): XmlElement[] {
  return parseRoots(text, true);
}

/** Parses an XML document and returns its single root element. */
export function readXml(text: string): XmlElement {
  const roots = parseRoots(text, false);
  if (roots.length !== 1) throw malformed('an XML body must have exactly one root element');
  return roots[0]!;
}

function involves(t: TypeIR, base: BuiltinType): boolean {
  if (t.base === base) return true;
  if (t.base === 'union') return (t.union ?? []).some((u) => involves(u, base));
  return t.base === 'leafref' && !!t.leafref?.type && involves(t.leafref.type, base);
}

function involvesIdentityref(t: TypeIR): boolean {
  return involves(t, 'identityref');
}

/** A quoted literal, a `prefix:name`, or any other character of an instance-identifier. */
const INSTANCE_ID_TOKEN = /'[^']*'|"[^"]*"|([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)|[^'"A-Za-z_]+|[\s\S]/g;

/**
 * An XML instance-identifier (RFC 7950 9.13.2: every name prefixed with an XML
 * prefix) in RFC 7951 6.11 form: module names, given only where the module
 * changes from the parent node's. Undefined when a name has no prefix or its prefix is not declared.
 */
function instanceIdentifierToJson(text: string, moduleOfPrefix: (prefix: string) => string | undefined): string | undefined {
  let out = '';
  let nodeModule: string | undefined;
  let previous = '';
  for (const m of text.matchAll(INSTANCE_ID_TOKEN)) {
    const [token, prefix, name] = m;
    if (prefix === undefined) {
      if (/^[A-Za-z_]/.test(token)) return undefined; // an unprefixed name: 9.13.2 wants a prefix on every one
      out += token;
      if (token.trim()) previous = token.trim().slice(-1);
      continue;
    }
    const module = moduleOfPrefix(prefix);
    if (module === undefined) return undefined;
    // After "/" the name is a node of the path; after "[" a key (or child) of that node.
    out += module === nodeModule ? name : `${module}:${name}`;
    if (previous === '/') nodeModule = module;
    previous = '';
  }
  return out;
}

export class XmlCodec {
  constructor(
    private readonly index: SchemaIndex,
    private readonly options: XmlReadOptions = {},
  ) {}

  private moduleOf(el: XmlElement, path: string): string {
    const m = this.index.moduleByNamespace(el.ns);
    if (!m) throw placed(RestconfError.of('unknown-namespace', `unknown namespace "${el.ns}"`, { path: `${path}/${el.local}` }), { offset: el.offset });
    return m.name;
  }

  private moduleOfPrefix(el: XmlElement, prefix: string): string | undefined {
    const ns = el.scope.get(prefix);
    return ns === undefined ? undefined : this.index.moduleByNamespace(ns)?.name;
  }

  /**
   * A leaf's text; an identity `prefix:name` (or unprefixed, in the default namespace) becomes `module:name`,
   * an instance-identifier's prefixes become module names.
   */
  private leafText(el: XmlElement, node: DataNode & { type: TypeIR }): string {
    if (el.children.length) throw placed(malformed(`leaf ${node.name} must not contain elements`), { offset: el.offset });
    if (el.text.trim().startsWith('/') && involves(node.type, 'instance-identifier')) {
      return instanceIdentifierToJson(el.text.trim(), (p) => this.moduleOfPrefix(el, p)) ?? el.text;
    }
    if (!involvesIdentityref(node.type)) return el.text;
    // No whitespace around the name: an identityref is read as written, as an enumeration is.
    const m = /^(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)$/.exec(el.text);
    if (!m) return el.text;
    const module = this.moduleOfPrefix(el, m[1] ?? '');
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
  elementValue(el: XmlElement, node: DataNode | OperationNode | NotificationNode, path: string): JsonValue {
    switch (node.kind) {
      case 'rpc':
      case 'action':
        return this.childObject(el, node[this.options.operations ?? 'input'] ?? [], node.module, path);
      case 'notification':
        return this.childObject(el, node.children, node.module, path);
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
    const onMember = this.options.onMember;
    // RFC 7950 7.5.7, 7.8.7: a container's or list entry's element holds elements, no text of its own.
    const text = el.text.trim();
    if (text) throw placed(malformed(`text "${text.length > 20 ? `${text.slice(0, 20)}...` : text}" inside <${el.local}>, which holds elements only`), { offset: el.offset });
    for (const child of el.children) {
      const entry = lookupChild(children, parentModule, `${this.moduleOf(child, path)}:${child.local}`);
      if (!entry || !(isDataNode(entry.node) || this.options.operations)) {
        const err = RestconfError.of('unknown-element', `unknown element <${child.local}> in namespace ${child.ns}`, { path: `${path}/${child.local}` });
        throw placed(err, { offset: child.offset });
      }
      const node = entry.node;
      const member = node.jsonName;
      const value = this.elementValue(child, node, `${path}/${member}`);
      if (node.kind === 'list' || node.kind === 'leaf-list') {
        let arr = out[member];
        if (!Array.isArray(arr)) {
          out[member] = arr = [];
          onMember?.(out, member, child);
        }
        arr.push(value);
        onMember?.(arr, arr.length - 1, child);
      } else {
        if (member in out) throw placed(malformed(`element <${child.local}> given twice`), { offset: child.offset });
        out[member] = value;
        onMember?.(out, member, child);
      }
      if (this.options.metadata && child.attributes) this.addMetadata(out, member, value, child, `${path}/${member}`);
    }
    return out;
  }

  /**
   * RFC 7952 5.2: a leaf's (anydata's) annotations go in the sibling member "@name", a leaf-list
   * entry's at its index of the array "@name", a container's or list entry's in its own member "@".
   */
  private addMetadata(out: JsonObject, member: string, value: JsonValue, el: XmlElement, path: string): void {
    const annotations: JsonObject = {};
    for (const a of el.attributes!) {
      const module = a.ns === undefined ? undefined : this.index.moduleByNamespace(a.ns)?.name;
      if (module === undefined) {
        const why = !a.prefix ? 'has no namespace prefix' : a.ns === undefined ? `has an undeclared prefix "${a.prefix}"` : `is in namespace "${a.ns}", of no module`;
        throw placed(RestconfError.of('unknown-attribute', `attribute "${a.prefix ? `${a.prefix}:` : ''}${a.local}" ${why}: it is no metadata annotation`, { path }), { offset: el.offset });
      }
      annotations[`${module}:${a.local}`] = a.value;
    }
    const onMember = this.options.onMember;
    if (isObject(value)) {
      value['@'] = annotations;
      onMember?.(value, '@', el);
      return;
    }
    const key = `@${member}`;
    const entries = out[member];
    if (!Array.isArray(entries)) {
      out[key] = annotations;
      onMember?.(out, key, el);
      return;
    }
    let arr = out[key];
    if (!Array.isArray(arr)) {
      out[key] = arr = [];
      onMember?.(out, key, el);
    }
    while (arr.length < entries.length - 1) arr.push(null);
    arr.push(annotations);
    onMember?.(arr, arr.length - 1, el);
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

  /** An RFC 5277 subscription event (`<replayComplete/>`, `<notificationComplete/>`) in its notification element. */
  writeSubscriptionEvent(eventTime: string, event: SubscriptionEvent): string {
    const body = { [event]: [], ':@': { '@_xmlns': NC_NOTIFICATIONS_NS } };
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
