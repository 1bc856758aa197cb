/**
 * Fired when the chat panel opens (`kc-open`) or closes (`kc-close`); the conversation goes on
 * while the panel is closed.
 *
 * @since 0.4.0
 */
export class KcChatPanelEvent extends Event {
  constructor(type: 'kc-open' | 'kc-close') {
    super(type, { bubbles: true, composed: true });
  }
}

/**
 * Fired when a chat has ended (`kc-chat-ended`): `caseReference` is the case it was stored as.
 *
 * @since 0.4.0
 */
export class KcChatEndedEvent extends Event {
  readonly caseReference: string | undefined;

  constructor(caseReference: string | undefined) {
    super('kc-chat-ended', { bubbles: true, composed: true });
    this.caseReference = caseReference;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-open': KcChatPanelEvent;
    'kc-close': KcChatPanelEvent;
    'kc-chat-ended': KcChatEndedEvent;
  }
}
