/*
 * One chat session as its citizen lives it: the messages (the server's and their own unsent
 * ones), the session's state, the agent's typing, and the live stream that keeps them current,
 * resumed from `Last-Event-ID` after every drop. Loaded with `chat-impl.ts` when the chat is
 * first used.
 */
import * as z from 'zod/mini';
import { InvalidResponseError } from '../errors/InvalidResponseError.js';
import { isKontaktError, KontaktError } from '../errors/KontaktError.js';
import { ValidationError } from '../errors/ValidationError.js';
import { EventStream } from '../events/event-stream.js';
import { createIdempotencyKey } from '../idempotency.js';
import type {
  ChatMessage,
  ChatSession,
  ChatSessionState,
  ClientMessageId,
} from '../schemas/chat.js';
import {
  CHAT_EVENTS,
  ChatCloseSchema,
  ChatMessageSchema,
  ChatReceiptSchema,
  ChatSendSchema,
  ChatSessionStateSchema,
  ChatTranscriptRequestSchema,
  ChatTypingEventSchema,
} from '../schemas/chat.js';
import { toFieldErrors } from '../schemas/index.js';
import type { ChatSessionApi } from './chat-api.js';
import type {
  ChatConnectionState,
  ChatConversationEvent,
  ChatConversationEventMap,
} from './chat-events.js';
import {
  ChatConnectionEvent,
  ChatErrorEvent,
  ChatMessageEvent,
  ChatReceiptEvent,
  ChatSessionEvent,
  ChatTypingEvent,
} from './chat-events.js';
import type { ConversationMessage } from './chat-messages.js';
import { compareMessageIds, MessageList } from './chat-messages.js';
import { ChatSender } from './chat-sender.js';

/** A citizen's message not stored yet, as `toJSON()` keeps it for `resume()`. */
export interface UnsentMessageRecord {
  clientMessageId: ClientMessageId;
  text: string;
  /** When it was written (ISO 8601). */
  sentAt: string;
}

/**
 * What `ChatConversation.toJSON()` gives and `client.chat.resume()` takes: enough to pick the
 * conversation up after a reload or on another page of the same site. Holds the session token:
 * keep it in `sessionStorage` (this tab), not in `localStorage`.
 *
 * @since 0.5.0
 */
export interface ChatConversationRecord {
  id: string;
  token: string;
  /** The last event seen; the stream resumes after it. */
  lastEventId?: string | undefined;
  /** Messages written but not stored yet: sent (once) when the conversation is resumed. */
  unsent?: readonly UnsentMessageRecord[] | undefined;
}

/** What a `ChatConversation` is made of (by `client.chat.start()` and `resume()`). */
export interface ChatConversationInit {
  api: ChatSessionApi;
  /** The server's base URL, for the stream. */
  endpoint: string;
  fetch?: typeof fetch | undefined;
  session: ChatSession;
  lastEventId?: string | undefined;
  unsent?: readonly UnsentMessageRecord[] | undefined;
  /** Stops following (not the session): e.g. the page is left and resumes on the next. */
  signal?: AbortSignal | undefined;
}

/** The agent is taken to have stopped typing when no word of it came for this long. */
export const AGENT_TYPING_TIMEOUT = 6_000;
/** While the citizen types, "typing" is sent at most this often… */
export const TYPING_REPEAT = 3_000;
/** …and "stopped" this long after their last keystroke. */
export const TYPING_IDLE = 5_000;
/** A message's text, checked as the server checks it (field errors on `text`). */
const ChatSendTextSchema = z.pick(ChatSendSchema, { text: true });

/** Events kept for an iterator that has not started yet (older ones are dropped). */
const EARLY_EVENTS = 256;

/** Where an async iterator waits for events. */
interface Sink {
  readonly queue: ChatConversationEvent[];
  wake: (() => void) | undefined;
}

