/**
 * Applies each validated configuration change before it is committed, e.g.
 * pushes it to the device. `change.before` and `change.after` are the whole
 * RFC 7951 configuration trees. Throw a RestconfError to refuse the change:
 * the client gets that error and the datastore stays as it was.
 */
import type { CommitHandler } from 'yangkit/restconf';
import type { App } from './app.js';

export function commitHandler(app: App): CommitHandler {
  return async (change, x) => {
    void change;
    void x;
    void app;
  };
}
