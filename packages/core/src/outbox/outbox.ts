import * as z from 'zod/mini';
import { isKontaktError } from '../errors/KontaktError.js';
import type { Receipt } from '../schemas/index.js';
import { CaseSubmissionSchema, DateTimeSchema } from '../schemas/index.js';
import type { OutboxEventMap } from './events.js';
import { OutboxDeliveredEvent, OutboxFailedEvent } from './events.js';
import { isTransientFailure } from './transient.js';
import type { OutboxEntry, OutboxStore } from './types.js';

/**
 * Submissions that could not be sent yet. They are sent when `flush()` is called, when the browser
 * comes back online, on a backoff timer, and when a page loads that finds some left from before.
 *
 * @since 0.1.0
 * @event delivered - `OutboxDeliveredEvent`: an entry reached the server (`.entry`, `.receipt`).
 * @event failed - `OutboxFailedEvent`: an entry was refused for good and removed (`.entry`, `.error`).
 * @event change - the entries changed (added, retried, removed).
 */
export interface Outbox extends EventTarget {
  /** The entries waiting to be sent to this client's endpoint, oldest first. */
  pending(): Promise<OutboxEntry[]>;
  /** Tries to send every waiting entry now, whatever its backoff; resolves when each was tried. */
  flush(): Promise<void>;
  addEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: (event: OutboxEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: (event: OutboxEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}

/** Sends one entry (with its own idempotency key) and returns the parsed receipt. */
export type OutboxSender = (entry: OutboxEntry) => Promise<Receipt>;

const FIRST_DELAY = 2_000;
const MAX_DELAY = 5 * 60_000;
const MAX_TIMER = 2 ** 31 - 1;

/** Entries from storage are input like any other: another version or page may have written them. */
const OutboxEntrySchema = z.object({
  id: z.string().check(z.minLength(1)),
  endpoint: z.string(),
  department: z.string(),
  submission: CaseSubmissionSchema,
  createdAt: DateTimeSchema,
  attempts: z.number(),
  nextAttemptAt: DateTimeSchema,
});

/**
 * When to try an entry again after `attempts` failures: 2 s doubling to 5 min, with jitter so that
 * many pages coming back online together do not all call at once; never sooner than `Retry-After`.
 */
export function nextAttemptDelay(attempts: number, error?: unknown): number {
  const backoff = Math.min(MAX_DELAY, FIRST_DELAY * 2 ** Math.max(0, attempts - 1));
  const jittered = backoff * (0.5 + Math.random() / 2);
  const retryAfter = isKontaktError(error) ? (error.retryAfter ?? 0) : 0;
  return Math.max(jittered, retryAfter);
}

/** Entries being sent by this copy of the SDK, so two flushes in one page never send one twice. */
const sending = new Map<string, Promise<void>>();

/**
 * The outbox of one endpoint in one store. Clients for the same endpoint and store share it (see
 * `outboxFor`), so every widget on a page hears about every delivery.
 */
export class OutboxController extends EventTarget implements Outbox {
  readonly #store: OutboxStore;
  readonly #endpoint: string;
  readonly #send: OutboxSender;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(store: OutboxStore, endpoint: string, send: OutboxSender) {
    super();
    this.#store = store;
    this.#endpoint = endpoint;
    this.#send = send;
    globalThis.addEventListener?.('online', () => this.#background(() => this.flush()));
    // An earlier page load may have left entries; look once (without creating storage).
    this.#background(() => this.#run(isDue));
  }

  async pending(): Promise<OutboxEntry[]> {
    const entries = await this.#store.list(this.#endpoint);
    return entries.filter((entry) => OutboxEntrySchema.safeParse(entry).success);
  }

  flush(): Promise<void> {
    return this.#run(() => true);
  }

  /** Keeps a submission that could not be sent and schedules its next try. */
  async add(entry: OutboxEntry): Promise<void> {
    await this.#store.put(entry);
    this.dispatchEvent(new Event('change'));
    this.#background(() => this.#schedule());
  }

  async #run(wanted: (entry: OutboxEntry) => boolean): Promise<void> {
    const entries = (await this.pending()).filter(wanted);
    // One at a time: a server that is just coming back should not get every entry at once.
    for (const entry of entries) await this.#deliver(entry.id);
    await this.#schedule();
  }

  #deliver(id: string): Promise<void> {
    const running = sending.get(id);
    if (running) return running;
    const delivery = withLock(`kontakt-outbox:${id}`, () => this.#attempt(id)).finally(() =>
      sending.delete(id),
    );
    sending.set(id, delivery);
    return delivery;
  }

  async #attempt(id: string): Promise<void> {
    // Read again under the lock: another tab or flush may have delivered it meanwhile.
    const entry = await this.#store.get(id);
    if (!entry || !OutboxEntrySchema.safeParse(entry).success) return;
    let receipt: Receipt;
    try {
      receipt = await this.#send(entry);
    } catch (error) {
      if (isTransientFailure(error) || !isKontaktError(error)) {
        const attempts = entry.attempts + 1;
        const next = Date.now() + nextAttemptDelay(attempts, error);
        await this.#store.put({ ...entry, attempts, nextAttemptAt: new Date(next).toISOString() });
      } else {
        await this.#store.delete(id);
        this.dispatchEvent(new OutboxFailedEvent(entry, error));
      }
      this.dispatchEvent(new Event('change'));
      return;
    }
    await this.#store.delete(id);
    this.dispatchEvent(new OutboxDeliveredEvent(entry, receipt));
    this.dispatchEvent(new Event('change'));
  }

  async #schedule(): Promise<void> {
    const entries = await this.pending();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (entries.length === 0) return;
    const next = Math.min(...entries.map((entry) => Date.parse(entry.nextAttemptAt)));
    const delay = Math.min(MAX_TIMER, Math.max(0, next - Date.now()));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#background(() => this.#run(isDue));
    }, delay);
    // A waiting entry must not keep a Node process (a test run, an SSR server) alive.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  /** Work nobody awaits: failures (storage gone, say) are retried on the next trigger instead. */
  #background(task: () => Promise<void>): void {
    task().catch(() => undefined);
  }
}

const isDue = (entry: OutboxEntry) => Date.parse(entry.nextAttemptAt) <= Date.now();

/** Runs `task` holding a Web Lock where there are any, so two tabs never send one entry at once. */
function withLock(name: string, task: () => Promise<void>): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return task();
  return locks.request(name, { ifAvailable: true }, async (lock) => {
    // Another tab holds it, so it is sending this entry: leave it to that tab.
    if (lock) await task();
  });
}

const outboxes = new WeakMap<OutboxStore, Map<string, OutboxController>>();

/**
 * The outbox for an endpoint in a store, created on first use. The first client's sender is kept:
 * entries for one endpoint are the same requests whichever client made them.
 */
export function outboxFor(
  store: OutboxStore,
  endpoint: string,
  send: OutboxSender,
): OutboxController {
  let byEndpoint = outboxes.get(store);
  if (!byEndpoint) {
    byEndpoint = new Map();
    outboxes.set(store, byEndpoint);
  }
  let outbox = byEndpoint.get(endpoint);
  if (!outbox) {
    outbox = new OutboxController(store, endpoint, send);
    byEndpoint.set(endpoint, outbox);
  }
  return outbox;
}
