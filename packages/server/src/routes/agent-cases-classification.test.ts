import type { AgentCase, AgentCasePage, ClassificationList } from '@kontakt/core/agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassificationConfig } from '../agent-cases/classification.js';
import { ConfigError } from '../config-error.js';
import { agentClientFor, agentRequests, submitCase } from '../test-support/agent-http.js';
import type { TestServer, TestSession } from '../test-support/index.js';
import {
  caseAudit,
  caseColumns,
  signIn,
  startTestServer,
  testAccounts,
} from '../test-support/index.js';

/*
 * Classifying a case in its department's three-level tree over real HTTP on the store under test:
 * the labels staff pick from (without the escalation addresses), the action with its checks,
 * version, scope, timeline and audit entry, the inbox's filter by a label and its subtree, and
 * the e-mail a label that escalates sends — once per address, and without the citizen's data.
 */

const TRAFFIC_SAFETY = 'trafiksakerhet@gata.malmo.example';
const ROUTE_TO_SCHOOL = 'skolvag@gata.malmo.example';

const label = (id: string, sv: string, more: Record<string, unknown> = {}) => ({
  id,
  name: { sv, en: `${sv} (en)` },
  ...more,
});

const CLASSIFICATION: ClassificationConfig = {
  gata: [
    label('gata-och-trafik', 'Gata och trafik', {
      children: [
        label('parkering', 'Parkering', {
          children: [
            label('boendeparkering', 'Boendeparkering'),
            label('felparkering', 'Felparkering'),
          ],
        }),
        label('trafiksakerhet', 'Trafiksäkerhet', {
          escalationEmail: TRAFFIC_SAFETY,
          children: [
            label('hastighet', 'Höga hastigheter'),
            label('skymd-sikt', 'Skymd sikt'),
            label('skolvag', 'Skolväg', { escalationEmail: ROUTE_TO_SCHOOL }),
          ],
        }),
      ],
    }),
    // Three categories whose ids start alike: the filter by one must not take the others.
    label('park', 'Park och natur', {
      children: [label('lekplatser', 'Lekplatser', { children: [label('gungor', 'Gungor')] })],
    }),
    label('parkeringsbolag', 'Parkeringsbolaget'),
    label('park-skotsel', 'Parkskötsel'),
  ],
  skola: [label('skolskjuts', 'Skolskjuts', { children: [label('ansokan', 'Ansökan')] })],
};

let server: TestServer;
let anna: TestSession;
let sven: TestSession;

beforeAll(async () => {
  server = await startTestServer({
    accounts: await testAccounts(),
    classification: CLASSIFICATION,
  });
  anna = await signIn(server.url, 'anna');
  sven = await signIn(server.url, 'sven');
});

afterAll(async () => {
  await server?.close();
});

/** A citizen's message no other test's mail could hold. */
const CITIZEN = {
  name: 'Birgitta Fransson',
  email: 'birgitta.fransson@example.se',
  phone: '070-987 65 43',
  message: 'Bilarna kör alldeles för fort förbi förskolan på Lundavägen 14.',
};

const submit = (message: Record<string, unknown> = {}) => submitCase(server.url, message);
const agent = (session = anna) => agentRequests(server.url, session);
const read = (reference: string) => agent().read(reference);

/** `POST …/classification` with `body`, and `If-Match` when a version is given. */
const classify = (reference: string, body: unknown, session = anna, ifMatch?: string) =>
  fetch(`${server.url}/v1/agent/cases/${reference}/classification`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...session.headers,
      ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }),
    },
    body: JSON.stringify(body),
  });

async function classifyAs(
  reference: string,
  path: string[] | null,
  session = anna,
): Promise<AgentCase> {
  const response = await classify(reference, { path }, session);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as AgentCase;
}

const stored = (reference: string) =>
  caseColumns(server.database, reference, ['classification', 'version']);

const auditOf = (reference: string) => caseAudit(server.database, reference);

const mailsOf = (reference: string) =>
  server.database.inspect((db) =>
    db
      .selectFrom('mail_outbox')
      .select(['id', 'recipient', 'subject', 'body'])
      .where('case_reference', '=', reference)
      .orderBy('queued_at')
      .orderBy('id')
      .execute(),
  );

