import type { AgentCase, AgentCasePage } from '@kontakt/core/agent';
import { AgentCasePageSchema, AgentCaseSchema } from '@kontakt/core/agent';
import type { Receipt } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestSession } from '../test-support/index.js';
import { signIn, startTestServer, testAccounts } from '../test-support/index.js';

/*
 * A fault report as staff read it on the store under test: the case carries its category,
 * answers, place and photo ids (`fault`), the inbox lists its place, a contact case has neither,
 * and a duplicate names the case it duplicates.
 */

let server: TestServer;
let anna: TestSession;

beforeAll(async () => {
  server = await startTestServer({
    accounts: await testAccounts(),
    rateLimit: { windowMs: 60_000, max: 1000 },
  });
  anna = await signIn(server.url, 'anna');
});

afterAll(async () => {
  await server?.close();
});

async function sendFault(location: Record<string, unknown>, anonymous = true): Promise<string> {
  const answer = await fetch(`${server.url}/v1/faults`, {
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
        answers: { hur: 'slackt', stolpnummer: 'B-1234', antal: 2, var: ['gata', 'park'] },
        location,
        ...(anonymous ? { anonymous: true } : { contact: { email: 'sara.berg@example.se' } }),
      },
    }),
  });
  expect(answer.status).toBe(201);
  return ((await answer.json()) as Receipt).reference;
}

const agentCase = async (reference: string): Promise<AgentCase> => {
  const answer = await fetch(`${server.url}/v1/agent/cases/${reference}`, {
    headers: anna.headers,
  });
  expect(answer.status).toBe(200);
  return AgentCaseSchema.parse(await answer.json());
};

const inbox = async (query: string): Promise<AgentCasePage> => {
  const answer = await fetch(`${server.url}/v1/agent/cases?${query}`, { headers: anna.headers });
  expect(answer.status).toBe(200);
  return AgentCasePageSchema.parse(await answer.json());
};

describe('a fault report in the agent API', () => {
  it('carries its category, answers, place and photos; the inbox lists its place', async () => {
    const pinned = await sendFault({ lat: 55.6035, lon: 13.0011, accuracy: 8 }, false);
    const addressed = await sendFault({ address: 'Stortorget 1, Malmö' });

    const seen = await agentCase(pinned);
    expect(seen.channel).toBe('fault_report');
    expect(seen.topic).toBe('gatubelysning');
    expect(seen.fault).toEqual({
      category: 'gatubelysning',
      location: { lat: 55.6035, lon: 13.0011, accuracy: 8, address: null },
      answers: { hur: 'slackt', stolpnummer: 'B-1234', antal: 2, var: ['gata', 'park'] },
      anonymous: false,
      photos: [],
    });
    expect(seen.duplicateOf).toBeUndefined();
    expect((await agentCase(addressed)).fault).toMatchObject({
      location: { lat: null, lon: null, accuracy: null, address: 'Stortorget 1, Malmö' },
      anonymous: true,
    });

    const page = await inbox('channel=fault_report');
    const place = (reference: string) =>
      page.cases.find((row) => row.reference === reference)?.place;
    expect(place(pinned)).toEqual({ address: null, lat: 55.6035, lon: 13.0011 });
    expect(place(addressed)).toEqual({ address: 'Stortorget 1, Malmö', lat: null, lon: null });
  });

  it('a contact case has no fault and no place', async () => {
    const answer = await fetch(`${server.url}/v1/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        origin: {
          department: 'gata',
          pageUrl: 'https://gata.example.se/',
          widget: 'kc-contact-form',
        },
        message: {
          topic: 'parkering',
          message: 'Hur söker jag boendeparkering?',
          answerChannel: 'email',
          email: 'anna.andersson@example.se',
        },
      }),
    });
    expect(answer.status).toBe(201);
    const { reference } = (await answer.json()) as Receipt;
    const seen = await agentCase(reference);
    expect(seen.fault).toBeUndefined();
    const row = (await inbox(`q=${reference}`)).cases[0];
    expect(row?.reference).toBe(reference);
    expect(row?.place).toBeUndefined();
  });

  it('a duplicate names the case it duplicates', async () => {
    const original = await sendFault({ lat: 55.6036, lon: 13.0012 });
    const duplicate = await sendFault({ lat: 55.6036, lon: 13.0013 });
    const answer = await fetch(`${server.url}/v1/agent/cases/${duplicate}/duplicate`, {
      method: 'POST',
      headers: { ...anna.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ of: original }),
    });
    expect(answer.status).toBe(200);
    expect((await answer.json()) as AgentCase).toMatchObject({ duplicateOf: original });
    expect((await agentCase(duplicate)).duplicateOf).toBe(original);
    expect((await agentCase(original)).duplicateOf).toBeUndefined();
  });
});
