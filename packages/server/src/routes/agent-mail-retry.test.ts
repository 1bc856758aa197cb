import type { AgentCase } from '@kontakt/core/agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestSession } from '../test-support/index.js';
import { signIn, startTestServer, testAccounts, validSubmission } from '../test-support/index.js';

/*
 * "Send it again" for a mail that failed: `POST /v1/agent/cases/{reference}/mails/{id}/retry`, on
 * the store under test. The server has no mail settings, so a reply's mail waits queued; the
 * tests mark it failed in the database, as the sender does after a permanent refusal.
 */

let server: TestServer;
let anna: TestSession;
let sven: TestSession;

beforeAll(async () => {
  server = await startTestServer({ accounts: await testAccounts() });
  anna = await signIn(server.url, 'anna');
  sven = await signIn(server.url, 'sven');
});

afterAll(async () => {
  await server?.close();
});

async function caseWithFailedMail(): Promise<{ reference: string; mailId: string }> {
  const sent = await fetch(`${server.url}/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(validSubmission()),
  });
  const { reference } = (await sent.json()) as { reference: string };
  const replied = await post(`/v1/agent/cases/${reference}/replies`, anna, {
    via: 'email',
    text: 'Hej! Så här söker du boendeparkering.',
  });
  expect(replied.status).toBe(200);
  const [mail] = ((await replied.json()) as AgentCase).mails;
  if (!mail) throw new Error('The reply queued no mail');
  await server.database.inspect((db) =>
    db
      .updateTable('mail_outbox')
      .set({ state: 'failed', last_error: '550 No such user' })
      .where('id', '=', mail.id)
      .execute(),
  );
  return { reference, mailId: mail.id };
}

const post = (path: string, session: TestSession, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...session.headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const retry = (reference: string, mailId: string, session = anna) =>
  post(`/v1/agent/cases/${reference}/mails/${encodeURIComponent(mailId)}/retry`, session);

describe('POST /v1/agent/cases/{reference}/mails/{id}/retry', () => {
  it('queues a failed mail again, audited, and answers with the case', async () => {
    const { reference, mailId } = await caseWithFailedMail();
    const answer = await retry(reference, mailId);
    expect(answer.status).toBe(200);
    const found = (await answer.json()) as AgentCase;
    expect(found.mails.find((mail) => mail.id === mailId)?.state).toBe('queued');

    const audit = await server.database.inspect((db) =>
      db
        .selectFrom('agent_audit')
        .select(['agent_id', 'action'])
        .where('case_reference', '=', reference)
        .where('action', '=', 'case.mail_retried')
        .execute(),
    );
    expect(audit).toEqual([{ agent_id: 'anna', action: 'case.mail_retried' }]);

    // Queued already: nothing to send again.
    const again = await retry(reference, mailId);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('mail_not_failed');
  });

  it('refuses a mail of another case, an unknown mail, and a case the person may not see', async () => {
    const first = await caseWithFailedMail();
    const second = await caseWithFailedMail();
    const other = await retry(first.reference, second.mailId);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { code: string }).code).toBe('mail_not_found');
    expect((await retry(first.reference, 'm_nothing')).status).toBe(404);

    // Sven sees only cases forwarded to skola.
    const hidden = await retry(first.reference, first.mailId, sven);
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { code: string }).code).toBe('case_not_found');
    // Nothing changed for the refused ones.
    const states = await server.database.inspect((db) =>
      db
        .selectFrom('mail_outbox')
        .select('state')
        .where('id', 'in', [first.mailId, second.mailId])
        .execute(),
    );
    expect(states.map((row) => row.state)).toEqual(['failed', 'failed']);
  });
});