async function inbox(query: string, session = anna): Promise<AgentCasePage> {
  const response = await fetch(`${server.url}/v1/agent/cases?${query}`, {
    headers: session.headers,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as AgentCasePage;
}

/** A word no other case of this server has, so a search finds only this test's cases. */
const uniqueWord = () => `klass${Math.random().toString(36).slice(2, 10)}`;

describe('GET /v1/agent/classification', () => {
  it("lists each department's labels, parents first, escalates marked, never an address", async () => {
    const response = await fetch(`${server.url}/v1/agent/classification`, {
      headers: sven.headers,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).not.toContain('@');
    expect(text).not.toContain('escalationEmail');
    const list = JSON.parse(text) as ClassificationList;
    expect(list.departments.map((each) => each.department)).toEqual(['gata', 'skola']);
    const gata = list.departments[0]?.labels ?? [];
    expect(gata.slice(0, 5)).toEqual([
      {
        id: 'gata-och-trafik',
        name: { sv: 'Gata och trafik', en: 'Gata och trafik (en)' },
        parent: null,
        escalates: false,
      },
      expect.objectContaining({ id: 'parkering', parent: 'gata-och-trafik', escalates: false }),
      expect.objectContaining({ id: 'boendeparkering', parent: 'parkering' }),
      expect.objectContaining({ id: 'felparkering', parent: 'parkering' }),
      expect.objectContaining({ id: 'trafiksakerhet', parent: 'gata-och-trafik', escalates: true }),
    ]);
    expect(gata.find((each) => each.id === 'skolvag')?.escalates).toBe(true);
    expect(gata.find((each) => each.id === 'hastighet')?.escalates).toBe(false);
  });

  it('needs a session', async () => {
    const response = await fetch(`${server.url}/v1/agent/classification`);
    expect(response.status).toBe(401);
  });

  it('is the SDK’s cases.classification()', async () => {
    const departments = await agentClientFor(server.url, anna).cases.classification();
    expect(departments.map((each) => each.department)).toEqual(['gata', 'skola']);
  });
});

describe("a case's classification", () => {
  it('is null on a new case: in the case and its inbox row', async () => {
    const reference = await submit();
    expect((await read(reference)).classification).toBeNull();
    expect((await agent().inboxRow(reference))?.classification).toBeNull();
  });

  it('set at each depth shows in the case, its inbox row, a timeline entry and the audit log', async () => {
    const reference = await submit();
    const response = await classify(reference, { path: ['gata-och-trafik'] }, anna, '"1"');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    const category = (await response.json()) as AgentCase;
    expect(category).toMatchObject({ classification: ['gata-och-trafik'], version: 2 });
    expect(category.timeline.at(-1)).toEqual({
      kind: 'classification',
      seq: 1,
      at: expect.any(String),
      actor: { id: 'anna', name: 'Anna Agent' },
      path: ['gata-och-trafik'],
    });

    const type = await classifyAs(reference, ['gata-och-trafik', 'parkering']);
    expect(type.classification).toEqual(['gata-och-trafik', 'parkering']);
    const subtype = await classifyAs(reference, ['gata-och-trafik', 'parkering', 'felparkering']);
    expect(subtype).toMatchObject({
      classification: ['gata-och-trafik', 'parkering', 'felparkering'],
      version: 4,
    });
    expect(await agent().inboxRow(reference)).toMatchObject({
      classification: ['gata-och-trafik', 'parkering', 'felparkering'],
      version: 4,
    });
    expect(await stored(reference)).toEqual({
      classification: 'gata-och-trafik/parkering/felparkering',
      version: 4,
    });
    const audit = await auditOf(reference);
    expect(audit.map((entry) => [entry.agent_id, entry.action])).toEqual([
      ['anna', 'case.classified'],
      ['anna', 'case.classified'],
      ['anna', 'case.classified'],
    ]);
    expect(JSON.parse(audit[2]?.detail ?? '{}')).toEqual({
      path: ['gata-och-trafik', 'parkering', 'felparkering'],
    });
    // Nothing escalates here: no mail.
    expect(await mailsOf(reference)).toEqual([]);
    expect(subtype.mails).toEqual([]);
  });

  it('is taken away with null, an entry of its own', async () => {
    const reference = await submit();
    await classifyAs(reference, ['gata-och-trafik', 'parkering']);
    const cleared = await classifyAs(reference, null);
    expect(cleared.classification).toBeNull();
    expect(cleared.timeline.at(-1)).toMatchObject({ kind: 'classification', path: null });
    expect(await stored(reference)).toEqual({ classification: null, version: 3 });
    expect((await agent().inboxRow(reference))?.classification).toBeNull();
    const audit = await auditOf(reference);
    expect(JSON.parse(audit.at(-1)?.detail ?? '{}')).toEqual({ path: null });
  });

  it.each([
    ["another department's label", ['skolskjuts']],
    ['a level skipped', ['gata-och-trafik', 'felparkering']],
    ['an unknown id', ['gata-och-trafik', 'cykelvagar']],
    ['a path that does not start at a category', ['parkering', 'felparkering']],
    ['a child under the wrong parent', ['park', 'parkering']],
  ])('refuses %s with 422 unknown_label and changes nothing', async (_, path) => {
    const reference = await submit();
    const response = await classify(reference, { path });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'path', pointer: '/path', code: 'unknown_label' }],
    });
    expect(await stored(reference)).toEqual({ classification: null, version: 1 });
    expect((await read(reference)).timeline.map((entry) => entry.kind)).toEqual(['message_in']);
    expect(await auditOf(reference)).toEqual([]);
  });

  it.each([
    ['too deep', { path: ['a', 'b', 'c', 'd'] }, 'too_long'],
    ['empty', { path: [] }, 'required'],
    ['missing', {}, 'required'],
    ['not slugs', { path: ['Gata och trafik'] }, 'invalid_format'],
  ])('refuses a path %s with 422', async (_, body, code) => {
    const reference = await submit();
    const response = await classify(reference, body);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { field: string; code: string }[] };
    expect(problem.errors[0]?.field).toMatch(/^path/);
    expect(problem.errors[0]?.code).toBe(code);
    expect(await stored(reference)).toEqual({ classification: null, version: 1 });
  });

  it('refuses a stale If-Match with 412 version_conflict and changes nothing', async () => {
    const reference = await submit();
    await agent().act(reference, 'notes', { text: 'Ringde upp, inget svar' });
    const response = await classify(reference, { path: ['park'] }, anna, '"1"');
    expect(response.status).toBe(412);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(await response.json()).toMatchObject({ code: 'version_conflict' });
    expect(await stored(reference)).toEqual({ classification: null, version: 2 });
    expect(await auditOf(reference)).toEqual([expect.objectContaining({ action: 'case.noted' })]);
  });

  it("lets a specialist classify only a case forwarded to them, in its own department's tree", async () => {
    const reference = await submit();
    const refused = await classify(reference, { path: ['park'] }, sven);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ code: 'case_not_found' });
    expect(await stored(reference)).toEqual({ classification: null, version: 1 });
    expect(await auditOf(reference)).toEqual([]);

    await agent().act(reference, 'forward', { department: 'skola', reason: 'Gäller skolskjuts' });
    // Forwarded, the case is still the streets department's: its tree, not the school's.
    const school = await classify(reference, { path: ['skolskjuts'] }, sven);
    expect(school.status).toBe(422);
    const set = await classifyAs(reference, ['park', 'lekplatser'], sven);
    expect(set.timeline.at(-1)).toMatchObject({
      kind: 'classification',
      path: ['park', 'lekplatser'],
      actor: { id: 'sven' },
    });
  });

  it('is refused for every path on a server without a classification', async () => {
    const bare = await startTestServer({ accounts: await testAccounts() });
    try {
      const session = await signIn(bare.url, 'anna');
      const list = await fetch(`${bare.url}/v1/agent/classification`, { headers: session.headers });
      expect(await list.json()).toEqual({ departments: [] });
      const reference = await submitCase(bare.url);
      const response = await agentRequests(bare.url, session).act(reference, 'classification', {
        path: ['gata-och-trafik'],
      });
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ errors: [{ code: 'unknown_label' }] });
    } finally {
      await bare.close();
    }
  });

  it('is checked at start: a department that is not served stops the server', async () => {
    await expect(
      startTestServer({
        classification: { vard: [{ id: 'hemtjanst', name: { sv: 'Hemtjänst' } }] },
      }),
    ).rejects.toThrow(ConfigError);
    await expect(
      startTestServer({
        classification: { vard: [{ id: 'hemtjanst', name: { sv: 'Hemtjänst' } }] },
      }),
    ).rejects.toThrow('classification.vard: unknown_department');
  });
});

