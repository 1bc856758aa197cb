import type { Receipt } from '@kontakt/core';

/**
 * Fired when the contact center has stored the message and answered with a receipt, also when a
 * message kept offline is delivered later.
 *
 * @since 0.1.0
 */
export class KcSubmittedEvent extends Event {
  /** The case reference, receipt token and expected answer time. */
  readonly receipt: Receipt;

  constructor(receipt: Receipt) {
    super('kc-submitted', { bubbles: true, composed: true });
    this.receipt = receipt;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-submitted': KcSubmittedEvent;
  }
}
