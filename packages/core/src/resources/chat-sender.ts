/*
 * Sends the citizen's messages one at a time, in the order written, until each is stored: a
 * message that cannot be sent now (no network, a timeout, 408/429/5xx) is tried again after a
 * wait that doubles (with jitter, honouring `Retry-After`), and a message is never on the wire
 * twice at once. The server stores a message once per `clientMessageId`, so a try whose answer was
 * lost and the next try make one message.
 */
import type { KontaktError } from '../errors/KontaktError.js';
import { internalError, isKontaktError } from '../errors/KontaktError.js';
import { reconnectDelay } from '../events/backoff.js';
import { isTransientFailure } from '../outbox/transient.js';
import type { ChatMessage, ChatSend } from '../schemas/chat.js';

/** Waits between tries of one message: from 1 s, doubling, at most 30 s (or `Retry-After`). */
export const SEND_RETRY = { initial: 1_000, max: 30_000 } as const;

/** Codes after which no message of the session can be sent any more. */
const SESSION_GONE = new Set(['chat_ended', 'chat_not_found']);

export interface ChatSenderHooks {
  /** One try: POST the message (without retries of its own). */
  post(message: ChatSend, signal: AbortSignal): Promise<ChatMessage>;
  /** The server stored it. */
  stored(message: ChatMessage): void;
  /** The server refused it for good (a 4xx): sending it again will not help. */
  failed(clientMessageId: string, error: KontaktError): void;
  /** The session can take no more messages (`chat_ended`, `chat_not_found`). */
  gone(error: KontaktError): void;
  /** A try failed and another follows (after `wait` ms). */
  retrying?(error: KontaktError, wait: number): void;
}

export class ChatSender {
  readonly #hooks: ChatSenderHooks;
  readonly #queue: ChatSend[] = [];
  readonly #stop = new AbortController();
  /** Tries so far of each queued message (for its backoff). */
  readonly #attempts = new Map<string, number>();
  #running: Promise<void> | undefined;
  #onTheWire: Promise<unknown> | undefined;
  #wake: (() => void) | undefined;
  /** Set when the head was stored another way (its copy on the stream) while on the wire or waiting. */
  #skipHead = false;

  constructor(hooks: ChatSenderHooks) {
    this.#hooks = hooks;
  }

  /** Sends `message` after those queued before it. */
  enqueue(message: ChatSend): void {
    if (this.#stop.signal.aborted) return;
    this.#queue.push(message);
    this.#running ??= this.#run().finally(() => {
      this.#running = undefined;
    });
  }

  /** The message is stored already (its copy came on the stream): it is not sent again. */
  forget(clientMessageId: string): void {
    const index = this.#queue.findIndex((each) => each.clientMessageId === clientMessageId);
    // The head may be on the wire: its answer will say "stored" again, which is harmless.
    if (index > 0) this.#queue.splice(index, 1);
    else if (index === 0) {
      this.#skipHead = true;
      this.wake();
    }
  }

  /** Cuts a wait short: the network is back (`online`), or the live stream connected again. */
  wake(): void {
    this.#wake?.();
  }

  /** Resolves once no try is on the wire (a message waiting to be tried again is not waited for). */
  async settled(): Promise<void> {
    await this.#onTheWire;
  }

  /** Stops for good: a try on the wire is cancelled, waits end, nothing more is sent. */
  stop(): void {
    this.#stop.abort();
    this.#queue.length = 0;
    this.#wake?.();
  }

  async #run(): Promise<void> {
    for (;;) {
      const head = this.#queue[0];
      if (!head || this.#stop.signal.aborted) return;
      const outcome = this.#skipHead ? 'done' : await this.#try(head);
      if (this.#stop.signal.aborted) return;
      if (outcome === 'retry' && !this.#skipHead) continue;
      this.#queue.shift();
      this.#attempts.delete(head.clientMessageId);
      this.#skipHead = false;
    }
  }

  /** One try of `head`: `done` (stored or refused for good) or `retry` (after the wait). */
  async #try(head: ChatSend): Promise<'done' | 'retry'> {
    let error: KontaktError;
    try {
      const request = this.#hooks.post(head, this.#stop.signal);
      this.#onTheWire = request.catch(() => undefined);
      const stored = await request;
      this.#onTheWire = undefined;
      this.#hooks.stored(stored);
      return 'done';
    } catch (thrown) {
      if (this.#stop.signal.aborted) return 'done';
      this.#onTheWire = undefined;
      error = isKontaktError(thrown) ? thrown : internalError(thrown);
    }
    if (SESSION_GONE.has(error.code)) {
      this.stop();
      this.#hooks.gone(error);
      return 'done';
    }
    if (!isTransientFailure(error)) {
      this.#hooks.failed(head.clientMessageId, error);
      return 'done';
    }
    if (this.#skipHead) return 'done';
    const attempt = this.#attempts.get(head.clientMessageId) ?? 1;
    this.#attempts.set(head.clientMessageId, attempt + 1);
    const wait = Math.max(
      reconnectDelay(attempt, SEND_RETRY.initial, SEND_RETRY.max),
      error.retryAfter ?? 0,
    );
    this.#hooks.retrying?.(error, wait);
    await this.#sleep(wait);
    return 'retry';
  }

  #sleep(milliseconds: number): Promise<void> {
    if (this.#stop.signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, milliseconds);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.#wake = undefined;
    });
  }
}
