import type { Receipt } from '../schemas/index.js';
import type { OutboxEntry } from './types.js';

/**
 * A kept submission reached the server. `receipt` is what `submit()` would have returned.
 *
 * @since 0.1.0
 */
export class OutboxDeliveredEvent extends Event {
  constructor(
    readonly entry: OutboxEntry,
    readonly receipt: Receipt,
  ) {
    super('delivered');
  }
}

/**
 * A kept submission was refused for good (e.g. `422`, `403`): it was removed from the outbox and
 * will not be sent again. `error` says why; the person should be told and given their text back.
 *
 * @since 0.1.0
 */
export class OutboxFailedEvent extends Event {
  constructor(
    readonly entry: OutboxEntry,
    readonly error: unknown,
  ) {
    super('failed');
  }
}

/** The events an `Outbox` dispatches. `change` fires whenever its entries change. */
export interface OutboxEventMap {
  delivered: OutboxDeliveredEvent;
  failed: OutboxFailedEvent;
  change: Event;
}
