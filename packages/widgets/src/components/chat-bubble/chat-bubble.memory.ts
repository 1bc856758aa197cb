/*
 * What a chat keeps in `sessionStorage` so that it survives a reload and navigation to another page
 * of the same site (one tab, this site only, gone when the tab closes): the conversation's
 * `toJSON()` (id, token, last event id, unsent messages), whether the panel was open, the unread
 * count and the text not sent yet. Nothing is written before the person starts a chat or types.
 * Storage that fails (private mode, full, blocked) is ignored: the chat still works, it only does
 * not survive a reload. The launcher only peeks (`peekMemory`); the panel reads and writes.
 */

/** A conversation as `ChatConversation.toJSON()` gives it; read back by `client.chat.resume()`. */
export interface StoredConversation {
  readonly id: string;
  readonly token: string;
  readonly lastEventId?: string | undefined;
  readonly unsent?:
    | readonly { clientMessageId: string; text: string; sentAt: string }[]
    | undefined;
}

export interface ChatMemory {
  conversation?: StoredConversation | undefined;
  /** The panel was open when the page was left. */
  open?: boolean | undefined;
  unread?: number | undefined;
  /** What was typed and not sent yet. */
  draft?: string | undefined;
}

/** The key of one department's chat on one server. */
export const memoryKey = (targetKey: string): string =>
  `kontakt.chat:${targetKey.replace('\n', '|')}`;

/** What was kept for `key` as plain JSON (checked by whoever uses it), or `{}`. */
export function peekMemory(key: string): ChatMemory {
  try {
    const value: unknown = JSON.parse(globalThis.sessionStorage?.getItem(key) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as ChatMemory) : {};
  } catch {
    return {};
  }
}
