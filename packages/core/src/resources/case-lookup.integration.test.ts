// client.cases.lookup / watch / follow against the real reference server: a case opened with
// its receipt token or address, an agent's status change (through the agent API) arriving
// through watch(), and following someone else's open fault report.

import { createServer } from 'node:net';
import type { TestServer, TestSession } from '@kontakt/server/test-support';
import {
  createTestDatabase,
  signIn,
  startTestServer,
  testAccounts,
  validFaultSubmission,
  validSubmission,
} from '@kontakt/server/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import type { KontaktError } from '../errors/KontaktError.js';
import type { ValidationError } from '../errors/ValidationError.js';
import type { PublicCase, Receipt } from '../schemas/index.js';
import type { CaseChangeEvent, CaseWatchErrorEvent } from './case-watch.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(): Promise<{ api: TestServer; anna: TestSession }> {
  server = await startTestServer({
    accounts: await testAccounts(),
    lookupLimit: { windowMs: 60_000, max: 100, burst: 100 },
    events: { heartbeatMs: 1_000, retryMs: 100 },
  });
  return { api: server, anna: await signIn(server.url, 'anna') };
}

const clientFor = (api: TestServer) =>
  createClient({ endpoint: api.url, department: 'gata', outbox: false, retry: 0 });

async function sendCase(api: TestServer): Promise<Receipt> {
  const answer = await fetch(`${api.url}/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(validSubmission({ email: 'Anna.Andersson@example.se' })),
  });
  return (await answer.json()) as Receipt;
}

async function setStatus(api: TestServer, anna: TestSession, reference: string, status: string) {
  const answer = await fetch(`${api.url}/v1/agent/cases/${reference}/status`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...anna.headers },
    body: JSON.stringify({ status, visibility: 'public', note: 'Vi har svarat dig per e-post.' }),
  });
  expect(answer.status).toBe(200);
}

/** Resolves with the next `change` the watch dispatches that passes `until`. */
const nextChange = (watch: EventTarget, until: (found: PublicCase) => boolean) =>
  new Promise<PublicCase>((resolve) => {
    const listener = (event: Event) => {
      const found = (event as CaseChangeEvent).case;
      if (!until(found)) return;
      watch.removeEventListener('change', listener);
      resolve(found);
    };
    watch.addEventListener('change', listener);
  });

describe('client.cases.lookup', () => {
  it('opens a case with its receipt token, or with the address it was sent with', async () => {
    const { api } = await start();
    const receipt = await sendCase(api);
    const client = clientFor(api);

    const byToken = await client.cases.lookup(receipt.reference.toLowerCase(), {
      token: receipt.receiptToken,
    });
    expect(byToken.accessToken).toBe(receipt.receiptToken);
    expect(byToken.case).toMatchObject({ reference: receipt.reference, status: 'received' });

    const byEmail = await client.cases.lookup(receipt.reference, {
      email: 'anna.andersson@EXAMPLE.se',
    });
    expect(byEmail.case.reference).toBe(receipt.reference);
    expect(byEmail.accessToken).not.toBe(receipt.receiptToken);
  });

  it('rejects a wrong address as an unknown case, and a non-reference without a request', async () => {
    const { api } = await start();
    const receipt = await sendCase(api);
    let requests = 0;
    const client = createClient({
      endpoint: api.url,
      department: 'gata',
      outbox: false,
      retry: 0,
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    const wrong = (await client.cases
      .lookup(receipt.reference, { email: 'someone@example.se' })
      .catch((error: unknown) => error)) as KontaktError;
    expect(wrong).toMatchObject({ code: 'case_not_found', status: 404 });

    const before = requests;
    const invalid = (await client.cases
      .lookup('not a reference', { token: receipt.receiptToken })
      .catch((error: unknown) => error)) as ValidationError;
    expect(invalid.kind).toBe('ValidationError');
    expect(invalid.fieldErrors).toEqual([
      { field: 'reference', pointer: '/reference', code: 'invalid_reference' },
    ]);
    expect(() => client.cases.watch('nope', { accessToken: receipt.receiptToken })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
    expect(requests).toBe(before);
  });
});

describe('client.cases.watch', () => {
  it('yields the case, then an agent’s status change live, as events and as an iterator', async () => {
    const { api, anna } = await start();
    const receipt = await sendCase(api);
    const client = clientFor(api);
    const { accessToken } = await client.cases.lookup(receipt.reference, {
      email: 'anna.andersson@example.se',
    });
    const watch = client.cases.watch(receipt.reference, { accessToken });
    const iterator = watch[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ status: 'received' });

    const resolved = nextChange(watch, (found) => found.status === 'resolved');
    await setStatus(api, anna, receipt.reference, 'resolved');
    const found = await resolved;
    expect(found.timeline.at(-1)).toMatchObject({
      status: 'resolved',
      note: 'Vi har svarat dig per e-post.',
    });
    expect((await iterator.next()).value).toMatchObject({ status: 'resolved' });
    expect(watch.case?.status).toBe('resolved');
    watch.close();
    expect((await iterator.next()).done).toBe(true);
  });

  it('reconnects to a server that came back, and goes on from where it was', async () => {
    const database = await createTestDatabase();
    const port = await freePort();
    const options = {
      database,
      port,
      accounts: await testAccounts(),
      events: { heartbeatMs: 1_000, retryMs: 100 },
    };
    let api = await startTestServer(options);
    try {
      const receipt = await sendCase(api);
      const watch = clientFor(api).cases.watch(receipt.reference, {
        accessToken: receipt.receiptToken,
      });
      const statuses: string[] = [];
      watch.addEventListener('change', (event) =>
        statuses.push((event as CaseChangeEvent).case.status),
      );
      const taken = nextChange(watch, (found) => found.status === 'in_progress');
      await setStatus(api, await signIn(api.url, 'anna'), receipt.reference, 'in_progress');
      await taken;

      // The server goes away (its streams told to reconnect) and comes back on the same address.
      await api.close();
      api = await startTestServer(options);
      const resolved = nextChange(watch, (found) => found.status === 'resolved');
      await setStatus(api, await signIn(api.url, 'anna'), receipt.reference, 'resolved');
      await resolved;
      // Each status once: nothing seen again after the reconnection.
      expect(statuses).toEqual(['received', 'in_progress', 'resolved']);
      watch.close();
    } finally {
      await api.close();
      await database.remove();
    }
  });

  it('reads and follows through the client’s fetch, the token in a header, never in a URL', async () => {
    const { api, anna } = await start();
    const receipt = await sendCase(api);
    const seen: { url: string; authorization: string | null }[] = [];
    const client = createClient({
      endpoint: api.url,
      department: 'gata',
      outbox: false,
      retry: 0,
      fetch: (input, init) => {
        const request = new Request(input, init);
        seen.push({ url: request.url, authorization: request.headers.get('authorization') });
        return fetch(request);
      },
    });
    const watch = client.cases.watch(receipt.reference, { accessToken: receipt.receiptToken });
    const taken = nextChange(watch, (found) => found.status === 'in_progress');
    await setStatus(api, anna, receipt.reference, 'in_progress');
    await taken;
    watch.close();
    expect(seen.map((each) => new URL(each.url).pathname)).toEqual([
      `/v1/cases/${receipt.reference}`,
      `/v1/cases/${receipt.reference}/stream`,
    ]);
    for (const each of seen) {
      expect(each.authorization).toBe(`Bearer ${receipt.receiptToken}`);
      expect(each.url).not.toContain(receipt.receiptToken);
    }
  });

  it('ends with a final error when the token does not open the case', async () => {
    const { api } = await start();
    const receipt = await sendCase(api);
    const other = await sendCase(api);
    const watch = clientFor(api).cases.watch(receipt.reference, {
      accessToken: other.receiptToken,
    });
    const failed = await new Promise<CaseWatchErrorEvent>((resolve) =>
      watch.addEventListener('error', (event) => resolve(event as CaseWatchErrorEvent)),
    );
    expect(failed.willRetry).toBe(false);
    expect(failed.error.code).toBe('case_not_found');
    expect((await watch[Symbol.asyncIterator]().next()).done).toBe(true);
  });
});

describe('client.cases.follow', () => {
  it('follows an open fault report and watches it with the follower’s token', async () => {
    const { api, anna } = await start();
    const sent = await fetch(`${api.url}/v1/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        origin: {
          department: 'gata',
          pageUrl: 'https://gata.example.se/felanmalan',
          widget: 'kc-fault-report',
        },
        report: {
          category: 'gatubelysning',
          description: 'Lampan utanför nummer 12 är släckt.',
          answers: { hur: 'slackt', stolpnummer: 'B-1234', antal: 2, var: ['gata'] },
          location: { lat: 55.6035, lon: 13.0011 },
          anonymous: true,
        },
      }),
    });
    const receipt = (await sent.json()) as Receipt;
    const client = clientFor(api);
    const access = await client.cases.follow(receipt.reference, {
      email: 'bo.ek@example.se',
      locale: 'en',
    });
    expect(access.case).toMatchObject({ reference: receipt.reference, channel: 'fault_report' });

    const watch = client.cases.watch(receipt.reference, { accessToken: access.accessToken });
    const inProgress = nextChange(watch, (found) => found.status === 'in_progress');
    await setStatus(api, anna, receipt.reference, 'in_progress');
    expect((await inProgress).reference).toBe(receipt.reference);
    watch.close();

    await client.cases.unfollow(receipt.reference, { accessToken: access.accessToken });
    const again = (await client.cases
      .unfollow(receipt.reference, { accessToken: access.accessToken })
      .catch((error: unknown) => error)) as KontaktError;
    expect(again).toMatchObject({ code: 'case_not_found', status: 404 });
  });
});