/**
 * A live chat with the contact center, from the citizen's side: `client.chat.start()` or
 * `resume()` give one. It is an `EventTarget` and an async iterable of the same events.
 *
 * `messages` holds the conversation in the server's order, one entry per message however often
 * it arrives (the start answer, the stream, a replay after a reconnection), with the citizen's
 * own messages shown at once as `local: 'pending'` until stored. `send()` keeps a message that
 * cannot go now and tries again with backoff until it is stored or the session ends; the server
 * stores each `clientMessageId` once, so nothing is sent twice. `toJSON()` keeps what is needed
 * (the unsent messages too) to `resume()` after a reload.
 *
 * @since 0.5.0
 * @event message - `ChatMessageEvent`: a message was added or changed.
 * @event receipt - `ChatReceiptEvent`: messages were delivered or read.
 * @event typing - `ChatTypingEvent`: the agent started or stopped typing.
 * @event session - `ChatSessionEvent`: queue place, agent, or end.
 * @event connection - `ChatConnectionEvent`: `online`, `reconnecting` or `closed`.
 * @event error - `ChatErrorEvent`: something not about one message went wrong.
 * @example
 * const chat = await client.chat.start({ locale: 'sv', message: 'Hej!' });
 * sessionStorage.setItem('chat', JSON.stringify(chat));
 * for await (const event of chat) {
 *   if (event.type === 'message') render(chat.messages);
 * }
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds only listener overloads, which EventTarget implements.
export class ChatConversation extends EventTarget implements AsyncIterable<ChatConversationEvent> {
  readonly #api: ChatSessionApi;
  readonly #messages = new MessageList();
  readonly #sender: ChatSender;
  readonly #stop = new AbortController();
  readonly #waiters = new Map<
    string,
    { resolve: (message: ChatMessage) => void; reject: (error: KontaktError) => void }
  >();
  readonly #sinks = new Set<Sink>();
  /** Events before the first iterator started, handed to it. */
  #early: ChatConversationEvent[] | undefined = [];
  readonly #stream: EventStream;
  #state: ChatSessionState;
  #connection: ChatConnectionState = 'reconnecting';
  /** Why the conversation stopped, once it did: `chat_ended`, `chat_not_found` or `aborted`. */
  #stopped: KontaktError | undefined;
  #finishing: Promise<void> | undefined;
  #agentTyping = false;
  #agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  #typingSentAt = 0;
  #typingIdleTimer: ReturnType<typeof setTimeout> | undefined;
  #readUpTo: string | undefined;
  readonly #onOnline = () => this.#sender.wake();
  /** Stops listening to the caller's signal once the conversation has stopped. */
  #forget: () => void = () => {};

  constructor(init: ChatConversationInit) {
    super();
    this.#api = init.api;
    this.#state = stateOf(init.session);
    for (const message of init.session.messages) this.#messages.add(message);
    this.#sender = new ChatSender({
      post: (message, signal) => this.#api.send(message, signal),
      stored: (message) => this.#receive(message),
      failed: (clientMessageId, error) => this.#failed(clientMessageId, error),
      gone: (error) => {
        if (error.code !== 'chat_ended') this.#emit(new ChatErrorEvent(error, false));
        void this.#finish(error);
      },
    });
    const { signal } = init;
    // Nothing to follow: the stream is made closed, without a request.
    if (init.session.status === 'ended' || signal?.aborted) this.#stop.abort();
    const base = init.endpoint.replace(/\/+$/, '');
    this.#stream = new EventStream(
      `${base}/v1/chat/sessions/${encodeURIComponent(init.api.id)}/stream`,
      {
        headers: { authorization: `Bearer ${init.api.token}` },
        lastEventId: init.lastEventId,
        fetch: init.fetch,
        signal: this.#stop.signal,
      },
    );
    this.#listen();
    for (const unsent of init.unsent ?? []) this.#queue(unsent);
    globalThis.addEventListener?.('online', this.#onOnline);
    if (signal?.aborted) this.#detach(signal);
    else if (signal) {
      const onAbort = () => this.#detach(signal);
      signal.addEventListener('abort', onAbort, { once: true });
      this.#forget = () => signal.removeEventListener('abort', onAbort);
    }
    if (this.#state.status === 'ended') void this.#finish(ended(), { refresh: false });
  }

  /** The session id. */
  get id(): string {
    return this.#api.id;
  }

  /** The session token (keep it in `sessionStorage` only: it speaks for the citizen). */
  get token(): string {
    return this.#api.token;
  }

  /** The session as last heard: `queued` (with its place), `active` (with the agent), `ended`. */
  get state(): ChatSessionState {
    return this.#state;
  }

  /** The messages in order, the citizen's unsent ones last; a new array after each change. */
  get messages(): readonly ConversationMessage[] {
    return this.#messages.list();
  }

  /** Whether the agent is typing now. */
  get agentTyping(): boolean {
    return this.#agentTyping;
  }

  /** The live stream: `online`, `reconnecting` (or connecting for the first time), `closed`. */
  get connection(): ChatConnectionState {
    return this.#connection;
  }

  /** The id of the last event seen on the stream (`''` before any): where a resume starts. */
  get lastEventId(): string {
    return this.#stream.lastEventId;
  }

  /**
   * Sends a message: shown at once as pending, sent with a new `clientMessageId`, and tried again
   * with backoff (honouring `Retry-After`) while the network or the server is down, until stored.
   * Resolves with the stored message. Rejects with a `ValidationError` (empty or too long, no
   * request made, or the server refused it: the message is then `local: 'failed'`), with
   * `chat_ended` when the session ended before it was stored, or with `aborted` when the
   * conversation's signal aborted (the message stays in `toJSON().unsent` for `resume()`).
   */
  send(text: string): Promise<ChatMessage> {
    const parsed = ChatSendTextSchema.safeParse({ text });
    if (!parsed.success) {
      return Promise.reject(new ValidationError(toFieldErrors(parsed.error.issues)));
    }
    if (this.#stopped) return Promise.reject(this.#stopped);
    const clientMessageId = createIdempotencyKey();
    const done = new Promise<ChatMessage>((resolve, reject) => {
      this.#waiters.set(clientMessageId, { resolve, reject });
    });
    this.#queue({ clientMessageId, text: parsed.data.text, sentAt: new Date().toISOString() });
    this.#typingStopped();
    return done;
  }

  /**
   * Tells the agent the citizen is typing (`true`, call it on every keystroke: it is sent at
   * most every few seconds, and "stopped" follows by itself a few seconds after the last) or
   * stopped (`false`, e.g. the field was emptied). Best effort: failures are not reported.
   */
  typing(on: boolean): void {
    if (this.#stopped) return;
    clearTimeout(this.#typingIdleTimer);
    if (!on) {
      this.#typingStopped();
      return;
    }
    const now = Date.now();
    if (now - this.#typingSentAt >= TYPING_REPEAT) {
      this.#typingSentAt = now;
      this.#api.typing(true, this.#stop.signal).catch(() => undefined);
    }
    this.#typingIdleTimer = setTimeout(() => this.#typingStopped(), TYPING_IDLE);
  }

  /**
   * Tells the agent the citizen has seen everything up to and including `messageId` (call it
   * when the messages are shown). An id at or before one already marked is not sent again.
   */
  async markRead(messageId: string): Promise<void> {
    if (this.#readUpTo !== undefined && compareMessageIds(messageId, this.#readUpTo) <= 0) return;
    if (this.#stopped) throw this.#stopped;
    const before = this.#readUpTo;
    this.#readUpTo = messageId;
    try {
      await this.#api.read({ upTo: messageId }, this.#stop.signal);
    } catch (error) {
      if (this.#readUpTo === messageId) this.#readUpTo = before;
      throw error;
    }
  }

  /**
   * Ends the chat (the citizen leaves) and resolves with the ended session, whose
   * `caseReference` is the case it was stored as; with `transcriptTo`, the transcript is also
   * sent there by e-mail. A message on the wire is waited for first; messages still waiting to
   * be tried again are given up (`chat_ended`). Then the stream and the retries stop. If the
   * agent had ended it already, resolves with the session all the same. A `NetworkError` when the
   * server cannot be reached: the conversation carries on, and `close()` may be called again.
   */
  async close(options: { transcriptTo?: string } = {}): Promise<ChatSession> {
    const parsed = ChatCloseSchema.safeParse(options);
    if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
    await this.#sender.settled();
    let session: ChatSession;
    try {
      session = await this.#api.close(parsed.data);
    } catch (error) {
      if (!isKontaktError(error) || error.code !== 'chat_ended') throw error;
      session = await this.#api.get();
      if (parsed.data.transcriptTo) await this.#api.transcript(parsed.data.transcriptTo);
    }
    this.#merge(session);
    await this.#finish(ended(), { refresh: false });
    return session;
  }

  /** Sends the transcript to `email` (during the chat or after it ended). */
  async requestTranscript(email: string): Promise<void> {
    const parsed = ChatTranscriptRequestSchema.safeParse({ email });
    if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
    await this.#api.transcript(parsed.data.email);
  }

  /**
   * Takes away one of the citizen's failed messages (they read why and dismiss it). Returns
   * whether there was one.
   */
  discard(clientMessageId: string): boolean {
    const unsent = this.#messages.unsent(clientMessageId);
    if (unsent?.local !== 'failed') return false;
    this.#messages.remove(clientMessageId);
    return true;
  }

  /** What `client.chat.resume()` needs after a reload: for `JSON.stringify` and `sessionStorage`. */
  toJSON(): Required<ChatConversationRecord> {
    return {
      id: this.id,
      token: this.token,
      lastEventId: this.lastEventId,
      unsent: this.#messages
        .pending()
        .map(({ clientMessageId, text, sentAt }) => ({ clientMessageId, text, sentAt })),
    };
  }

  /**
   * Every event from now on, in order (the first iterator also gets those dispatched since the
   * conversation was made, up to 256). Breaking out of the loop stops only that loop. The loop
   * ends when the conversation stops: the chat ended, was closed, or the signal aborted.
   */
  [Symbol.asyncIterator](): AsyncIterator<ChatConversationEvent> {
    const sink: Sink = { queue: this.#early ?? [], wake: undefined };
    this.#early = undefined;
    this.#sinks.add(sink);
    const done = (): IteratorResult<ChatConversationEvent> => {
      this.#sinks.delete(sink);
      return { done: true, value: undefined };
    };
    return {
      next: async () => {
        for (;;) {
          const event = sink.queue.shift();
          if (event) return { done: false, value: event };
          if (this.#connection === 'closed') return done();
          await new Promise<void>((resolve) => {
            sink.wake = resolve;
          });
          sink.wake = undefined;
        }
      },
      return: async () => done(),
    };
  }

  #listen(): void {
    const stream = this.#stream;
    stream.addEventListener('open', () => {
      this.#setConnection('online');
      // The server answers again: a message waiting to be tried again need not wait longer.
      this.#sender.wake();
    });
    stream.addEventListener('error', (event) => {
      if (event.willRetry) return this.#setConnection('reconnecting');
      // `204`: the server has nothing more to stream for this session (it ended).
      if (event.error.status === 204) return void this.#finish(ended());
      this.#emit(new ChatErrorEvent(event.error, false));
      void this.#finish(event.error);
    });
    this.#on(CHAT_EVENTS.message, ChatMessageSchema, (message) => this.#receive(message));
    this.#on(CHAT_EVENTS.receipt, ChatReceiptSchema, (receipt) => {
      if (this.#messages.applyReceipt(receipt).length > 0) {
        this.#emit(new ChatReceiptEvent(receipt));
      }
    });
    this.#on(CHAT_EVENTS.typing, ChatTypingEventSchema, ({ role, typing }) => {
      if (role !== 'citizen') this.#setAgentTyping(typing);
    });
    this.#on(CHAT_EVENTS.session, ChatSessionStateSchema, (state) => {
      this.#setState(state);
      if (state.status === 'ended') void this.#finish(ended());
    });
  }

  /** Listens for one event type, its data checked against the contract. */
  #on<T>(
    type: string,
    schema: {
      safeParse(data: unknown): { success: true; data: T } | { success: false };
    },
    handle: (data: T) => void,
  ): void {
    this.#stream.addEventListener(type, (event: MessageEvent<string>) => {
      const parsed = schema.safeParse(parseJson(event.data));
      if (parsed.success) handle(parsed.data);
      else {
        const error = new InvalidResponseError(`A ${type} event does not match the contract.`);
        this.#emit(new ChatErrorEvent(error, true));
      }
    });
  }

  /** Shows a written message as pending and hands it to the sender. */
  #queue(unsent: UnsentMessageRecord): void {
    const stored = this.#messages.storedByClientId(unsent.clientMessageId);
    if (stored) {
      this.#waiters.get(unsent.clientMessageId)?.resolve(stored);
      return;
    }
    this.#emit(new ChatMessageEvent(this.#messages.addPending(unsent)));
    this.#sender.enqueue({ clientMessageId: unsent.clientMessageId, text: unsent.text });
  }

  /** A message from the server, whichever way it came. */
  #receive(message: ChatMessage): void {
    const result = this.#messages.add(message);
    if (message.clientMessageId !== undefined) {
      this.#sender.forget(message.clientMessageId);
      const waiter = this.#waiters.get(message.clientMessageId);
      this.#waiters.delete(message.clientMessageId);
      waiter?.resolve(this.#messages.storedByClientId(message.clientMessageId) ?? message);
    }
    if (result.kind === 'same') return;
    if (message.role === 'agent' && result.kind !== 'updated') this.#setAgentTyping(false);
    this.#emit(new ChatMessageEvent(result.message));
  }

  #failed(clientMessageId: string, error: KontaktError): void {
    const failed = this.#messages.fail(clientMessageId, error);
    if (failed) this.#emit(new ChatMessageEvent(failed));
    this.#waiters.get(clientMessageId)?.reject(failed?.error ?? error);
    this.#waiters.delete(clientMessageId);
  }

  /** Adds what a session read (or close) says: its messages and state. */
  #merge(session: ChatSession): void {
    for (const message of session.messages) this.#receive(message);
    this.#setState(stateOf(session));
  }

  #setState(state: ChatSessionState): void {
    if (JSON.stringify(state) === JSON.stringify(this.#state)) return;
    this.#state = state;
    this.#emit(new ChatSessionEvent(state));
  }

  #setConnection(state: ChatConnectionState): void {
    if (this.#connection === state || this.#connection === 'closed') return;
    this.#connection = state;
    this.#emit(new ChatConnectionEvent(state));
  }

  #setAgentTyping(typing: boolean): void {
    clearTimeout(this.#agentTypingTimer);
    // A "stopped" may be missed (typing is not stored): it is taken as stopped after a while.
    if (typing) {
      this.#agentTypingTimer = setTimeout(() => this.#setAgentTyping(false), AGENT_TYPING_TIMEOUT);
    }
    if (typing === this.#agentTyping) return;
    this.#agentTyping = typing;
    this.#emit(new ChatTypingEvent(typing));
  }

  #typingStopped(): void {
    clearTimeout(this.#typingIdleTimer);
    if (this.#typingSentAt === 0 || this.#stopped) return;
    this.#typingSentAt = 0;
    this.#api.typing(false, this.#stop.signal).catch(() => undefined);
  }

  /**
   * Stops for good (the session ended or is gone): the stream and the retries stop, messages not
   * stored fail with `reason`, and iterators end. `refresh` reads the session once more first,
   * so the last messages (the end's own line) are in even when the stream ended before them.
   */
  #finish(reason: KontaktError, options: { refresh?: boolean } = {}): Promise<void> {
    // Once: the stream's "ended" and `close()`'s answer may both get here; both wait for the end.
    this.#finishing ??= this.#stopWith(reason, options.refresh !== false);
    return this.#finishing;
  }

  async #stopWith(reason: KontaktError, refresh: boolean): Promise<void> {
    this.#stopped = reason;
    this.#sender.stop();
    this.#stream.close();
    this.#quiet();
    if (refresh && reason.code === 'chat_ended') {
      await this.#api
        .get()
        .then((session) => this.#merge(session))
        .catch(() => undefined);
    }
    for (const unsent of this.#messages.pending()) this.#failed(unsent.clientMessageId, reason);
    this.#setConnection('closed');
    for (const sink of this.#sinks) sink.wake?.();
  }

  /** The caller stopped following: unsent messages stay pending, for `toJSON()` and `resume()`. */
  #detach(signal: AbortSignal): void {
    if (this.#stopped || this.#finishing) return;
    const error = new KontaktError('The conversation was stopped.', {
      code: 'aborted',
      cause: signal.reason,
    });
    this.#stopped = error;
    this.#sender.stop();
    this.#stop.abort(signal.reason);
    this.#quiet();
    for (const waiter of this.#waiters.values()) waiter.reject(error);
    this.#waiters.clear();
    this.#setConnection('closed');
    for (const sink of this.#sinks) sink.wake?.();
  }

  #quiet(): void {
    this.#forget();
    clearTimeout(this.#agentTypingTimer);
    clearTimeout(this.#typingIdleTimer);
    globalThis.removeEventListener?.('online', this.#onOnline);
  }

  /** Dispatches `event` and hands it to every iterator. */
  #emit(event: ChatConversationEvent): void {
    if (this.#early) {
      this.#early.push(event);
      if (this.#early.length > EARLY_EVENTS) this.#early.shift();
    }
    for (const sink of this.#sinks) {
      sink.queue.push(event);
      sink.wake?.();
    }
    this.dispatchEvent(event);
  }
}

/** Typed listeners for the conversation's events. */
export interface ChatConversation {
  addEventListener<K extends keyof ChatConversationEventMap>(
    type: K,
    listener: (event: ChatConversationEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof ChatConversationEventMap>(
    type: K,
    listener: (event: ChatConversationEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}

function stateOf(session: ChatSession): ChatSessionState {
  const { messages: _, ...state } = session;
  return state;
}

const ended = () => new KontaktError('The chat has ended.', { code: 'chat_ended', status: 409 });

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
