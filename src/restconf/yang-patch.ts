/**
 * YANG Patch (RFC 8072): an ordered list of edits applied all-or-nothing to
 * the target resource. The reply is a yang-patch-status document: `ok`, or the
 * errors of the first failing edit (edit-status) or of the patch as a whole.
 */
import type { DataNode } from '../ir/types.js';
import type { ParsedBody } from './body.js';
import type { EditAccess, RestconfCore } from './core.js';
import { authorizeReplaceOrMerge, instanceValue, requireReadablePoint, rewrite } from './data-resource.js';
import { RestconfError, errorEntriesJson, invalidValue, notFound } from './errors.js';
import { type Exchange, type Reply, documentReply } from './exchange.js';
import { type JsonObject, type JsonValue, isObject } from './schema-index.js';
import { type InsertSpec, mergeInstance, parentInstance, readInstance, removeInstance, siblingsAt, writeInstance } from './tree.js';
import { type InstanceStep, type Target, parseDataPath } from './uri.js';
import type { XmlElement } from './xml.js';

const YANG_PATCH_NS = 'urn:ietf:params:xml:ns:yang:ietf-yang-patch';
const OPERATIONS = ['create', 'delete', 'insert', 'merge', 'move', 'replace', 'remove'] as const;
type Operation = (typeof OPERATIONS)[number];
const WHERE = ['before', 'after', 'first', 'last'] as const;

interface Edit {
  id: string;
  operation: Operation;
  target: string;
  point?: string;
  where?: InsertSpec['where'];
  /** The edit's value as a body of its own (one member naming the target node). */
  value?: ParsedBody;
}

interface Patch {
  id: string;
  edits: Edit[];
}

function malformed(message: string): RestconfError {
  return RestconfError.of('malformed-message', message);
}

function text(v: unknown, what: string): string {
  if (typeof v !== 'string') throw malformed(`${what} must be a string`);
  return v;
}

function readEdit(fields: Record<string, unknown>, value: ParsedBody | undefined): Edit {
  const id = text(fields['edit-id'], 'edit-id');
  const operation = text(fields.operation, `edit ${id}: operation`) as Operation;
  if (!OPERATIONS.includes(operation)) throw malformed(`edit ${id}: unknown operation "${operation}"`);
  const where = fields.where === undefined ? undefined : (text(fields.where, `edit ${id}: where`) as Edit['where']);
  if (where && !WHERE.includes(where)) throw malformed(`edit ${id}: unknown where "${where}"`);
  const edit: Edit = { id, operation, target: text(fields.target, `edit ${id}: target`) };
  if (fields.point !== undefined) edit.point = text(fields.point, `edit ${id}: point`);
  if (where) edit.where = where;
  if (value) edit.value = value;
  return edit;
}

function readJsonPatch(json: unknown): Patch {
  const patch = isObject(json) ? json['ietf-yang-patch:yang-patch'] : undefined;
  if (!isObject(patch)) throw malformed('a YANG Patch body must be {"ietf-yang-patch:yang-patch": {...}}');
  const edits = patch.edit ?? [];
  if (!Array.isArray(edits) || !edits.every(isObject)) throw malformed('edit must be an array of objects');
  return {
    id: text(patch['patch-id'], 'patch-id'),
    edits: (edits as JsonObject[]).map((e) => readEdit(e, e.value === undefined ? undefined : { encoding: 'json', json: e.value })),
  };
}

function readXmlPatch(root: XmlElement): Patch {
  if (root.local !== 'yang-patch' || root.ns !== YANG_PATCH_NS) throw malformed(`the root element must be <yang-patch xmlns="${YANG_PATCH_NS}">`);
  const textOf = (el: XmlElement, name: string) => el.children.find((c) => c.local === name)?.text;
  return {
    id: text(textOf(root, 'patch-id'), 'patch-id'),
    edits: root.children
      .filter((c) => c.local === 'edit')
      .map((e) => {
        const valueEl = e.children.find((c) => c.local === 'value');
        const fields = Object.fromEntries(e.children.filter((c) => c.local !== 'value').map((c) => [c.local, c.text]));
        if (valueEl && valueEl.children.length !== 1) throw malformed(`edit ${fields['edit-id']}: value must hold exactly one element`);
        return readEdit(fields, valueEl ? { encoding: 'xml', root: valueEl.children[0]! } : undefined);
      }),
  };
}

export class YangPatch {
  constructor(private readonly core: RestconfCore) {}

  /** Resolves an edit target (relative to the request target, "/" being the target itself). */
  private resolve(requestPath: string, editTarget: string): Extract<Target, { kind: 'data' }> {
    const resolved = parseDataPath(this.core.index, editTarget === '/' ? requestPath : `${requestPath}${editTarget}`);
    if (resolved.kind !== 'data') throw invalidValue(editTarget, 'an edit must target a data resource below the datastore');
    return resolved;
  }

  private editValue(edit: Edit, steps: readonly InstanceStep[], path: string): JsonValue {
    if (!edit.value) throw invalidValue(path, `operation ${edit.operation} needs a value`);
    const last = steps.at(-1)!;
    if (last.keys === undefined && last.value === undefined && (last.node.kind === 'list' || last.node.kind === 'leaf-list')) {
      throw invalidValue(path, `the target must name one ${last.node.name} entry`);
    }
    return instanceValue(this.core, steps, path, edit.value);
  }

