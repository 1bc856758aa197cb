import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DepartmentInput, Receipt } from '@kontakt/core/schemas';
import { PublicCaseSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gataFaults } from '../faults/fixtures.js';
import type { TestServer, TestSession } from '../test-support/index.js';
import {
  createApiKey,
  gata,
  hashApiKey,
  signIn,
  skola,
  startTestServer,
  storeUnderTest,
  testAccounts,
} from '../test-support/index.js';
import { readCaseChanges } from '../test-support/streams.js';
import type { ForwardOptions } from './settings.js';

/*
 * Forwarding against a second kontakt server acting as the department's own Open311 system, on
 * the store under test (both servers): the downstream forwards its street-light reports to the
 * upstream's `/open311/v2` with an api key the upstream registers, through a proxy in this test
 * that can be down, answer 5xx, lose an answer or answer nonsense. An agent on the upstream
 * resolves the report; the downstream's citizen sees it live.
 */

const KEY = createApiKey();
let upstream: TestServer;
let downstream: TestServer;
let upstreamAnna: TestSession;
let proxy: Proxy;

/** What the proxy does with the next requests (`pass` forwards them). */
type Mode = 'pass' | 'down' | '503' | 'lose-answer' | 'garbage' | 'token';

interface Proxy {
  url: string;
  /** Modes for the coming requests matching `filter`, used up one per request; then `pass`. */
  plan(filter: (req: IncomingMessage) => boolean, ...modes: Mode[]): void;
  /** Requests the proxy saw, by method and path. */
  seen: string[];
  close(): Promise<void>;
}

