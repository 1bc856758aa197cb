import type { KontaktError } from '@kontakt/core';
import type {
  AgentChatFeedEvent,
  AgentChatQueue,
  AgentClient,
  AgentQueueChange,
  AgentQueueWatch,
} from '@kontakt/core/agent';
import type { EventStreamErrorEvent } from '@kontakt/core/events';

/** Changes of the queue are gathered this long before it is read again. */
const RELOAD_BATCH_MS = 250;

/**
 * The chat queue as the whole console sees it: one stream (`client.chat.watchQueue()`) and one
 * copy of the queue per client, shared by the shell (its count of waiting chats) and the chat
 * view, so the console holds one connection for it, not one per part. Kept open while anyone
 * uses it (`use()` returns the release).
 *
 * Dispatches `change` after every reload (`queue` holds the new one, `previous` the one before),
 * `offer` when the server offers this agent a chat (`offer` holds its id), and `ended` when the
 * stream ended for good (`error` says why: `unauthorized` is a session that has ended).
 */
export class ChatQueueStore extends EventTarget {
  queue: AgentChatQueue | undefined;
  previous: AgentChatQueue | undefined;
  /** The chat the server offers this agent now, until taken, passed or gone. */
  offer: string | undefined;
  /** The last reload failed (the list shown may be old). */
  failed = false;
  error: KontaktError | undefined;
  readonly #client: AgentClient;
  #users = 0;
  #watch: AgentQueueWatch | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #loading: Promise<void> | undefined;
  #again = false;

  constructor(client: AgentClient) {
    super();
    this.#client = client;
  }

  /** Starts following (the first user opens the stream); call the returned function when done. */
  use(): () => void {
    this.#users += 1;
    if (this.#users === 1) this.#open();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#users -= 1;
      if (this.#users === 0) this.#close();
    };
  }

  /** Reads the queue again now (after an action of one's own: take, end, hand-over). */
  reload(): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#loading) {
      this.#again = true;
      return this.#loading;
    }
    this.#loading = this.#load().finally(() => {
      this.#loading = undefined;
      if (this.#again) {
        this.#again = false;
        void this.reload();
      }
    });
    return this.#loading;
  }

  /** Forgets the offer (taken, or let pass: the server offers it to someone else in time). */
  dropOffer(): void {
    if (this.offer === undefined) return;
    this.offer = undefined;
    this.dispatchEvent(new Event('offer'));
  }

  async #load(): Promise<void> {
    try {
      const queue = await this.#client.chat.queue();
      this.previous = this.queue;
      this.queue = queue;
      this.failed = false;
      // An offer of a chat that no longer waits is gone.
      if (this.offer && !queue.waiting.some((chat) => chat.id === this.offer)) this.dropOffer();
    } catch (error) {
      this.failed = true;
      this.error = error as KontaktError;
    }
    this.dispatchEvent(new Event('change'));
  }

  #open(): void {
    const watch = this.#client.chat.watchQueue();
    this.#watch = watch;
    // Every (re)connection may have missed changes: read the whole queue again.
    watch.addEventListener('open', () => void this.reload());
    watch.addEventListener('queue', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.reload(), RELOAD_BATCH_MS);
    });
    watch.addEventListener('offer', (event) => {
      const { id } = (event as AgentChatFeedEvent<AgentQueueChange>).change;
      this.offer = id;
      // Told once the queue holds the offered chat, so whoever listens can name it.
      void this.reload().then(() => {
        if (this.offer === id) this.dispatchEvent(new Event('offer'));
      });
    });
    watch.addEventListener('error', (event) => {
      const { error, willRetry } = event as EventStreamErrorEvent;
      if (willRetry) return;
      this.error = error;
      this.dispatchEvent(new Event('ended'));
    });
    void this.reload();
  }

  #close(): void {
    this.#watch?.close();
    this.#watch = undefined;
    clearTimeout(this.#timer);
  }
}

const stores = new WeakMap<AgentClient, ChatQueueStore>();

/** The one queue store of `client`. */
export function chatQueueOf(client: AgentClient): ChatQueueStore {
  let store = stores.get(client);
  if (!store) {
    store = new ChatQueueStore(client);
    stores.set(client, store);
  }
  return store;
}