  private position(edit: Edit, requestPath: string, node: DataNode, path: string, access: EditAccess): InsertSpec {
    const where = edit.where ?? 'last';
    if ((node.kind !== 'list' && node.kind !== 'leaf-list') || node.orderedBy !== 'user') {
      throw invalidValue(path, `${edit.operation} needs an ordered-by user list or leaf-list entry`);
    }
    if (where !== 'before' && where !== 'after') return { where };
    if (!edit.point) throw invalidValue(path, `where=${where} needs a point`);
    const pointSteps = this.resolve(requestPath, edit.point).steps;
    const point = pointSteps.at(-1)!;
    if (point.node !== node) throw invalidValue(path, 'the point must be an entry of the same list');
    const spec: InsertSpec = { where, point: point.keys ?? point.value ?? null, pointSteps };
    requireReadablePoint(access, node, spec);
    return spec;
  }

  /** Applies one edit to `draft`; access to the target itself is checked before its existence (RFC 8341 section 3.4.5). */
  private apply(draft: JsonObject, requestPath: string, edit: Edit, access: EditAccess): void {
    const { core } = this;
    const { steps, path } = this.resolve(requestPath, edit.target);
    const last = steps.at(-1)!;
    if (!last.node.config) throw invalidValue(path, `${last.node.name} is config false`);
    const top = core.index.topLevel;
    const where = siblingsAt(steps, steps.length - 1, top);
    const creates = edit.operation !== 'delete' && edit.operation !== 'remove' && edit.operation !== 'move';
    const parent = parentInstance(draft, steps, top, creates);
    const exists = parent !== undefined && readInstance(parent, last) !== undefined;
    switch (edit.operation) {
      case 'create':
      case 'insert': {
        access.authorizeTarget(['create'], steps);
        if (exists) throw access.existenceError(RestconfError.of('data-exists', `${path} already exists`, { type: 'application', path }), steps);
        const value = this.editValue(edit, steps, path);
        writeInstance(parent!, where, last, value, edit.operation === 'insert' ? this.position(edit, requestPath, last.node, path, access) : undefined);
        break;
      }
      case 'delete':
        access.authorizeTarget(['delete'], steps);
        if (!exists) throw access.existenceError(RestconfError.of('data-missing', `${path} does not exist`, { type: 'application', path }), steps);
        removeInstance(parent!, last);
        break;
      case 'remove':
        access.authorizeTarget(['delete'], steps);
        if (exists) removeInstance(parent!, last);
        break;
      case 'merge': {
        authorizeReplaceOrMerge(access, steps);
        const value = this.editValue(edit, steps, path);
        rewrite(core, access, draft, steps, value, (p, w) => mergeInstance(p, w, last, value));
        break;
      }
      case 'replace': {
        authorizeReplaceOrMerge(access, steps);
        const value = this.editValue(edit, steps, path);
        rewrite(core, access, draft, steps, value, (p, w) => writeInstance(p, w, last, value));
        break;
      }
      case 'move': {
        // Moving an entry of an ordered-by user list updates it (RFC 8341 section 3.2.4).
        access.authorizeTarget(['update'], steps);
        if (!exists) throw access.existenceError(notFound(path), steps);
        const current = readInstance(parent!, last)!;
        writeInstance(parent!, where, last, current, this.position(edit, requestPath, last.node, path, access));
        break;
      }
    }
  }

  private statusReply(x: Exchange, status: number, content: JsonObject): Reply {
    const doc = { 'ietf-yang-patch:yang-patch-status': content };
    if (x.encoding === 'json') return documentReply(status, 'json', JSON.stringify(doc, null, 2));
    return documentReply(status, 'xml', this.core.codec.writePlain('yang-patch-status', YANG_PATCH_NS, content));
  }

  /** Applies a YANG Patch body to the resource at `requestPath` (the api-path after `{root}/data`). */
  async run(x: Exchange, requestPath: string, body: ParsedBody): Promise<Reply> {
    const patch = body.encoding === 'json' ? readJsonPatch(body.json) : readXmlPatch(body.root);
    let failed: { edit: Edit; error: RestconfError } | undefined;
    const reply = await this.core.edit(
      x,
      (draft, access) => {
        for (const edit of patch.edits) {
          try {
            this.apply(draft, requestPath, edit, access);
          } catch (err) {
            if (!(err instanceof RestconfError)) throw err;
            failed = { edit, error: err };
            throw err;
          }
        }
        return { status: 200 };
      },
      { onInvalid: (err) => this.statusReply(x, err.status, { 'patch-id': patch.id, errors: errorEntriesJson(err.errors) }) },
    ).catch((err: unknown) => {
      if (!failed || err !== failed.error) throw err;
      return this.statusReply(x, failed.error.status, {
        'patch-id': patch.id,
        'edit-status': { edit: [{ 'edit-id': failed.edit.id, errors: errorEntriesJson(failed.error.errors) }] },
      });
    });
    if (reply.status !== 200 || reply.body !== undefined) return reply;
    const ok = this.statusReply(x, 200, { 'patch-id': patch.id, ok: [null] });
    return { ...ok, headers: { ...reply.headers, ...ok.headers } };
  }
}
