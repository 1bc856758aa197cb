import type { Store } from '../store/store.js';

/**
 * Wraps a real store so that `createCase` waits at a gate: tests hold a request in flight (to send
 * a duplicate meanwhile, or to close the server under it) and then let it finish.
 */
export function gatedStore(real: Store): {
  store: Store;
  /** Resolves once a request has reached `createCase`. */
  storing: Promise<void>;
  /** Lets the waiting `createCase` go on. */
  release: () => void;
} {
  let entered = () => {};
  const storing = new Promise<void>((resolve) => {
    entered = resolve;
  });
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const store: Store = {
    ...real,
    async createCase(input, idempotency) {
      entered();
      await gate;
      return real.createCase(input, idempotency);
    },
  };
  return { store, storing, release };
}
