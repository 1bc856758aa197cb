import type { PublicCase } from '@kontakt/core/schemas';

/**
 * Fired by `<kc-status-tracker>` when it shows a case, and whenever that case changes while shown
 * (a status set by the contact center arrives live). `publicCase` holds what the citizen may see.
 *
 * @since 0.4.0
 */
export class KcStatusChangeEvent extends Event {
  /** The case as now shown: status, timeline, expected date; never personal data. */
  readonly publicCase: PublicCase;

  constructor(publicCase: PublicCase) {
    super('kc-status-change', { bubbles: true, composed: true });
    this.publicCase = publicCase;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-status-change': KcStatusChangeEvent;
  }
}
