import type { ContactMessage } from '@kontakt/core';

/**
 * Fired before a message is sent, once it is valid. Cancel it (`preventDefault()`) to stop the
 * widget from sending, e.g. to send it yourself or to ask for consent first.
 *
 * @since 0.1.0
 */
export class KcSubmitEvent extends Event {
  /** The message about to be sent, as validated by `ContactMessageSchema`. */
  readonly message: ContactMessage;

  constructor(message: ContactMessage) {
    super('kc-submit', { bubbles: true, composed: true, cancelable: true });
    this.message = message;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-submit': KcSubmitEvent;
  }
}
