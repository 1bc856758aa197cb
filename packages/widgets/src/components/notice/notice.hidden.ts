import type { Notice } from '@kontakt/core';

/** The `localStorage` key: one per origin, for every department and server (ids are unique). */
export const HIDDEN_KEY = 'kontakt:hidden-notices';

/** So the list cannot grow without end; the oldest entries go first. */
const MAX_REMEMBERED = 50;

/** `id → updatedAt` of the notices the person hid, in the order they hid them. */
type Hidden = Record<string, string>;

/**
 * The notices a person has hidden, remembered in `localStorage` only once they hide one: nothing
 * is written before (ePrivacy). A notice is hidden for the version the person saw: once changed
 * (a new `updatedAt`) it shows again. Storage that is blocked or full is ignored; then a notice
 * stays hidden until the page is left.
 */
export class HiddenNotices {
  /** Hidden on this page even when storage could not keep it. */
  readonly #local: Hidden = {};

  /** True when the person hid this version of `notice`. */
  has(notice: Notice): boolean {
    const hidden = { ...read(), ...this.#local };
    return hidden[notice.id] === notice.updatedAt;
  }

  /** Remembers that the person hid `notice` (this version of it). */
  add(notice: Notice): void {
    this.#local[notice.id] = notice.updatedAt;
    const hidden = read();
    delete hidden[notice.id];
    hidden[notice.id] = notice.updatedAt;
    // All but the newest MAX_REMEMBERED (none while there are no more than that).
    for (const id of Object.keys(hidden).slice(0, -MAX_REMEMBERED)) delete hidden[id];
    try {
      localStorage.setItem(HIDDEN_KEY, JSON.stringify(hidden));
    } catch {
      // Blocked or full: hidden for this page only.
    }
  }
}

function read(): Hidden {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? '{}');
    // Anything but an object is nothing hidden; a value that is not a version never matches one.
    return typeof value === 'object' && value && !Array.isArray(value) ? (value as Hidden) : {};
  } catch {
    return {};
  }
}
