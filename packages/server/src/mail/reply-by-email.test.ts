import { createAgentClient } from '@kontakt/core/agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestSession } from '../test-support/index.js';
import { signIn, startTestServer, testAccounts, validSubmission } from '../test-support/index.js';
import type { SmtpPeer } from './test-support/smtp-peer.js';
import { startSmtpPeer } from './test-support/smtp-peer.js';

/*
 * A citizen's message answered by e-mail, end to end over real HTTP and real SMTP: the agent's
 * reply queues the mail in its own transaction, the commit wakes the sender (the poll is an hour
 * away), the SMTP server on loopback receives it, and the case shows the mail's state.
 */

let peer: SmtpPeer;
let server: TestServer;
let anna: TestSession;

beforeAll(async () => {
  peer = await startSmtpPeer();
  server = await startTestServer({
    accounts: await testAccounts(),
    mail: {
      from: { name: 'Kontaktcenter', address: 'kontaktcenter@sundsvall.example.se' },
      smtp: { host: peer.host, port: peer.port, security: 'none' },
      timings: { pollMs: 3_600_000 },
    },
  });
  anna = await signIn(server.url, 'anna');
});

afterAll(async () => {
  await server?.close();
  await peer?.close();
});

const cases = () =>
  createAgentClient({
    endpoint: server.url,
    // Node's fetch keeps no cookies: the session's cookie and token go along by hand.
    fetch: (input, init) => {
      const request = new Request(input, init);
      for (const [name, value] of Object.entries(anna.headers)) request.headers.set(name, value);
      return fetch(request);
    },
  }).cases;

async function submit(): Promise<string> {
  const response = await fetch(`${server.url}/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(validSubmission({ message: 'Hur ansöker jag om boendeparkering?' })),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

/** The case's mails once `done` holds for them (the sender works apart from the request). */
async function mailsWhen(
  reference: string,
  done: (states: string[]) => boolean,
): Promise<Awaited<ReturnType<ReturnType<typeof cases>['get']>>['mails']> {
  for (;;) {
    const found = await cases().get(reference);
    if (done(found.mails.map((mail) => mail.state))) return found.mails;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('a reply by e-mail', () => {
  it('reaches the citizen over SMTP, in plain text with the reference in the subject, and shows as sent', async () => {
    const reference = await submit();
    const text = 'Du ansöker på sidan Parkering.\n<script>alert(1)</script> blir text.';
    await cases().reply(reference, { via: 'email', text }, { version: 1 });

    const [mail] = await peer.waitFor(1);
    expect(mail?.recipients).toEqual(['anna.andersson@example.se']);
    expect(mail?.parsed.subject).toContain(reference);
    expect(mail?.parsed.text).toContain(text);
    expect(mail?.parsed.html).toBe(false);
    expect(mail?.parsed.inReplyTo).toBe(`<case.${reference}@sundsvall.example.se>`);

    const [shown] = await mailsWhen(reference, (states) => states[0] === 'sent');
    expect(shown).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    expect(mail?.parsed.messageId).toBe(`<${shown?.id}@sundsvall.example.se>`);
  });

  it('shows a mail the server refused as failed, with its answer', async () => {
    const reference = await submit();
    peer.answer({ code: 550, text: '5.1.1 Mailbox unavailable' });
    await cases().reply(reference, { via: 'email', text: 'Svar.' }, { version: 1 });
    const [failed] = await mailsWhen(reference, (states) => states[0] === 'failed');
    expect(failed?.lastError).toBe('EENVELOPE 550 5.1.1 Mailbox unavailable');
    expect(failed?.to).toBe('anna.andersson@example.se');
  });
});
