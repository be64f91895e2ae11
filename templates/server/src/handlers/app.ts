/**
 * What handlers get besides their input, and the adapters between typed
 * handlers and the JSON the yangkit runtime passes around.
 */
import type { Datastore, Exchange, JsonObject, OperationContext, OperationHandler, RestconfServer, StateProvider } from 'yangkit/restconf';

export interface App {
  /** The running configuration: `datastore.current().data` is the RFC 7951 JSON tree. */
  datastore: Datastore;
  /**
   * Sends a notification to every event-stream subscriber
   * (`GET /restconf/streams/NETCONF/json` or `/xml`), e.g.
   * `app.notify({ 'module:notification': { ... } })`. Throws RestconfError when the
   * notification does not match the schema.
   */
  notify: RestconfServer['notify'];
}

/** Every member optional at every depth: state providers return the state they know (plus list keys). */
export type DeepPartial<T> = T extends (infer E)[] ? DeepPartial<E>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** Operational data of one top-level resource, or undefined when there is none. */
export type StateFunction<T> = (x: Exchange, app: App) => Promise<DeepPartial<T> | undefined>;

export type TypedOperation<I, O> = (input: I, ctx: OperationContext, app: App) => Promise<O>;

/**
 * The runtime's handler for a typed one. The casts are safe because the runtime
 * decodes and validates the input against the schema before the call, and the
 * output after it.
 */
export function operation<I, O>(handler: TypedOperation<I, O>, app: App): OperationHandler {
  return async (input, ctx) => (await handler(input as I, ctx, app)) as JsonObject | undefined;
}

/** One provider calling every resource's: keyed by module-qualified member name. */
export function stateProvider(resources: Record<string, StateFunction<unknown>>, app: App): StateProvider {
  const entries = Object.entries(resources);
  return async (x) => {
    const states = await Promise.all(entries.map(async ([member, state]) => [member, await state(x, app)] as const));
    return Object.fromEntries(states.filter(([, value]) => value !== undefined)) as JsonObject;
  };
}
