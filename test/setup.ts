import { beforeEach } from 'vitest';

/**
 * The corpus tests are CPU-bound and barely await real I/O, so a worker could run
 * test after test without ever turning its event loop; vitest's messages to the
 * worker then wait, and its 60-second RPC timeout fires. One turn per test is enough.
 */
beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
