/**
 * Event streams over Server-Sent Events (RFC 8040 section 6). Each subscriber
 * holds its response open; every published notification is written as SSE
 * `data:` lines in the encoding the subscriber's URL asked for.
 */
import type { ServerResponse } from 'node:http';
import type { NotificationNode } from '../ir/types.js';
import type { Encoding } from './media.js';

interface Subscriber {
  res: ServerResponse;
  encoding: Encoding;
  /** Whether this subscriber receives an event (NACM, RFC 8341 section 3.4.6); all when absent. */
  admits?: (event: RenderedEvent) => boolean;
}

/**
 * A subscriber that lets more than this much output pile up unread is dropped:
 * a stalled client must not make the server buffer notifications without end.
 * It reconnects when it can keep up again.
 */
export const MAX_UNREAD_BYTES = 4 * 1024 * 1024;

export interface RenderedEvent {
  notification: NotificationNode;
  json: string;
  xml: () => string;
}

export class EventStreams {
  private readonly subscribers = new Set<Subscriber>();

  /** Starts an SSE response; it stays open until the client goes away or `closeAll`. */
  subscribe(res: ServerResponse, encoding: Encoding, admits?: Subscriber['admits']): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.flushHeaders();
    // An SSE comment tells the client the subscription is live before the first event.
    res.write(': subscribed\n\n');
    const sub: Subscriber = { res, encoding, ...(admits ? { admits } : {}) };
    this.subscribers.add(sub);
    // The response's close (not the request's, which fires once the request is read) means the client left.
    res.on('close', () => this.subscribers.delete(sub));
  }

  get size(): number {
    return this.subscribers.size;
  }

  publish(event: RenderedEvent): void {
    let xml: string | undefined;
    for (const sub of this.subscribers) {
      if (sub.admits && !sub.admits(event)) continue;
      const text = sub.encoding === 'json' ? event.json : (xml ??= event.xml());
      sub.res.write(`${text.split('\n').map((line) => `data: ${line}`).join('\n')}\n\n`);
      if (sub.res.writableLength > MAX_UNREAD_BYTES) {
        this.subscribers.delete(sub);
        sub.res.destroy();
      }
    }
  }

  closeAll(): void {
    for (const sub of this.subscribers) sub.res.end();
    this.subscribers.clear();
  }
}
