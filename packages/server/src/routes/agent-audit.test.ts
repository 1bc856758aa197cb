import { AuditPageSchema } from '@kontakt/core/agent';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../auth/audit.js';
import { signIn, testAccounts } from '../test-support/agents.js';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  server = await startTestServer({
    accounts: await testAccounts(),
    now: () => new Date('2027-03-01T08:00:00Z'),
  });
  return server;
}

/** Audit entries as other write operations add them: through `appendAudit` in a transaction. */
async function record(
  entries: { agentId: string; action: string; caseReference?: string; at: string }[],
) {
  await server?.database.inspect((db) =>
    db.transaction().execute(async (trx) => {
      for (const entry of entries) {
        await appendAudit(trx, {
          ...entry,
          at: new Date(entry.at),
          detail: { status: 'resolved' },
        });
      }
    }),
  );
}

async function audit(query: string, headers: Record<string, string>) {
  const response = await fetch(`${server?.url}/v1/agent/audit${query}`, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('GET /v1/agent/audit', () => {
  it('filters by agent, case and period, newest first', async () => {
    const { url } = await start();
    await record([
      {
        agentId: 'anna',
        action: 'case.status_set',
        caseReference: 'KC-AAAA-AAAA',
        at: '2027-02-27T09:00:00Z',
      },
      {
        agentId: 'sven',
        action: 'case.note_added',
        caseReference: 'KC-AAAA-AAAA',
        at: '2027-02-28T09:00:00Z',
      },
      {
        agentId: 'anna',
        action: 'case.replied',
        caseReference: 'KC-BBBB-BBBB',
        at: '2027-02-28T10:00:00Z',
      },
    ]);
    const alva = await signIn(url, 'alva');
    const actions = async (query: string) => {
      const answer = await audit(query, alva.headers);
      expect(answer.status).toBe(200);
      return AuditPageSchema.parse(answer.body).entries.map((entry) => entry.action);
    };
    expect(await actions('?case=KC-AAAA-AAAA')).toEqual(['case.note_added', 'case.status_set']);
    expect(await actions('?agent=anna&case=KC-BBBB-BBBB')).toEqual(['case.replied']);
    // The period in any offset; stored and compared in UTC.
    expect(await actions('?from=2027-02-28T00:00:00%2B01:00&to=2027-02-28T10:00:00Z')).toEqual([
      'case.note_added',
    ]);
    const page = AuditPageSchema.parse((await audit('?case=KC-AAAA-AAAA', alva.headers)).body);
    expect(page.entries[0]).toEqual({
      id: expect.any(String),
      at: '2027-02-28T09:00:00.000Z',
      agentId: 'sven',
      action: 'case.note_added',
      caseReference: 'KC-AAAA-AAAA',
      detail: { status: 'resolved' },
    });
  });

  it('pages through a long log without repeating or skipping', async () => {
    const { url } = await start();
    await record(
      Array.from({ length: 25 }, (_, i) => ({
        agentId: 'anna',
        action: `case.action_${i}`,
        at: '2027-02-28T09:00:00Z',
      })),
    );
    const alva = await signIn(url, 'alva');
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const query: string = `?agent=anna&limit=10${cursor ? `&cursor=${cursor}` : ''}`;
      const page = AuditPageSchema.parse((await audit(query, alva.headers)).body);
      seen.push(...page.entries.map((entry) => entry.action));
      cursor = page.next;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `case.action_${24 - i}`));
  });

  it('refuses invalid filters with the fields named', async () => {
    const { url } = await start();
    const alva = await signIn(url, 'alva');
    const answer = await audit('?limit=500&cursor=abc&from=igår', alva.headers);
    expect(answer.status).toBe(422);
    expect((answer.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual([
      'cursor',
      'from',
    ]);
    const limit = await audit('?limit=500', alva.headers);
    expect(limit.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
  });

  it('keeps nothing of a transaction that did not commit', async () => {
    await start();
    await expect(
      server?.database.inspect((db) =>
        db.transaction().execute(async (trx) => {
          await appendAudit(trx, { agentId: 'anna', action: 'case.replied', at: new Date() });
          throw new Error('the change failed');
        }),
      ),
    ).rejects.toThrow('the change failed');
    const rows = await server?.database.inspect((db) =>
      db.selectFrom('agent_audit').selectAll().execute(),
    );
    expect(rows).toEqual([]);
  });

  it('refuses a detail that is more than ids and codes', async () => {
    await start();
    await expect(
      server?.database.inspect((db) =>
        appendAudit(db, {
          agentId: 'anna',
          action: 'case.replied',
          detail: { text: 'x'.repeat(5000) },
          at: new Date(),
        }),
      ),
    ).rejects.toThrow(/audit detail is small/);
  });

  it('is for admins only: agents and specialists get 403 forbidden', async () => {
    const { url } = await start();
    for (const username of ['anna', 'sven']) {
      const session = await signIn(url, username);
      const answer = await audit('', session.headers);
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('forbidden');
    }
  });
});