async function startProxy(target: () => string): Promise<Proxy> {
  const plans: { filter: (req: IncomingMessage) => boolean; modes: Mode[] }[] = [];
  const seen: string[] = [];
  const tokens = new Map<string, string>();
  const server: Server = createServer(async (req, res) => {
    const key = req.headers['idempotency-key'];
    seen.push(`${req.method} ${req.url?.split('?')[0]}${typeof key === 'string' ? ` ${key}` : ''}`);
    const plan = plans.find((p) => p.filter(req) && p.modes.length > 0);
    const mode = plan?.modes.shift() ?? 'pass';
    if (mode === 'down') {
      req.socket.destroy();
      return;
    }
    if (mode === '503') return send(res, 503, '<html>Service Unavailable</html>', 'text/html');
    if (mode === 'garbage')
      return send(res, 200, '{"service_requests": "not a list"', 'text/plain');
    const tokenAsked = /\/tokens\/([^/.]+)\.json/.exec(req.url ?? '');
    if (tokenAsked) {
      const id = tokens.get(tokenAsked[1] ?? '');
      return send(
        res,
        200,
        JSON.stringify([{ service_request_id: id ?? null, token: tokenAsked[1] }]),
      );
    }
    const body = await readAll(req);
    const answer = await fetch(`${target()}${req.url}`, {
      method: req.method ?? 'GET',
      headers: headersOf(req),
      ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
    });
    const text = await answer.text();
    if (mode === 'lose-answer') return send(res, 502, 'Bad Gateway', 'text/plain');
    if (mode === 'token' && answer.ok) {
      const [created] = JSON.parse(text) as { service_request_id: string }[];
      const token = `t${tokens.size + 1}`;
      tokens.set(token, created?.service_request_id ?? '');
      return send(res, 200, JSON.stringify([{ token }]));
    }
    send(res, answer.status, text, answer.headers.get('content-type') ?? 'application/json');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    plan: (filter, ...modes) => plans.push({ filter, modes }),
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'accept', 'idempotency-key']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

const isPost = (req: IncomingMessage) => req.method === 'POST';
const isPoll = (req: IncomingMessage) =>
  req.method === 'GET' && (req.url ?? '').startsWith('/open311/v2/requests.json');

/** The downstream `gata`: street lights forwarded (through the proxy), potholes with a limit of 2 attempts. */
function forwardingDepartments(proxyUrl: string): DepartmentInput[] {
  const forward = (overrides: Partial<ForwardOptions> = {}): ForwardOptions => ({
    url: `${proxyUrl}/open311/v2/`,
    apiKey: { env: 'KONTAKT_TEST_GATA_OPEN311_KEY' },
    serviceCode: 'gata.gatubelysning',
    name: 'Gatukontorets driftsystem',
    pollIntervalSeconds: 1,
    retryDelaySeconds: 0.1,
    timeoutSeconds: 3,
    ...overrides,
  });
  const categories = gataFaults.categories.map((category) =>
    category.id === 'gatubelysning'
      ? { ...category, forward: forward() }
      : category.id === 'hal-i-gata'
        ? { ...category, forward: forward({ serviceCode: 'gata.hal-i-gata', maxAttempts: 2 }) }
        : category,
  );
  return [{ ...gata, faults: { ...gataFaults, categories } } as DepartmentInput, skola];
}

beforeAll(async () => {
  process.env.KONTAKT_TEST_GATA_OPEN311_KEY = KEY;
  upstream = await startTestServer({
    accounts: await testAccounts(),
    open311: { clients: [{ id: 'kontakt-nedstrom', hash: hashApiKey(KEY) }] },
    rateLimit: { windowMs: 60_000, max: 10_000 },
  });
  upstreamAnna = await signIn(upstream.url, 'anna');
  proxy = await startProxy(() => upstream.url);
  downstream = await startTestServer({
    departments: forwardingDepartments(proxy.url),
    lookupLimit: { windowMs: 60_000, max: 1000, burst: 1000 },
  });
});

afterAll(async () => {
  await downstream?.close();
  await proxy?.close();
  await upstream?.close();
  delete process.env.KONTAKT_TEST_GATA_OPEN311_KEY;
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

async function report(
  category: 'gatubelysning' | 'hal-i-gata' | 'klotter',
  contact?: Record<string, string>,
): Promise<Receipt> {
  const answers =
    category === 'gatubelysning'
      ? { hur: 'slackt', stolpnummer: 'B-1234', antal: 2, var: ['gata', 'gangvag'] }
      : {};
  const answer = await fetch(
    `${downstream.url}/v1/faults`,
    json({
      origin: {
        department: 'gata',
        pageUrl: 'https://gata.example.se/felanmalan',
        widget: 'kc-fault-report',
      },
      report: {
        category,
        description: 'Lampan utanför nummer 12 är släckt.',
        answers,
        location: { lat: 55.603512, lon: 13.001187, address: 'Södergatan 12' },
        ...(contact ? { contact } : { anonymous: true }),
      },
    }),
  );
  expect(answer.status).toBe(201);
  return (await answer.json()) as Receipt;
}

const forwardOf = (reference: string) =>
  downstream.database.inspect((db) =>
    db
      .selectFrom('open311_forwards')
      .selectAll()
      .where('case_reference', '=', reference)
      .executeTakeFirst(),
  );

/** Waits until `check` answers something (the forwarder and the poller run on their own). */
async function until<T>(check: () => Promise<T | undefined | false>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const forwarded = (reference: string) =>
  until(async () => {
    const row = await forwardOf(reference);
    return row?.state === 'forwarded' && row.service_request_id ? row : undefined;
  });

const publicCase = async (receipt: Receipt) => {
  const answer = await fetch(`${downstream.url}/v1/cases/${receipt.reference}`, {
    headers: { Authorization: `Bearer ${receipt.receiptToken}` },
  });
  expect(answer.status).toBe(200);
  return PublicCaseSchema.parse(await answer.json());
};

const upstreamCases = (reference: string) =>
  upstream.database.inspect((db) =>
    db
      .selectFrom('cases')
      .innerJoin('fault_reports', 'fault_reports.case_reference', 'cases.reference')
      .select([
        'cases.reference',
        'cases.message',
        'cases.topic',
        'fault_reports.answers',
        'fault_reports.lat',
        'fault_reports.address',
      ])
      .where('cases.widget', '=', 'open311')
      .where('cases.reference', '=', reference)
      .execute(),
  );

const upstreamCaseCount = () =>
  upstream.database.inspect(async (db) => {
    const rows = await db.selectFrom('cases').select('reference').execute();
    return rows.length;
  });

describe('forwarding a fault report to an Open311 system', () => {
  it('files it upstream, says so to the citizen, and brings the upstream resolution back live', async () => {
    const receipt = await report('gatubelysning', {
      name: 'Karin Anna Lind',
      email: 'karin.lind@example.se',
    });
    const row = await forwarded(receipt.reference);
    const upstreamId = row.service_request_id as string;

    // Upstream holds it as a case of its own, with the answers, place and contact given.
    const [filed] = await upstreamCases(upstreamId);
    expect(filed?.topic).toBe('gatubelysning');
    expect(JSON.parse(filed?.answers ?? '{}')).toMatchObject({
      hur: 'slackt',
      stolpnummer: 'B-1234',
      var: ['gata', 'gangvag'],
    });
    expect(filed?.lat).toBeCloseTo(55.603512, 5);
    expect(filed?.address).toBe('Södergatan 12');
    expect(JSON.parse(filed?.message ?? '{}')).toMatchObject({
      message: 'Lampan utanför nummer 12 är släckt.',
      name: 'Karin Anna Lind',
      email: 'karin.lind@example.se',
    });

    // The citizen sees where it went.
    const seen = await publicCase(receipt);
    expect(seen.status).toBe('forwarded');
    expect(seen.timeline.at(-1)).toMatchObject({
      status: 'forwarded',
      note: 'Skickat vidare till Gatukontorets driftsystem',
    });

    // Watching the tracker's stream while an agent upstream resolves it.
    const open = await fetch(`${downstream.url}/v1/cases/${receipt.reference}/stream`, {
      headers: { Authorization: `Bearer ${receipt.receiptToken}` },
    });
    expect(open.status).toBe(200);
    // The stream begins with the changes so far (received, forwarded), then the live ones.
    const live = readCaseChanges(
      open,
      (found) => found.some((change) => change.case.status === 'resolved'),
      15_000,
    ).then((found) => found.map((change) => change.case));
    const resolved = await fetch(
      `${upstream.url}/v1/agent/cases/${upstreamId}/status`,
      json(
        { status: 'resolved', visibility: 'public', note: 'Lampan är bytt.' },
        upstreamAnna.headers,
      ),
    );
    expect(resolved.status).toBe(200);
    const told = await live;
    expect(told.map((change) => change.status)).toContain('forwarded');
    const changed = told.at(-1);
    expect(changed?.status).toBe('resolved');
    expect(changed?.timeline.at(-1)?.status).toBe('resolved');
    expect(changed?.timeline.at(-1)?.note).toContain('Lampan är bytt.');
    expect((await forwardOf(receipt.reference))?.state).toBe('done');

    // The agents downstream see both steps in the case's timeline.
    const entries = await downstream.database.inspect((db) =>
      db
        .selectFrom('case_entries')
        .select(['kind', 'data', 'actor_id'])
        .where('case_reference', '=', receipt.reference)
        .orderBy('seq')
        .execute(),
    );
    const statuses = entries
      .filter((entry) => entry.kind === 'status')
      .map((entry) => JSON.parse(entry.data).status);
    expect(statuses).toEqual(['forwarded', 'resolved']);
  });

  it('never shows the forward settings in the public catalog', async () => {
    const catalog = await (await fetch(`${downstream.url}/v1/departments/gata/faults`)).text();
    expect(catalog).toContain('gatubelysning');
    expect(catalog).not.toContain('forward');
    expect(catalog).not.toContain(KEY);
  });

  it('sends no contact details of an anonymous report, and leaves other categories here', async () => {
    const anonymous = await report('gatubelysning');
    const row = await forwarded(anonymous.reference);
    const [filed] = await upstreamCases(row.service_request_id as string);
    const message = JSON.parse(filed?.message ?? '{}') as Record<string, unknown>;
    expect(message.email).toBeUndefined();
    expect(message.name).toBeUndefined();

    const kept = await report('klotter');
    expect(await forwardOf(kept.reference)).toBeUndefined();
    expect((await publicCase(kept)).status).toBe('received');
  });

  it('retries while upstream is down or failing, and files the report once', async () => {
    const before = await upstreamCaseCount();
    // Down, then a 503, then an answer lost on the way back after upstream filed it.
    proxy.plan(isPost, 'down', '503', 'lose-answer');
    const receipt = await report('gatubelysning');
    const row = await forwarded(receipt.reference);
    expect(row.attempts).toBe(4);
    // The lost answer's retry carried the same Idempotency-Key: upstream filed it once.
    expect(await upstreamCaseCount()).toBe(before + 1);
    expect(await upstreamCases(row.service_request_id as string)).toHaveLength(1);
  });

  it('asks for the id of a token upstream answered instead of one', async () => {
    proxy.plan(isPost, 'token');
    const receipt = await report('gatubelysning');
    const row = await forwarded(receipt.reference);
    expect(row.token).toMatch(/^t\d+$/);
    expect(await upstreamCases(row.service_request_id as string)).toHaveLength(1);
  });

  it('gives up after the attempts allowed and tells the agents', async () => {
    proxy.plan(isPost, 'down', 'down');
    const receipt = await report('hal-i-gata');
    const row = await until(async () => {
      const found = await forwardOf(receipt.reference);
      return found?.state === 'failed' ? found : undefined;
    });
    expect(row.attempts).toBe(2);
    const notes = await downstream.database.inspect((db) =>
      db
        .selectFrom('case_entries')
        .select('data')
        .where('case_reference', '=', receipt.reference)
        .where('kind', '=', 'note')
        .execute(),
    );
    expect(JSON.parse(notes[0]?.data ?? '{}').text).toMatch(
      /^Kunde inte skickas vidare till Gatukontorets driftsystem: cannot reach it/,
    );
    expect((await publicCase(receipt)).status).toBe('received');
  });

  it('keeps polling through unreadable and failed answers', async () => {
    const receipt = await report('gatubelysning');
    const row = await forwarded(receipt.reference);
    const polls = () =>
      proxy.seen.filter((line) => line.startsWith('GET /open311/v2/requests.json'));
    const start = polls().length;
    proxy.plan(isPoll, 'garbage', '503', 'down');
    await until(async () => polls().length >= start + 4);
    const resolved = await fetch(
      `${upstream.url}/v1/agent/cases/${row.service_request_id}/status`,
      json({ status: 'resolved', visibility: 'public' }, upstreamAnna.headers),
    );
    expect(resolved.status).toBe(200);
    await until(async () => (await publicCase(receipt)).status === 'resolved');
  });
});

// Several instances share one database only on PostgreSQL (the embedded store is one process).
describe.runIf(storeUnderTest === 'postgres')('forwarding with two instances', () => {
  it('sends each report once although both instances forward', async () => {
    const second = await startTestServer({
      database: downstream.database,
      departments: forwardingDepartments(proxy.url),
      instanceId: 'downstream-2',
    });
    try {
      const receipts: Receipt[] = [];
      for (let i = 0; i < 8; i++) {
        const via = i % 2 === 0 ? downstream : second;
        const answer = await fetch(
          `${via.url}/v1/faults`,
          json({
            origin: { department: 'gata', pageUrl: 'https://gata.example.se/f', widget: 'x' },
            report: {
              category: 'klotter',
              description: `Klotter ${i}`,
              answers: {},
              location: { address: `Storgatan ${i}` },
              anonymous: true,
            },
          }),
        );
        expect(answer.status).toBe(201);
        receipts.push((await answer.json()) as Receipt);
      }
      // Klotter stays here; each street light wakes both instances' forwarders, which compete.
      const lights: Receipt[] = [];
      for (let i = 0; i < 8; i++) lights.push(await report('gatubelysning'));
      for (const receipt of lights) await forwarded(receipt.reference);
      for (const receipt of lights) {
        const posts = proxy.seen.filter((line) =>
          line.endsWith(` kontakt-forward-${receipt.reference}`),
        );
        expect(posts).toEqual([
          `POST /open311/v2/requests.json kontakt-forward-${receipt.reference}`,
        ]);
      }
      for (const receipt of receipts) expect(await forwardOf(receipt.reference)).toBeUndefined();
    } finally {
      await second.close();
    }
  });
});
