import { afterEach, describe, expect, it } from 'vitest';
import type { MailMessage } from './message.js';
import { classifyFailure } from './outcome.js';
import type { SmtpPeerOptions } from './test-support/smtp-peer.js';
import { LOCALHOST_CERT, startSmtpPeer } from './test-support/smtp-peer.js';
import type { SmtpSettings } from './transport.js';
import { smtpTransport } from './transport.js';

// The SMTP transport's connection settings against a real SMTP server on loopback: STARTTLS,
// sign-in, and what a refusal means for the outbox.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const message: MailMessage = {
  from: { name: 'Kontaktcenter', address: 'kontaktcenter@sundsvall.example.se' },
  to: 'anna.andersson@example.se',
  subject: 'Svar på ditt ärende KC-2026-0042',
  text: 'Hej Anna!',
  messageId: '<1@sundsvall.example.se>',
  date: new Date('2026-12-03T09:00:00Z'),
  inReplyTo: '<case.KC-2026-0042@sundsvall.example.se>',
  references: ['<case.KC-2026-0042@sundsvall.example.se>'],
};

async function sendThrough(peerOptions: SmtpPeerOptions, settings: Partial<SmtpSettings>) {
  const peer = await startSmtpPeer(peerOptions);
  cleanups.push(() => peer.close());
  const transport = smtpTransport({ host: peer.host, port: peer.port, ...settings });
  cleanups.push(() => transport.close());
  const sent = await transport.send(message).then(
    () => undefined,
    (error: unknown) => error,
  );
  return { peer, error: sent };
}

const auth = { user: 'kontakt', password: 'rätt häst batteri häftstift' };

describe('the SMTP transport', () => {
  it('sends over STARTTLS, signed in, by default', async () => {
    const { peer, error } = await sendThrough(
      { starttls: true, auth },
      { user: auth.user, password: auth.password, ca: LOCALHOST_CERT },
    );
    expect(error).toBeUndefined();
    const [mail] = await peer.waitFor(1);
    expect(mail).toMatchObject({ secure: true, user: 'kontakt' });
    expect(mail?.parsed.subject).toBe(message.subject);
  });

  it('sends nothing to a server that offers no STARTTLS, and keeps the mail for mended settings', async () => {
    const { peer, error } = await sendThrough(
      { auth },
      { user: auth.user, password: auth.password },
    );
    // The server answers STARTTLS with 500: our settings are wrong, not the mail.
    expect(classifyFailure(error)).toMatchObject({ permanent: false, settings: true });
    expect(peer.received).toEqual([]);
  });

  it('refuses a server whose certificate it cannot trust', async () => {
    const { peer, error } = await sendThrough({ starttls: true }, {});
    expect(classifyFailure(error).summary).toMatch(/^ETLS|certificate/);
    expect(peer.received).toEqual([]);
  });

  it('keeps the mail on a wrong password, and never shows the password', async () => {
    const { error } = await sendThrough(
      { starttls: true, auth },
      { user: auth.user, password: 'fel lösenord', ca: LOCALHOST_CERT },
    );
    const failure = classifyFailure(error);
    // Retried: once the password is mended, the mail still goes.
    expect(failure).toMatchObject({ permanent: false, settings: true });
    expect(failure.summary).toMatch(/^EAUTH 535/);
    expect(failure.summary).not.toContain('fel lösenord');
  });

  it('sends in plain text to a relay when told to', async () => {
    const { peer, error } = await sendThrough({}, { security: 'none' });
    expect(error).toBeUndefined();
    expect((await peer.waitFor(1))[0]?.secure).toBe(false);
  });
});

describe('classifyFailure', () => {
  const failure = (code: string | undefined, responseCode?: number, response?: string) =>
    classifyFailure(Object.assign(new Error('failed'), { code, responseCode, response }));

  it('gives up on a 5xx about the mail, retries a 4xx and a server out of reach', () => {
    expect(failure('EENVELOPE', 550, '550 5.1.1 <a@b.se> unknown')).toEqual({
      permanent: true,
      settings: false,
      summary: 'EENVELOPE 550 5.1.1 <address> unknown',
    });
    expect(failure('EMESSAGE', 552, '552 too big').permanent).toBe(true);
    expect(failure('EENVELOPE', 450, '450 mailbox busy').permanent).toBe(false);
    expect(failure('EMESSAGE', 451, '451 try later').permanent).toBe(false);
    expect(failure('ECONNECTION').permanent).toBe(false);
    expect(failure('ETIMEDOUT').permanent).toBe(false);
    expect(failure('ESOCKET').permanent).toBe(false);
    expect(classifyFailure(new Error('something else')).permanent).toBe(false);
  });

  it('keeps the summary to one short line', () => {
    const summary = failure('EMESSAGE', 554, `554 first\r\nsecond ${'x'.repeat(400)}`).summary;
    expect(summary).not.toMatch(/[\r\n]/);
    expect(summary.length).toBeLessThanOrEqual(300);
  });
});
