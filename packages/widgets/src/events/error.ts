import type { KontaktError } from '@kontakt/core';

/**
 * Fired when something the person asked for failed: loading the form, or sending a message (the
 * server refused it or could not be reached and it could not be kept). Branch on `error.code`.
 *
 * @since 0.1.0
 */
export class KcErrorEvent extends Event {
  /** The SDK's error, with a stable `code` (e.g. `validation_failed`, `network_error`). */
  readonly error: KontaktError;

  constructor(error: KontaktError) {
    super('kc-error', { bubbles: true, composed: true });
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-error': KcErrorEvent;
  }
}
