import { afterEach, describe, expect, it } from 'vitest';
import { signIn, testAccounts } from '../test-support/agents.js';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';

// An agent's event stream must not outlive the session it was opened with.

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Reads an event stream's text until `until` is in it (or `timeoutMs` passes). */
async function readUntil(response: Response, until: string, timeoutMs = 10_000): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (!text.includes(until) && Date.now() < deadline) {
      const next = await Promise.race([
        reader.read(),
        new Promise<undefined>((resolve) => setTimeout(resolve, deadline - Date.now())),
      ]);
      if (!next || next.done) break;
      text += decoder.decode(next.value, { stream: true });
    }
    return text;
  } finally {
    await reader.cancel().catch(() => {});
  }
}

describe('GET /v1/agent/inbox/stream', () => {
  it('ends when the session would expire, and the reconnect is refused', async () => {
    let now = Date.parse('2027-03-01T08:00:00Z');
    const idleMs = 60_000;
    server = await startTestServer({
      accounts: await testAccounts(),
      now: () => new Date(now),
      session: { idleMs, absoluteMs: 3_600_000 },
    });
    const session = await signIn(server.url, 'anna');

    // Opened with 500 ms of the session left (by the server's clock).
    now += idleMs - 500;
    const opened = Date.now();
    const stream = await fetch(`${server.url}/v1/agent/inbox/stream`, {
      headers: session.headers,
    });
    expect(stream.status).toBe(200);
    now += 1_000;
    const text = await readUntil(stream, 'kontakt.reconnect');
    expect(text).toContain('event: kontakt.reconnect\ndata: {"reason":"recheck"}');
    expect(Date.now() - opened).toBeLessThan(5_000);

    // The client comes back: its session is over now.
    const again = await fetch(`${server.url}/v1/agent/inbox/stream`, { headers: session.headers });
    expect(again.status).toBe(401);
  });
});
