/*
 * Real reference servers for the SDK's integration tests, and whatever else a test must undo:
 * `afterEach(cleanUp)` closes what a test started (a test may close a server itself first, to
 * play "server down") and runs its other clean-up tasks, last first.
 */
import type { TestServer } from '@kontakt/server/test-support';
import { startTestServer } from '@kontakt/server/test-support';

const tasks: Array<() => Promise<unknown>> = [];

/** Runs `task` after the current test, with the others, last first. */
export function afterThisTest(task: () => Promise<unknown>): void {
  tasks.push(task);
}

/** Closes the servers and runs the tasks of the test that just ran. */
export async function cleanUp(): Promise<void> {
  for (const task of tasks.splice(0).reverse()) await task();
}

/** A real server on a random port (see `startTestServer`), closed after the test. */
export async function server(
  options: Parameters<typeof startTestServer>[0] = {},
): Promise<TestServer> {
  const running = await startTestServer(options);
  let closed = false;
  afterThisTest(async () => {
    if (!closed) await running.close();
  });
  return {
    ...running,
    async close() {
      closed = true;
      await running.close();
    },
  };
}
