/** A Server-Sent Events client for the tests: reads a stream event by event. */
import { get, type IncomingMessage } from 'node:http';

export interface EventStream {
  res: IncomingMessage;
  /** The next event's text (its `data:` lines); rejects with 'ended' once the stream ended. */
  next(): Promise<string>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
}

/** Opens an event stream and resolves once the server has registered the subscription. */
export function subscribe(url: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { Accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`status ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      let done = false;
      let waiting: { resolve: (event: string) => void; reject: (err: Error) => void } | undefined;
      const flush = () => {
        if (!waiting) return;
        const end = buffer.indexOf('\n\n');
        if (end < 0) {
          if (done) waiting.reject(new Error('ended'));
          return;
        }
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const w = waiting;
        waiting = undefined;
        w.resolve(event);
      };
      const ended = new Promise<void>((resolveEnd) =>
        res.on('end', () => {
          done = true;
          flush();
          resolveEnd();
        }),
      );
      res.on('data', (chunk: string) => {
        buffer += chunk;
        flush();
      });
      const next = () =>
        new Promise<string>((res2, rej2) => {
          waiting = { resolve: res2, reject: rej2 };
          flush();
        });
      next().then((first) => (first === ': subscribed' ? resolve({ res, next, ended }) : reject(new Error(`unexpected first event: ${first}`))), reject);
    });
    req.on('error', reject);
  });
}

/** The JSON notification of an event's single `data:` line. */
export function eventJson(event: string): { eventTime: string; [member: string]: unknown } {
  if (!event.startsWith('data: ')) throw new Error(`not a data event: ${event}`);
  return JSON.parse(event.slice('data: '.length))['ietf-restconf:notification'];
}
