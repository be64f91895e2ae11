/**
 * Event streams over Server-Sent Events (RFC 8040 section 6). Each subscriber
 * holds its response open; every published notification is written as SSE
 * `data:` lines in the encoding the subscriber's URL asked for. A subscription
 * with a start time first gets the kept notifications from then on (RFC 5277
 * 2.1.1 replay) and `replayComplete`, then the live ones; one with a stop time
 * gets `notificationComplete` and ends once it passes.
 */
import type { ServerResponse } from 'node:http';
import type { XNode } from '../xpath/index.js';
import type { StreamEvent, SubscriptionEvent } from './event-log.js';
import type { Encoding } from './media.js';
import type { EventFilter } from './notification-filter.js';
import { notificationTree } from '../validate/index.js';

export interface Subscription {
  encoding: Encoding;
  /** Only the events it accepts are sent (RFC 8040 4.8.4). */
  filter?: EventFilter;
  /** Events sent before the live ones, oldest first. */
  replay?: readonly StreamEvent[];
  /** Time (ms since the epoch) after which the stream ends (RFC 8040 4.8.8). */
  stop?: number;
  /** Whether this subscriber may receive an event (NACM, RFC 8341 section 3.4.6); all when absent. */
  admits?: (event: StreamEvent) => boolean;
}

interface Subscriber extends Subscription {
  res: ServerResponse;
  /** Unread output beyond which the subscriber is dropped: MAX_UNREAD_BYTES plus what its replay wrote. */
  unreadLimit: number;
}

/**
 * A subscriber that lets more than this much output pile up unread is dropped:
 * a stalled client must not make the server buffer notifications without end.
 * It reconnects when it can keep up again.
 */
export const MAX_UNREAD_BYTES = 4 * 1024 * 1024;

/** Writes one event in one encoding (RFC 8040 6.4). */
export type EventRenderer = (e: StreamEvent, encoding: Encoding) => string;

/** Writes a subscription event (RFC 5277 2.1.1) sent at `eventTime` in one encoding. */
export type SubscriptionEventRenderer = (event: SubscriptionEvent, eventTime: string, encoding: Encoding) => string;

/** An event's text as SSE `data:` lines (RFC 8040 6.4). */
function sseData(text: string): string {
  return `${text.split('\n').map((line) => `data: ${line}`).join('\n')}\n\n`;
}

/** setTimeout's longest delay; a later stop time re-arms the timer. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** One event's derived forms, each built at most once however many subscribers need it. */
class EventView {
  private tree?: XNode;
  private readonly text = new Map<Encoding, string>();
  constructor(
    readonly event: StreamEvent,
    private readonly render: EventRenderer,
  ) {}
  readonly document = (): XNode => (this.tree ??= notificationTree(this.event.notification, this.event.content));
  rendered(encoding: Encoding): string {
    let t = this.text.get(encoding);
    if (t === undefined) this.text.set(encoding, (t = this.render(this.event, encoding)));
    return t;
  }
}

export class EventStreams {
  private readonly subscribers = new Set<Subscriber>();

  constructor(
    private readonly render: EventRenderer,
    private readonly renderSubscriptionEvent: SubscriptionEventRenderer,
  ) {}

  /** Starts an SSE response; it stays open until the client goes away, the stop time passes or `closeAll`. */
  subscribe(res: ServerResponse, subscription: Subscription): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.flushHeaders();
    // An SSE comment tells the client the subscription is live before the first event.
    res.write(': subscribed\n\n');
    const sub: Subscriber = { ...subscription, res, unreadLimit: MAX_UNREAD_BYTES };
    // Replay and registration run in one turn, so no live event falls between them.
    if (subscription.replay) {
      for (const e of subscription.replay) this.send(sub, new EventView(e, this.render));
      // RFC 5277 2.1.1: the end of the replay is marked, also when there was nothing to replay.
      this.sendSubscriptionEvent(sub, 'replayComplete');
    }
    sub.unreadLimit += res.writableLength;
    if (sub.stop !== undefined && sub.stop <= Date.now()) {
      this.complete(sub);
      return;
    }
    this.subscribers.add(sub);
    let timer: NodeJS.Timeout | undefined;
    const armStop = (): void => {
      const wait = sub.stop! - Date.now();
      timer = wait > 0 ? setTimeout(armStop, Math.min(wait, MAX_TIMER_MS)) : undefined;
      if (!timer) this.complete(sub);
    };
    if (sub.stop !== undefined) armStop();
    // The response's close (not the request's, which fires once the request is read) means the client left.
    res.on('close', () => {
      clearTimeout(timer);
      this.subscribers.delete(sub);
    });
  }

  get size(): number {
    return this.subscribers.size;
  }

  publish(event: StreamEvent): void {
    const view = new EventView(event, this.render);
    for (const sub of this.subscribers) {
      if (sub.stop !== undefined && event.time > sub.stop) continue;
      this.send(sub, view);
      if (sub.res.writableLength > sub.unreadLimit) {
        this.subscribers.delete(sub);
        sub.res.destroy();
      }
    }
  }

  private send(sub: Subscriber, view: EventView): void {
    if (sub.admits && !sub.admits(view.event)) return;
    if (sub.filter && !sub.filter(view.event, view.document)) return;
    sub.res.write(sseData(view.rendered(sub.encoding)));
  }

  private sendSubscriptionEvent(sub: Subscriber, event: SubscriptionEvent): void {
    sub.res.write(sseData(this.renderSubscriptionEvent(event, new Date().toISOString(), sub.encoding)));
  }

  /** The stop time has passed: `notificationComplete` (RFC 5277 2.1.1), then the end of the stream. */
  private complete(sub: Subscriber): void {
    this.subscribers.delete(sub);
    this.sendSubscriptionEvent(sub, 'notificationComplete');
    sub.res.end();
  }

  closeAll(): void {
    for (const sub of this.subscribers) sub.res.end();
    this.subscribers.clear();
  }
}
