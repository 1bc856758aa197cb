import type { Notice } from '@kontakt/core';

/**
 * Fired by `<kc-notice>` when the notices it shows change: one arrived, started, changed, ended,
 * was withdrawn or hidden by the person; and once when they are first known (maybe none).
 *
 * @since 0.3.0
 */
export class KcNoticeChangeEvent extends Event {
  /** The notices shown now, in the order shown (most serious first). */
  readonly notices: readonly Notice[];

  constructor(notices: readonly Notice[]) {
    super('kc-notice-change', { bubbles: true, composed: true });
    this.notices = notices;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-notice-change': KcNoticeChangeEvent;
  }
}
