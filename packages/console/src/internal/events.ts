/**
 * The console's own events. Views report what the app shell acts on (something to read out,
 * a session that has ended, a view to go to) instead of reaching up into it.
 */

/** Something to read out politely in the app's live region. */
export class KcAnnounceEvent extends Event {
  constructor(readonly message: string) {
    super('kc-announce', { bubbles: true, composed: true });
  }
}

/** A request was refused with `unauthorized`: the session has ended (expired, or signed out elsewhere). */
export class KcSessionExpiredEvent extends Event {
  constructor() {
    super('kc-session-expired', { bubbles: true, composed: true });
  }
}

/** Go to a path inside the console (as a link would), e.g. after registering a case. */
export class KcNavigateEvent extends Event {
  constructor(readonly path: string) {
    super('kc-navigate', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-announce': KcAnnounceEvent;
    'kc-session-expired': KcSessionExpiredEvent;
    'kc-navigate': KcNavigateEvent;
  }
}