describe('the inbox filter classification=', () => {
  const references = (page: AgentCasePage) => page.cases.map((row) => row.reference).sort();

  it('lists the cases at a label and under it, never a sibling whose id starts the same', async () => {
    const word = uniqueWord();
    const paths: (string[] | null)[] = [
      ['park'],
      ['park', 'lekplatser'],
      ['park', 'lekplatser', 'gungor'],
      ['parkeringsbolag'],
      ['park-skotsel'],
      ['gata-och-trafik', 'parkering'],
      ['gata-och-trafik', 'parkering', 'boendeparkering'],
      null,
    ];
    const ours: string[] = [];
    for (const path of paths) {
      const reference = await submit({ message: `Fråga om ${word}` });
      if (path) await classifyAs(reference, path);
      ours.push(reference);
    }
    const [park, lekplatser, gungor, bolag, skotsel, parkering, boende, none] = ours as string[];
    const filtered = async (filter: string) =>
      references(await inbox(`classification=${filter}&q=${word}`));

    expect(await filtered('park')).toEqual([park, lekplatser, gungor].sort());
    expect(await filtered('park/lekplatser')).toEqual([lekplatser, gungor].sort());
    expect(await filtered('park/lekplatser/gungor')).toEqual([gungor]);
    expect(await filtered('parkeringsbolag')).toEqual([bolag]);
    expect(await filtered('park-skotsel')).toEqual([skotsel]);
    expect(await filtered('gata-och-trafik')).toEqual([parkering, boende].sort());
    expect(await filtered('gata-och-trafik/parkering/boendeparkering')).toEqual([boende]);
    // Not a path anyone classified at: nothing.
    expect(await filtered('par')).toEqual([]);
    // Without the filter, every case, the unclassified one too.
    expect(references(await inbox(`q=${word}`))).toEqual([...ours].sort());
    expect(none).toBeDefined();

    const rows = (await inbox(`classification=park&q=${word}`)).cases;
    // Newest first, as the inbox always is.
    expect(rows.map((row) => row.createdAt)).toEqual(
      rows.map((row) => row.createdAt).sort((a, b) => b.localeCompare(a)),
    );
    expect(rows.find((row) => row.reference === gungor)?.classification).toEqual([
      'park',
      'lekplatser',
      'gungor',
    ]);
  });

  it.each(['Park', 'park/', 'a/b/c/d', 'park//lekplatser'])(
    'refuses %s with 422 invalid_format',
    async (filter) => {
      const response = await fetch(
        `${server.url}/v1/agent/cases?classification=${encodeURIComponent(filter)}`,
        { headers: anna.headers },
      );
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'classification', code: 'invalid_format' }],
      });
    },
  );
});

