/**
 * Operation resources (RFC 8040 sections 3.3.2 and 4.4.2): rpcs at
 * `{root}/operations/module:rpc` and actions at the end of a data path.
 * Input and output are validated on both sides of the handler (RFC 7950
 * sections 7.14.2 and 7.14.3: input before the operation runs, output before
 * it is sent), with the datastore as the tree their XPath may read (6.4.1).
 */
import type { IncomingMessage } from 'node:http';
import type { OperationNode, SchemaNode } from '../ir/types.js';
import type { ParsedBody } from './body.js';
import type { RestconfCore } from './core.js';
import { decodeObject } from './decode.js';
import { RestconfError, notFound } from './errors.js';
import { type Exchange, type Reply, documentReply } from './exchange.js';
import { type JsonObject, isObject, qualifiedName } from './schema-index.js';
import { parentInstance, readInstance } from './tree.js';
import type { InstanceStep } from './uri.js';
import { requireValid, requireValidOutput } from './validation.js';
import { RESTCONF_NS } from './xml.js';

export interface OperationContext {
  request: IncomingMessage;
  /** Authenticated user name, when the server authenticates. */
  user?: string;
  /** For actions: the instance identifier of the node the action was invoked on. */
  instancePath?: string;
}

/**
 * Runs an rpc or action. `input` holds the members of the operation's input
 * (RFC 7951 names relative to its module); the result is the members of its
 * output, or undefined when there is none.
 */
export type OperationHandler = (input: JsonObject, ctx: OperationContext) => JsonObject | undefined | Promise<JsonObject | undefined>;

export interface OperationHandlers {
  /** Keyed by `module:rpc`. */
  rpc?: Record<string, OperationHandler>;
  /** Keyed by the action's schema data path, e.g. `/example-jukebox:jukebox/library/artist/album/rate`. */
  action?: Record<string, OperationHandler>;
}

function inputMembers(core: RestconfCore, op: OperationNode, body: ParsedBody | undefined, path: string): JsonObject {
  const nodes: SchemaNode[] = op.input ?? [];
  if (!body) return {};
  const inputName = `${op.module}:input`;
  let raw: unknown;
  if (body.encoding === 'xml') {
    const ns = core.index.namespaceOf(op.module);
    if (body.root.local !== 'input' || body.root.ns !== ns) throw RestconfError.of('malformed-message', `the root element must be <input xmlns="${ns}">`);
    raw = core.codec.childObject(body.root, nodes, op.module, path);
  } else {
    if (!isObject(body.json) || Object.keys(body.json).length !== 1 || !(inputName in body.json)) {
      throw RestconfError.of('malformed-message', `the body must be {"${inputName}": {...}}`);
    }
    raw = body.json[inputName];
  }
  return decodeObject(nodes, op.module, raw, path, { encoding: body.encoding === 'json' ? 'json' : 'lexical', rejectState: false });
}

/**
 * The operation as an instance document for validateData: `{"mod:rpc": members}`,
 * or for an action the path down to its instance (`{"mod:top": {"list": [{keys, "action": members}]}}`).
 */
function operationDocument(op: OperationNode, steps: readonly InstanceStep[], members: JsonObject): JsonObject {
  const document: JsonObject = {};
  let holder = document;
  for (const { node, keys } of steps) {
    const instance: JsonObject = node.kind === 'list' ? Object.fromEntries(node.keys.map((k, i) => [k, keys![i]!])) : {};
    holder[node.jsonName] = node.kind === 'list' ? [instance] : instance;
    holder = instance;
  }
  holder[op.jsonName] = members;
  return document;
}

export async function invokeOperation(
  core: RestconfCore,
  handlers: OperationHandlers,
  x: Exchange,
  op: OperationNode,
  body: ParsedBody | undefined,
  steps: readonly InstanceStep[] = [],
): Promise<Reply> {
  const instancePath = steps.at(-1)?.path;
  const opPath = `${instancePath ?? ''}/${op.jsonName}`;
  const snap = core.datastore.current();
  // NACM (RFC 8341 section 3.4.4): exec access before anything else, then for an action read access to its instance.
  const nacm = core.nacm?.session(x.user, snap.data);
  nacm?.authorizeExec(op, steps);
  if (op.kind === 'action') nacm?.authorizeActionInstance(steps, notFound(instancePath!));
  const datastore = await core.readTree(x, snap, 'all');
  if (op.kind === 'action') {
    const parent = parentInstance(datastore, steps, core.index.topLevel, false);
    if (!parent || readInstance(parent, steps.at(-1)!) === undefined) throw notFound(instancePath!);
  }
  const input = inputMembers(core, op, body, opPath);
  const { schema } = core.index;
  requireValid(schema, operationDocument(op, steps, input), { type: 'rpc', datastore });
  const handler = op.kind === 'rpc' ? handlers.rpc?.[qualifiedName(op)] : handlers.action?.[op.path];
  if (!handler) {
    if (op.output?.length) throw RestconfError.of('operation-not-supported', `${qualifiedName(op)} has no implementation on this server`, { status: 501, type: 'application' });
    return { status: 204 };
  }
  let output: JsonObject | undefined;
  try {
    output = await handler(input, { request: x.req, ...(x.user ? { user: x.user } : {}), ...(instancePath ? { instancePath } : {}) });
  } catch (err) {
    if (err instanceof RestconfError) throw err;
    throw RestconfError.of('operation-failed', err instanceof Error ? err.message : String(err), { type: 'application', path: opPath });
  }
  if (!output || Object.keys(output).length === 0) return { status: 204 };
  const invalidOutput = `the ${qualifiedName(op)} handler returned invalid output`;
  let checked: JsonObject;
  try {
    checked = decodeObject(op.output ?? [], op.module, output, opPath, { encoding: 'json', rejectState: false });
  } catch (err) {
    throw RestconfError.of('operation-failed', `${invalidOutput}: ${(err as Error).message}`, { type: 'application' });
  }
  requireValidOutput(schema, operationDocument(op, steps, checked), { type: 'rpc-reply', datastore }, invalidOutput);
  const where = { children: op.output ?? [], parentModule: op.module };
  if (x.encoding === 'json') return documentReply(200, 'json', JSON.stringify({ [`${op.module}:output`]: checked }, null, 2));
  return documentReply(200, 'xml', core.codec.writeWrapped('output', core.index.namespaceOf(op.module)!, checked, where));
}

/**
 * `{root}/operations`: each rpc as an empty leaf (RFC 8040 section 3.3.2).
 * Under NACM only those the user may execute: the resource lists the operations
 * the server supports for the client, and one it would refuse is not (RFC 8341
 * section 3.4.4, as data the user may not read is left out of a retrieval).
 */
export function operationsList(core: RestconfCore, x: Exchange): Reply {
  const nacm = core.nacm?.session(x.user, core.datastore.current().data);
  const ops: JsonObject = {};
  for (const rpc of core.index.rpcs()) if (!nacm || nacm.mayExec(rpc)) ops[qualifiedName(rpc)] = [null];
  if (x.encoding === 'json') return documentReply(200, 'json', JSON.stringify({ 'ietf-restconf:operations': ops }, null, 2));
  return documentReply(200, 'xml', core.codec.writePlain('operations', RESTCONF_NS, ops));
}
