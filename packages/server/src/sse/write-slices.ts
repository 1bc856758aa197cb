/**
 * Spreads the writes of many streams over turns of the event loop: at most `perTurn` run in one
 * turn, the rest in the turns after (`setImmediate`), in the order they came. One event for
 * 5,000 open streams is 5,000 socket writes, some 60 ms of system calls on a small machine: in
 * slices, requests, timers and `drain`s are served between them instead of waiting for all.
 */
export function createWriteSlices(perTurn: number): (write: () => void) => void {
  let used = 0;
  let waiting: (() => void)[] = [];
  let scheduled = false;
  const schedule = () => {
    scheduled = true;
    setImmediate(next);
  };

  function next() {
    scheduled = false;
    used = 0;
    // In place: a write that schedules another one (while this list is not empty) queues it last.
    let index = 0;
    while (index < waiting.length && used < perTurn) {
      used++;
      (waiting[index++] as () => void)();
    }
    waiting = waiting.slice(index);
    // Also after a turn that wrote: the count starts again in the next one.
    if (waiting.length > 0 || used > 0) schedule();
  }

  return (write) => {
    if (used < perTurn && waiting.length === 0) {
      used++;
      write();
    } else {
      waiting.push(write);
    }
    if (!scheduled) schedule();
  };
}