describe('escalation', () => {
  const CITIZEN_DATA = [CITIZEN.name, CITIZEN.email, CITIZEN.phone, 'Lundavägen', 'förskolan'];

  it('mails the deepest escalating address once, again only when the address changes', async () => {
    const reference = await submit(CITIZEN);

    // Reaching road safety: one mail to its address.
    const safety = await classifyAs(reference, ['gata-och-trafik', 'trafiksakerhet']);
    expect(safety.timeline.at(-1)).toMatchObject({
      kind: 'classification',
      path: ['gata-och-trafik', 'trafiksakerhet'],
      escalated: true,
    });
    expect(safety.mails).toEqual([
      expect.objectContaining({
        to: TRAFFIC_SAFETY,
        subject: `Eskalerat ärende ${reference}: Gata och trafik › Trafiksäkerhet`,
        state: 'queued',
      }),
    ]);
    let mails = await mailsOf(reference);
    expect(mails.map((mail) => mail.recipient)).toEqual([TRAFFIC_SAFETY]);
    const [first] = mails;
    for (const words of [
      reference,
      'Fastighets- och gatukontoret',
      'Gata och trafik › Trafiksäkerhet',
      'Anna Agent',
      'konsol',
    ]) {
      expect(first?.body).toContain(words);
    }
    const audit = await auditOf(reference);
    expect(JSON.parse(audit.at(-1)?.detail ?? '{}')).toEqual({
      path: ['gata-och-trafik', 'trafiksakerhet'],
      mailId: first?.id,
    });

    // Within road safety's subtree, or the same path again: the same address, no mail.
    const speeding = await classifyAs(reference, [
      'gata-och-trafik',
      'trafiksakerhet',
      'hastighet',
    ]);
    expect(speeding.timeline.at(-1)).not.toHaveProperty('escalated');
    await classifyAs(reference, ['gata-och-trafik', 'trafiksakerhet', 'skymd-sikt']);
    await classifyAs(reference, ['gata-och-trafik', 'trafiksakerhet']);
    expect((await mailsOf(reference)).map((mail) => mail.recipient)).toEqual([TRAFFIC_SAFETY]);

    // A deeper label with its own address: that one decides, and is mailed.
    const school = await classifyAs(reference, ['gata-och-trafik', 'trafiksakerhet', 'skolvag']);
    expect(school.timeline.at(-1)).toMatchObject({ escalated: true });
    mails = await mailsOf(reference);
    expect(mails.map((mail) => mail.recipient)).toEqual([TRAFFIC_SAFETY, ROUTE_TO_SCHOOL]);
    expect(mails[1]?.subject).toBe(
      `Eskalerat ärende ${reference}: Gata och trafik › Trafiksäkerhet › Skolväg`,
    );

    // Away from escalation and back: mailed again, as a new escalation.
    await classifyAs(reference, ['gata-och-trafik', 'parkering']);
    await classifyAs(reference, null);
    expect(await mailsOf(reference)).toHaveLength(2);
    await classifyAs(reference, ['gata-och-trafik', 'trafiksakerhet', 'hastighet']);
    mails = await mailsOf(reference);
    expect(mails.map((mail) => mail.recipient)).toEqual([
      TRAFFIC_SAFETY,
      ROUTE_TO_SCHOOL,
      TRAFFIC_SAFETY,
    ]);

    // None of them carries the citizen's name, contact details or message.
    for (const mail of mails) {
      for (const data of CITIZEN_DATA) {
        expect(mail.subject).not.toContain(data);
        expect(mail.body).not.toContain(data);
      }
    }
    const found = await read(reference);
    expect(found.mails.map((mail) => mail.to)).toEqual(mails.map((mail) => mail.recipient));
    expect(
      found.timeline.filter((entry) => entry.kind === 'classification' && entry.escalated),
    ).toHaveLength(3);
  });

  it('queues nothing when the change is refused', async () => {
    const reference = await submit(CITIZEN);
    await agent().act(reference, 'notes', { text: 'Anteckning' });
    const response = await classify(
      reference,
      { path: ['gata-och-trafik', 'trafiksakerhet'] },
      anna,
      '"1"',
    );
    expect(response.status).toBe(412);
    expect(await mailsOf(reference)).toEqual([]);
  });
});

describe('through the SDK', () => {
  it('cases.classify sets it with the version seen, lists by it, and the inbox stream tells', async () => {
    const cases = agentClientFor(server.url, anna).cases;
    const word = uniqueWord();
    const reference = await submit({ message: `Gungan är trasig vid ${word}` });
    const page = await cases.list({ limit: 1 });
    const watch = cases.watch({ after: page.cursor });
    const changes = watch[Symbol.asyncIterator]();

    const set = await cases.classify(reference, ['park', 'lekplatser'], { version: 1 });
    expect(set).toMatchObject({ classification: ['park', 'lekplatser'], version: 2 });
    let told: unknown;
    do told = (await changes.next()).value;
    while ((told as { reference?: string } | undefined)?.reference !== reference);
    watch.close();
    expect(told).toMatchObject({ type: 'case.updated', reference });

    await expect(cases.classify(reference, ['park'], { version: 1 })).rejects.toMatchObject({
      code: 'version_conflict',
    });
    const listed = await cases.list({ classification: 'park', q: word });
    expect(listed.cases.map((row) => row.reference)).toEqual([reference]);
    const cleared = await cases.classify(reference, null, { version: 2 });
    expect(cleared.classification).toBeNull();
  });
});
