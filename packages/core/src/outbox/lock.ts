/** Tasks waiting for each lock name in this copy of the SDK, where Web Locks are missing. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` holding the exclusive Web Lock `name`, waiting for it: every tab and every copy of
 * the SDK on the origin takes turns. Where Web Locks are missing (Node, old browsers), only this
 * copy's tasks take turns.
 */
export function exclusive<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(name, () => task());
  // The queue holds settled promises only, so one failed task never stops the next.
  const result = (queues.get(name) ?? Promise.resolve()).then(task);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(name, settled);
  void settled.then(() => {
    if (queues.get(name) === settled) queues.delete(name);
  });
  return result;
}

/**
 * Runs `task` holding the Web Lock `name` when nobody holds it, and resolves with `undefined`
 * without running it when somebody does (another tab is doing the same work). Where Web Locks are
 * missing, it always runs.
 */
export function ifAvailable<T>(name: string, task: () => Promise<T>): Promise<T | undefined> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return task();
  return locks.request(name, { ifAvailable: true }, (lock) => (lock ? task() : undefined));
}
