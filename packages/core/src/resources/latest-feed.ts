/**
 * What every live feed of the client shares (`client.notices.watch()`, `client.cases.watch()`):
 * an `EventTarget` whose async iterator yields the newest value after every change — a slow
 * reader skips values that are already out of date — and ends when the feed is closed. A feed
 * class starts its stream, hands `stopWith` what stops it, and passes each new value to `deliver`
 * after dispatching its own `change` event.
 */
export class LatestFeed<T> extends EventTarget implements AsyncIterable<T> {
  #stop: () => void = () => {};
  #closed = false;
  #waiting: ((result: IteratorResult<T>) => void)[] = [];
  /** The newest value no iterator has taken yet (older ones are out of date). */
  #unread: T | undefined;

  /** True once `close()` has been called. */
  protected get closed(): boolean {
    return this.#closed;
  }

  /** What `close()` stops: the stream the feed started. */
  protected stopWith(stop: () => void): void {
    this.#stop = stop;
  }

  /** Gives `value` to a waiting iterator, or keeps it for the next `next()`. */
  protected deliver(value: T): void {
    const next = this.#waiting.shift();
    if (next) next({ value, done: false });
    else this.#unread = value;
  }

  /** Stops following; iterators end. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stop();
    for (const resolve of this.#waiting.splice(0)) resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        const unread = this.#unread;
        this.#unread = undefined;
        if (unread) return Promise.resolve({ value: unread, done: false });
        if (this.#closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => this.#waiting.push(resolve));
      },
      return: () => {
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
