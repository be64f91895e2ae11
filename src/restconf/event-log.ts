/**
 * The notifications of the event stream as the server keeps them: each one
 * checked against its schema, and the last N in a bounded replay log (RFC 8040
 * section 6.3 with RFC 5277 section 2.1.1 replay).
 */
import type { NotificationNode } from '../ir/types.js';
import type { JsonObject } from './schema-index.js';

export interface StreamEvent {
  /** eventTime in milliseconds since the epoch, and as sent (RFC 3339). */
  readonly time: number;
  readonly eventTime: string;
  readonly notification: NotificationNode;
  /** The notification's content, checked and in canonical RFC 7951 form. */
  readonly content: JsonObject;
}

/**
 * The subscription's own events (RFC 5277 section 2.1.1, module nc-notifications):
 * `replayComplete` once the replayed notifications have been sent, and
 * `notificationComplete` when the stop time ends the subscription. They carry no
 * content and are neither filtered nor subject to NACM (RFC 8341 section 3.4.6).
 */
export type SubscriptionEvent = 'replayComplete' | 'notificationComplete';
export const NC_NOTIFICATIONS_MODULE = 'nc-notifications';
export const NC_NOTIFICATIONS_NS = 'urn:ietf:params:xml:ns:netmod:notification';

/** Default number of notifications kept for replay. */
export const DEFAULT_REPLAY_BUFFER = 1000;

/** A ring of the last `capacity` events; capacity 0 keeps none (no replay support). */
export class ReplayLog {
  private readonly ring: (StreamEvent | undefined)[];
  private next = 0;
  private count = 0;
  /** When the log was created: `replay-log-creation-time` (RFC 8040 section 9.3). */
  readonly creationTime = new Date().toISOString();
  /** eventTime of the last event dropped to make room (RFC 5277 replayLogAgedTime). */
  agedTime: string | undefined;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new Error(`replay buffer size must be a non-negative integer, not ${capacity}`);
    this.ring = new Array<StreamEvent | undefined>(capacity);
  }

  get supported(): boolean {
    return this.capacity > 0;
  }

  add(e: StreamEvent): void {
    if (!this.capacity) return;
    const dropped = this.ring[this.next];
    if (dropped) this.agedTime = dropped.eventTime;
    this.ring[this.next] = e;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /**
   * The kept events in the order they were sent whose eventTime is at or after
   * `start` and not after `stop` (RFC 5277 2.1.1: a start earlier than the log
   * begins with the oldest event kept).
   */
  between(start: number, stop = Infinity): StreamEvent[] {
    const out: StreamEvent[] = [];
    const first = (this.next - this.count + this.capacity) % (this.capacity || 1);
    for (let i = 0; i < this.count; i++) {
      const e = this.ring[(first + i) % this.capacity]!;
      if (e.time >= start && e.time <= stop) out.push(e);
    }
    return out;
  }
}