describe('client.cases.addMessage', () => {
  /** The citizen's later messages on the agents' timeline of `reference`. */
  const laterMessages = (api: TestServer, reference: string) =>
    api.database.inspect((db) =>
      db
        .selectFrom('case_entries')
        .select('data')
        .where('case_reference', '=', reference)
        .where('kind', '=', 'message_in')
        .execute(),
    );

  it('answers a case waiting for its sender: back in progress, seen live, one message per key', async () => {
    const { api, anna } = await start();
    const receipt = await sendCase(api);
    await setStatus(api, anna, receipt.reference, 'waiting_for_citizen');
    const client = clientFor(api);
    const { accessToken } = await client.cases.lookup(receipt.reference, {
      email: 'anna.andersson@example.se',
    });
    const watch = client.cases.watch(receipt.reference, { accessToken });
    await nextChange(watch, (found) => found.status === 'waiting_for_citizen');
    const inProgress = nextChange(watch, (found) => found.status === 'in_progress');

    const options = { accessToken, idempotencyKey: 'svar-1' };
    const found = await client.cases.addMessage(
      receipt.reference,
      { text: 'Nummer 4711.' },
      options,
    );
    expect(found).toMatchObject({ reference: receipt.reference, status: 'in_progress' });
    expect(found.timeline.at(-1)).toEqual({ status: 'in_progress', at: expect.any(String) });
    expect((await inProgress).timeline).toEqual(found.timeline);

    // Sent again (the first answer lost, say): the same answer, still one message.
    const again = await client.cases.addMessage(
      receipt.reference,
      { text: 'Nummer 4711.' },
      options,
    );
    expect(again).toEqual(found);
    watch.close();
    const stored = await laterMessages(api, receipt.reference);
    expect(stored.map((row) => JSON.parse(row.data) as unknown)).toEqual([
      { channel: 'web_form', text: 'Nummer 4711.' },
    ]);
  });

  it('rejects a follower’s token as an unknown case, and a finished case with case_finished', async () => {
    const { api, anna } = await start();
    const receipt = await sendCase(api);
    const client = clientFor(api);
    const sent = await fetch(`${api.url}/v1/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(validFaultSubmission()),
    });
    const fault = (await sent.json()) as Receipt;
    const { accessToken } = await client.cases.follow(fault.reference);
    const notTheirs = (await client.cases
      .addMessage(fault.reference, { text: 'Hej' }, { accessToken })
      .catch((error: unknown) => error)) as KontaktError;
    expect(notTheirs).toMatchObject({ code: 'case_not_found', status: 404 });

    await setStatus(api, anna, receipt.reference, 'resolved');
    const finished = (await client.cases
      .addMessage(receipt.reference, { text: 'Hej' }, { accessToken: receipt.receiptToken })
      .catch((error: unknown) => error)) as KontaktError;
    expect(finished).toMatchObject({ code: 'case_finished', status: 409 });
    expect(await laterMessages(api, fault.reference)).toEqual([]);
    expect(await laterMessages(api, receipt.reference)).toEqual([]);
  });
});

/** A port nothing listens on now, for a server that is stopped and started again on it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
