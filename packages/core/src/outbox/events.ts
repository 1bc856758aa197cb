import type { PublicCase, Receipt } from '../schemas/index.js';
import type { OutboxEntry } from './types.js';

/**
 * A kept submission reached the server. `receipt` is what `submit()` would have returned; a
 * message to a case (`entry.kind === 'case-message'`) has none, and `case` is what
 * `cases.addMessage()` would have returned instead.
 *
 * @since 0.1.0
 */
export class OutboxDeliveredEvent extends Event {
  /** The receipt of a contact message or fault report; `undefined` for a message to a case. */
  readonly receipt: Receipt | undefined;
  /** The case after a message to it (`entry.kind === 'case-message'`); else `undefined`. */
  readonly case: PublicCase | undefined;

  constructor(
    readonly entry: OutboxEntry,
    delivered: Receipt | PublicCase,
  ) {
    super('delivered');
    const toCase = entry.kind === 'case-message';
    this.receipt = toCase ? undefined : (delivered as Receipt);
    this.case = toCase ? (delivered as PublicCase) : undefined;
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
