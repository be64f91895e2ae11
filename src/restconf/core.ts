/**
 * State shared by the resource handlers: the schema, the datastore with its
 * edit lock, and the read view (config plus computed and provided state).
 */
import type { SchemaSet } from '../ir/types.js';
import { MONITORING, type StreamReplay, YANG_LIBRARY, modulesState, ncNotificationsState, restconfState } from './builtin-modules.js';
import { NC_NOTIFICATIONS_MODULE } from './event-log.js';
import { evaluatePreconditions } from './conditional.js';
import type { Datastore, Snapshot } from './datastore.js';
import { decodeObject } from './decode.js';
import { RestconfError } from './errors.js';
import { type Exchange, type Reply, versionHeaders } from './exchange.js';
import type { ContentParam } from './query.js';
import { type JsonObject, SchemaIndex } from './schema-index.js';
import { type Siblings, mergeObject, pruneEmpty } from './tree.js';
import { DefaultValues } from './view.js';
import { validateEdit } from './validation.js';
import { XmlCodec } from './xml.js';
import { type Nacm, type NacmSession, withCounters } from './nacm/index.js';

/** Supplies operational (config false) data, RFC 7951 JSON with module-qualified top-level members. */
export type StateProvider = (x: Exchange) => JsonObject | Promise<JsonObject>;

/**
 * Called with every validated configuration change before it is committed, so a
 * server can apply it to a device. Throwing (a RestconfError for a precise reply)
 * refuses the edit and leaves the datastore as it was.
 */
export type CommitHandler = (change: { before: JsonObject; after: JsonObject }, x: Exchange) => void | Promise<void>;

/** What an edit produced, before the commit adds ETag and Last-Modified. */
export interface EditResult {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * The NACM decisions an edit takes before it looks at the data, so that an
 * unauthorized user's answer does not depend on what exists (RFC 8341 section
 * 3.4.5): see NacmSession. Everything is allowed when NACM is not enforced.
 */
export type EditAccess = Pick<NacmSession, 'authorizeTarget' | 'authorizeRewrite' | 'existenceError' | 'filterRead' | 'reads'>;

const OPEN_ACCESS: EditAccess = {
  authorizeTarget: () => undefined,
  authorizeRewrite: () => undefined,
  existenceError: (err) => err,
  filterRead: (obj) => obj,
  reads: () => true,
};

export interface EditOptions {
  /** Access checks that need no data (EditAccess.authorizeTarget), run before anything else, preconditions included. */
  authorize?: (access: EditAccess) => void;
  /**
   * Whether the edit's target exists in the current data as the user sees it, for `*` in If-Match
   * and If-None-Match (default: the datastore, which always does). Asked only when a `*` is sent.
   */
  exists?: (data: JsonObject, access: EditAccess) => boolean;
  /** Lets YANG Patch report validation errors its own way. */
  onInvalid?: (err: RestconfError) => Reply;
}

export class RestconfCore {
  readonly index: SchemaIndex;
  /** Set by the server when its event stream keeps a replay log (ietf-restconf-monitoring). */
  streamReplay: StreamReplay | undefined;
  readonly codec: XmlCodec;
  readonly defaults: DefaultValues;
  readonly top: Siblings;
  /** NACM (RFC 8341), when the server enforces it: set by the server before it serves. */
  nacm?: Nacm;
  /** Edits run one at a time: each reads the latest snapshot and commits before the next starts. */
  private lock: Promise<unknown> = Promise.resolve();

  constructor(
    schema: SchemaSet,
    readonly datastore: Datastore,
    readonly root: string,
    private readonly state?: StateProvider,
    private readonly onCommit?: CommitHandler,
  ) {
    this.index = new SchemaIndex(schema);
    this.codec = new XmlCodec(this.index);
    this.defaults = new DefaultValues(this.index);
    this.top = { children: this.index.topLevel, parentModule: undefined };
  }

  /** The tree a retrieval sees: config, plus the built-in and provided state unless only config is asked for. */
  async readTree(x: Exchange, snap: Snapshot, content: ContentParam): Promise<JsonObject> {
    if (content === 'config') return snap.data;
    let tree: JsonObject = this.state ? structuredClone(snap.data) : { ...snap.data };
    if (this.index.module(YANG_LIBRARY)?.data.some((n) => n.name === 'modules-state')) {
      tree[`${YANG_LIBRARY}:modules-state`] = modulesState(this.index.schema);
    }
    tree[`${MONITORING}:restconf-state`] = restconfState(`${x.origin}${this.root}/streams`, this.streamReplay);
    tree[`${NC_NOTIFICATIONS_MODULE}:netconf`] = ncNotificationsState(this.streamReplay);
    if (this.nacm) tree = withCounters(tree, this.nacm.counters);
    if (this.state) {
      let provided: JsonObject;
      try {
        provided = decodeObject(this.index.topLevel, undefined, await this.state(x), '', { encoding: 'json', rejectState: false });
      } catch (err) {
        const why = err instanceof RestconfError ? err.message : String(err);
        throw RestconfError.of('operation-failed', `the state provider returned invalid data: ${why}`, { type: 'application' });
      }
      mergeObject(tree, provided, this.top);
    }
    return tree;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs one edit: checks preconditions (412 without a body, as the NSO seed
   * says), applies `mutate` to a private copy (checking with `access` what it
   * may before it looks at the data), validates the whole result (RFC 7950
   * section 8: nothing is applied unless all of it is valid) and commits it.
   */
  edit(x: Exchange, mutate: (draft: JsonObject, access: EditAccess) => EditResult, { authorize, exists, onInvalid }: EditOptions = {}): Promise<Reply> {
    return this.exclusive(async () => {
      const snap = this.datastore.current();
      const nacm = this.nacm?.session(x.user, snap.data);
      const access = nacm ?? OPEN_ACCESS;
      authorize?.(access);
      const pre = evaluatePreconditions(x.req.headers, snap, x.method, () => !exists || exists(snap.data, access));
      if (pre !== 'proceed') return { status: 412, headers: versionHeaders(snap) };
      const draft = structuredClone(snap.data) as JsonObject;
      const result = mutate(draft, access);
      // Empty containers and lists are no data.
      pruneEmpty(draft, this.top);
      // NACM (RFC 8341 section 3.4.5): an edit needing a denied create/update/delete is refused whole.
      nacm?.authorizeWrite(snap.data, draft, this.top);
      let pruned: boolean;
      try {
        pruned = validateEdit(this.index.schema, snap.data, draft);
      } catch (err) {
        if (!(err instanceof RestconfError)) throw err;
        const shown = nacm ? nacm.redactErrors(err, this.top) : err;
        if (onInvalid) return onInvalid(shown);
        throw shown;
      }
      // Removing nodes whose when turned false can leave their parents empty.
      if (pruned) pruneEmpty(draft, this.top);
      if (this.onCommit) await this.onCommit({ before: snap.data, after: draft }, x);
      const next = await this.datastore.commit(draft);
      return { status: result.status, headers: { ...result.headers, ...versionHeaders(next) }, ...(result.body !== undefined ? { body: result.body } : {}) };
    });
  }
}
