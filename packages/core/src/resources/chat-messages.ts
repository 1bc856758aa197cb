/*
 * A conversation's messages as the citizen sees them: the server's, in the server's order, one
 * per id, and the citizen's own not yet stored (pending or failed) after them. Pure bookkeeping,
 * no I/O: the same message may arrive from the start answer, the session read, the POST's answer
 * and the stream (once more after a reconnection), and it must show once, in its place, with its
 * furthest state.
 */
import type { KontaktError } from '../errors/KontaktError.js';
import type { ChatMessage, ChatMessageState, ChatReceipt } from '../schemas/chat.js';

/**
 * A citizen's message not stored by the server yet: `pending` while it is being sent (and tried
 * again while the network or the server is down), `failed` when the server refused it (`error`
 * says why; sending it again will not help).
 *
 * @since 0.5.0
 */
export interface UnsentChatMessage {
  readonly id?: undefined;
  readonly clientMessageId: string;
  readonly role: 'citizen';
  readonly text: string;
  /** When it was written (ISO 8601), for display until the server's `sentAt` replaces it. */
  readonly sentAt: string;
  /** Unsent messages have no server state: `local` says where they are. */
  readonly state?: undefined;
  readonly local: 'pending' | 'failed';
  readonly error?: KontaktError | undefined;
}

/**
 * A message in `ChatConversation.messages`: one the server stored (`local` absent, `state`
 * sent/delivered/read) or the citizen's own unsent one. Key a rendered list by
 * `clientMessageId ?? id`: it stays the same when a pending message is stored.
 *
 * @since 0.5.0
 */
export type ConversationMessage =
  | (ChatMessage & { readonly local?: undefined; readonly error?: undefined })
  | UnsentChatMessage;

const STATE_RANK: Record<ChatMessageState, number> = { sent: 0, delivered: 1, read: 2 };

/**
 * The server's order of two message ids: shorter first, then character by character. Ids are
 * ordered within a session; this order holds for decimal counters (`9` before `10`) and for
 * fixed-width sortable ids (ULIDs, zero-padded) alike.
 */
export function compareMessageIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The furthest of two states: a receipt or a replayed copy never moves a message back. */
export function furthestState(a: ChatMessageState, b: ChatMessageState): ChatMessageState {
  return STATE_RANK[b] > STATE_RANK[a] ? b : a;
}

/** What `MessageList.add` did with a message from the server. */
export type AddResult =
  /** Nothing new: a copy already shown (a replay after a reconnection). */
  | { kind: 'same' }
  /** Shown now (new, or it replaced the citizen's pending message, or its state moved on). */
  | { kind: 'added' | 'replaced' | 'updated'; message: ChatMessage };

/**
 * The messages of one conversation. `list()` is a new array after each change (so a view can
 * compare by identity); the messages in it are never mutated.
 */
export class MessageList {
  #stored: ChatMessage[] = [];
  readonly #byId = new Map<string, ChatMessage>();
  /** The citizen's own messages not stored yet, in the order written. */
  #unsent: UnsentChatMessage[] = [];
  #list: readonly ConversationMessage[] = [];

  /** The messages in order: stored ones by id, then the unsent ones in the order written. */
  list(): readonly ConversationMessage[] {
    return this.#list;
  }

  /** The stored message with `clientMessageId`, if the server has it. */
  storedByClientId(clientMessageId: string): ChatMessage | undefined {
    return this.#stored.find((message) => message.clientMessageId === clientMessageId);
  }

  /** The unsent message with `clientMessageId`. */
  unsent(clientMessageId: string): UnsentChatMessage | undefined {
    return this.#unsent.find((message) => message.clientMessageId === clientMessageId);
  }

  /** The citizen's messages still waiting to be sent (not the failed ones), in order. */
  pending(): UnsentChatMessage[] {
    return this.#unsent.filter((message) => message.local === 'pending');
  }

  /** The newest stored message's id, or `undefined` before any. */
  lastId(): string | undefined {
    return this.#stored.at(-1)?.id;
  }

  /** Shows a message the citizen wrote, as pending, until the server's copy replaces it. */
  addPending(message: Omit<UnsentChatMessage, 'local' | 'role' | 'error'>): UnsentChatMessage {
    const unsent: UnsentChatMessage = { ...message, role: 'citizen', local: 'pending' };
    this.#unsent = [...this.#unsent, unsent];
    this.#rebuild();
    return unsent;
  }

  /** Marks an unsent message failed with the server's reason. */
  fail(clientMessageId: string, error: KontaktError): UnsentChatMessage | undefined {
    const found = this.unsent(clientMessageId);
    if (!found) return undefined;
    const failed: UnsentChatMessage = { ...found, local: 'failed', error };
    this.#unsent = this.#unsent.map((message) => (message === found ? failed : message));
    this.#rebuild();
    return failed;
  }

  /** Takes away an unsent message (the citizen dismissed a failed one). */
  remove(clientMessageId: string): boolean {
    const before = this.#unsent.length;
    this.#unsent = this.#unsent.filter((message) => message.clientMessageId !== clientMessageId);
    if (this.#unsent.length === before) return false;
    this.#rebuild();
    return true;
  }

  /**
   * A message from the server, from whichever source: new ones are placed by id, a copy of one
   * shown keeps the furthest state of the two, and the stored copy of the citizen's own message
   * (same `clientMessageId`) takes the place of the pending one.
   */
  add(message: ChatMessage): AddResult {
    const known = this.#byId.get(message.id);
    if (known) {
      const state = furthestState(known.state, message.state);
      if (state === known.state) return { kind: 'same' };
      const updated = { ...known, state };
      this.#replaceStored(updated);
      return { kind: 'updated', message: updated };
    }
    const replaced = this.#takeUnsent(message.clientMessageId);
    this.#insertStored(message);
    return { kind: replaced ? 'replaced' : 'added', message };
  }

  /**
   * Moves every message of `receipt.role` up to and including `receipt.upTo` to at least
   * `receipt.state`; returns the messages that changed (none for an old or repeated receipt).
   */
  applyReceipt(receipt: ChatReceipt): ChatMessage[] {
    const changed: ChatMessage[] = [];
    this.#stored = this.#stored.map((message) => {
      if (message.role !== receipt.role) return message;
      if (compareMessageIds(message.id, receipt.upTo) > 0) return message;
      const state = furthestState(message.state, receipt.state);
      if (state === message.state) return message;
      const updated = { ...message, state };
      this.#byId.set(updated.id, updated);
      changed.push(updated);
      return updated;
    });
    if (changed.length > 0) this.#rebuild();
    return changed;
  }

  #takeUnsent(clientMessageId: string | undefined): boolean {
    if (clientMessageId === undefined) return false;
    const before = this.#unsent.length;
    this.#unsent = this.#unsent.filter((message) => message.clientMessageId !== clientMessageId);
    return this.#unsent.length !== before;
  }

  #insertStored(message: ChatMessage): void {
    this.#byId.set(message.id, message);
    const stored = this.#stored;
    // Nearly always the newest: look from the end.
    let index = stored.length;
    while (index > 0 && compareMessageIds((stored[index - 1] as ChatMessage).id, message.id) > 0) {
      index -= 1;
    }
    this.#stored = [...stored.slice(0, index), message, ...stored.slice(index)];
    this.#rebuild();
  }

  #replaceStored(message: ChatMessage): void {
    this.#byId.set(message.id, message);
    this.#stored = this.#stored.map((each) => (each.id === message.id ? message : each));
    this.#rebuild();
  }

  #rebuild(): void {
    this.#list = [...this.#stored, ...this.#unsent];
  }
}
