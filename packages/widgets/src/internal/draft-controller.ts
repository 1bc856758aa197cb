import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long typing must pause before the draft is written. */
const DEFAULT_DELAY_MS = 400;

/**
 * The storage key of one form's draft: per server, department and page, so several forms on one
 * page (or one form on several pages) never share a draft.
 */
export function draftKey(endpoint: string, department: string, pathname: string): string {
  return `kontakt-draft:${endpoint}:${department}:${pathname}`;
}

export interface DraftControllerOptions {
  /** Milliseconds of quiet before a change is written. Default 400. */
  delay?: number;
  /** Where drafts live. Default `sessionStorage`, read when first needed. */
  storage?: () => Storage;
}

/**
 * Keeps what a person has typed so that it survives a reload. Drafts live in `sessionStorage`,
 * not `localStorage`: on a shared computer (a library, a service center) a draft must end with
 * the tab. Nothing is written until the host calls `save()`, which it does only on the person's
 * own input, so rendering a form stores nothing. Storage that is full or disabled is ignored: a
 * draft is a convenience, the form must work without it.
 */
export class DraftController<T> implements ReactiveController {
  readonly #delay: number;
  readonly #storage: () => Storage;
  #key: string | undefined;
  #pending: { key: string; value: T } | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: DraftControllerOptions = {}) {
    this.#delay = options.delay ?? DEFAULT_DELAY_MS;
    this.#storage = options.storage ?? (() => globalThis.sessionStorage);
    host.addController(this);
  }

  /** Sets which draft this is; a change still waiting for the previous key is written first. */
  use(key: string): void {
    if (key === this.#key) return;
    this.flush();
    this.#key = key;
  }

  /** The stored draft, parsed, or `undefined` when there is none (or it cannot be read). */
  read(): unknown {
    if (!this.#key) return undefined;
    try {
      const text = this.#storage().getItem(this.#key);
      return text === null ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  /** Writes `value` once changes pause. */
  save(value: T): void {
    if (!this.#key) return;
    this.#pending = { key: this.#key, value };
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), this.#delay);
  }

  /** Writes a waiting change now. */
  flush(): void {
    clearTimeout(this.#timer);
    const pending = this.#pending;
    this.#pending = undefined;
    if (!pending) return;
    try {
      this.#storage().setItem(pending.key, JSON.stringify(pending.value));
    } catch {
      // Full, disabled or blocked storage: the form keeps working without a draft.
    }
  }

  /** Forgets the draft: a waiting change is dropped and the stored one removed. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#pending = undefined;
    if (!this.#key) return;
    try {
      this.#storage().removeItem(this.#key);
    } catch {
      // Nothing to remove where storage cannot be used.
    }
  }

  hostConnected(): void {
    // A reload or a closed tab does not disconnect elements; `pagehide` is the last chance.
    globalThis.addEventListener?.('pagehide', this.#onPageHide);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('pagehide', this.#onPageHide);
    // A page that removes the form (a single-page app changing view) keeps the draft for later.
    this.flush();
  }

  #onPageHide = (): void => this.flush();
}
