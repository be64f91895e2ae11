/**
 * Building and running a generated server project as its user would, without
 * the network: its `yangkit` dependency is this repository (whose `dist/` the
 * `npm test` pretest builds), its TypeScript the repository's.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { get as httpsGet, type RequestOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { ROOT } from '../../cli/run.js';

const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;
const EVENT_TIMEOUT_MS = 5_000;

/** `npm install` without the registry: the dependencies point into this repository. */
export function linkDependencies(dir: string): void {
  mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules/yangkit'), 'dir');
  symlinkSync(join(ROOT, 'node_modules/typescript'), join(dir, 'node_modules/typescript'), 'dir');
  symlinkSync(join(ROOT, 'node_modules/@types/node'), join(dir, 'node_modules/@types/node'), 'dir');
}

/** `npm run build`: type-checks the project and compiles it to `dist/`; throws with tsc's report on errors. */
export function buildProject(dir: string): void {
  try {
    execFileSync(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, stdio: 'pipe', timeout: 60_000 });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`tsc failed in ${dir}:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
}

export interface RunningProject {
  /** The RESTCONF root the server printed, e.g. `https://127.0.0.1:41234/restconf`. */
  url: string;
  /** Origin for request paths (`https://127.0.0.1:41234`). */
  base: string;
  stop(): Promise<void>;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
    child.kill('SIGKILL');
    await waitForExit(child, STOP_TIMEOUT_MS);
  }
}

/** `npm start -- ARGS` with `--port 0`; resolves once the server prints where it listens. */
export function startProject(dir: string, args: string[]): Promise<RunningProject> {
  const child = spawn(process.execPath, ['dist/main.js', '--port', '0', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      void stopChild(child).then(() => reject(new Error(`${why}; its output:\n${output}`)));
    };
    const timer = setTimeout(() => fail(`the server did not start within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.once('exit', (code) => fail(`the server exited with ${code}`));
    const onOutput = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = /listening on (\S+)\n/.exec(output);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const url = m[1]!;
      resolve({ url, base: new URL(url).origin, stop: () => stopChild(child) });
    };
    child.stdout!.on('data', onOutput);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
}

export interface EventStream {
  res: IncomingMessage;
  /** The next event's text (without the blank line ending it); rejects when none comes in time. */
  next(): Promise<string>;
}

/** Opens an SSE stream over HTTPS; resolves once the server confirmed the subscription. */
export function subscribe(url: string, tls: Pick<RequestOptions, 'ca' | 'cert' | 'key'>): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = httpsGet(url, { headers: { Accept: 'text/event-stream' }, ...tls }, (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      const waiting: ((event: string) => void)[] = [];
      const flush = (): void => {
        for (let end = buffer.indexOf('\n\n'); end >= 0 && waiting.length; end = buffer.indexOf('\n\n')) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          waiting.shift()!(event);
        }
      };
      res.on('data', (chunk: string) => {
        buffer += chunk;
        flush();
      });
      const next = (): Promise<string> =>
        new Promise((done, fail) => {
          const timer = setTimeout(() => fail(new Error(`no event within ${EVENT_TIMEOUT_MS} ms`)), EVENT_TIMEOUT_MS);
          waiting.push((event) => {
            clearTimeout(timer);
            done(event);
          });
          flush();
        });
      next().then((first) => (first === ': subscribed' ? resolve({ res, next }) : reject(new Error(`unexpected first event: ${first}`))), reject);
    });
    req.on('error', reject);
  });
}
