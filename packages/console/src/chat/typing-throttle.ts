/** How often "still typing" is told while one types. */
export const TYPING_EVERY_MS = 3000;
/** Quiet this long after the last key, typing has stopped. */
export const TYPING_IDLE_MS = 4000;

/**
 * Turns keystrokes into few typing signals: `true` at the first key and again at most every
 * `TYPING_EVERY_MS` while keys come, `false` once they stop for `TYPING_IDLE_MS` or the message
 * is sent (`stop()`). The other side shows "typing" from them; the server does not keep them.
 */
export class TypingThrottle {
  #last = 0;
  #typing = false;
  #idle: ReturnType<typeof setTimeout> | undefined;
  readonly #tell: (on: boolean) => void;

  constructor(tell: (on: boolean) => void) {
    this.#tell = tell;
  }

  /** A key was typed. */
  input(now = Date.now()): void {
    if (!this.#typing || now - this.#last >= TYPING_EVERY_MS) {
      this.#typing = true;
      this.#last = now;
      this.#tell(true);
    }
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  /** Typing stopped (sent, left, idle): told once. */
  stop(): void {
    clearTimeout(this.#idle);
    if (!this.#typing) return;
    this.#typing = false;
    this.#tell(false);
  }
}
