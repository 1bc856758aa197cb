import { readdir, readFile } from 'node:fs/promises';
import type { AddressInfo, Socket } from 'node:net';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import type { TestDatabase } from '../test-support/store.js';
import { createTestDatabase, storeUnderTest } from '../test-support/store.js';
import type { OutgoingMail } from './outbox.js';
import { queueMail } from './outbox.js';
import type { MailSender, MailSenderOptions } from './sender.js';
import { createMailSender } from './sender.js';
import type { SmtpPeer } from './test-support/smtp-peer.js';
import { startSmtpPeer } from './test-support/smtp-peer.js';
import type { MailTransport } from './transport.js';
import { emlDirectoryTransport, smtpTransport } from './transport.js';

// The sender against a real SMTP server on loopback, on the store under test.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp() {
  const database = await createTestDatabase();
  cleanups.push(() => database.remove());
  const store = await database.open();
  cleanups.push(() => store.close());
  const peer = await startSmtpPeer();
  cleanups.push(() => peer.close());
  return { database, store, peer };
}

const T0 = new Date('2026-12-03T09:00:00.000Z');

/** A TCP server that accepts connections and never says a word (a hung SMTP server). */
async function silentServer(): Promise<{ port: number; connected: Promise<void> }> {
  const sockets = new Set<Socket>();
  let connected: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    connected = resolve;
  });
  const server = createServer((socket) => {
    sockets.add(socket);
    connected();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return { port: (server.address() as AddressInfo).port, connected: ready };
}

/** A clock the test moves. */
function testClock() {
  let time = T0.getTime();
  return { now: () => new Date(time), advance: (ms: number) => (time += ms) };
}

/** Log lines as objects, to check what was logged (and what never is). */
function logCapture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

function sender(
  store: Store,
  peer: SmtpPeer,
  options: Partial<MailSenderOptions> = {},
): MailSender {
  const created = createMailSender({
    store,
    transport: smtpTransport({ host: peer.host, port: peer.port, security: 'none' }),
    from: { address: 'kontaktcenter@sundsvall.example.se', name: 'Kontaktcenter' },
    logger: pino({ level: 'silent' }),
    owner: 'test',
    random: () => 1,
    ...options,
  });
  cleanups.push(() => created.close());
  return created;
}

const reply = (reference = 'KC-2026-0042'): OutgoingMail => ({
  caseReference: reference,
  to: 'anna.andersson@example.se',
  subject: `Svar på ditt ärende ${reference}`,
  text: 'Hej Anna,\n\nParkeringstillståndet är beviljat. <b>Inte</b> HTML.\n\nMvh Kontaktcenter',
});

function queue(database: TestDatabase, mail = reply(), now = T0): Promise<string> {
  return database.inspect((db) =>
    db.transaction().execute(async (trx) => (await queueMail(trx, mail, now)).id),
  );
}

describe('the mail sender', () => {
  it('sends a queued mail as plain text with ids that thread per case, and marks it sent', async () => {
    const { database, store, peer } = await setUp();
    const clock = testClock();
    const id = await queue(database);
    expect(await sender(store, peer, { now: clock.now }).runOnce()).toBe(1);

    const [mail] = await peer.waitFor(1);
    expect(mail?.recipients).toEqual(['anna.andersson@example.se']);
    const parsed = mail?.parsed;
    expect(parsed?.subject).toBe('Svar på ditt ärende KC-2026-0042');
    // mailparser ends the text with a line break.
    expect(parsed?.text?.trimEnd()).toBe(reply().text);
    expect(parsed?.html).toBe(false);
    expect(parsed?.from?.value).toEqual([
      { address: 'kontaktcenter@sundsvall.example.se', name: 'Kontaktcenter' },
    ]);
    expect(parsed?.to).toMatchObject({ value: [{ address: 'anna.andersson@example.se' }] });
    expect(parsed?.messageId).toBe(`<${id}@sundsvall.example.se>`);
    expect(parsed?.date?.toISOString()).toBe(T0.toISOString());
    expect(parsed?.inReplyTo).toBe('<case.KC-2026-0042@sundsvall.example.se>');
    expect(parsed?.references).toBe('<case.KC-2026-0042@sundsvall.example.se>');
    expect(parsed?.headers.get('content-type')).toMatchObject({ value: 'text/plain' });

    expect(await store.read('findMail', id)).toMatchObject({
      state: 'sent',
      attempts: 1,
      sentAt: T0.toISOString(),
    });
    const events = await store.events.read('case:KC-2026-0042', 0, 10);
    expect(events.map((event) => event.type)).toEqual(['case.mail.sent']);
  });

  it('retries after a temporary 4xx with backoff, then sends', async () => {
    const { database, store, peer } = await setUp();
    const clock = testClock();
    const run = sender(store, peer, {
      now: clock.now,
      backoff: { baseMs: 60_000, maxMs: 3_600_000 },
    });
    const id = await queue(database);
    peer.answer(
      { code: 451, text: '4.3.0 Try again later' },
      { code: 421, text: '4.7.0 Too busy' },
    );

    await run.runOnce();
    const first = await store.read('findMail', id);
    expect(first).toMatchObject({ state: 'queued', attempts: 1 });
    expect(first?.lastError).toMatch(/^EENVELOPE 451 4\.3\.0 Try again later/);
    // random() is 1: the whole exponential wait, 60 s after the first attempt, 120 s after the second.
    expect(first?.nextAttemptAt).toBe(new Date(T0.getTime() + 60_000).toISOString());

    clock.advance(59_999);
    expect(await run.runOnce()).toBe(0);
    clock.advance(1);
    expect(await run.runOnce()).toBe(1);
    expect((await store.read('findMail', id))?.nextAttemptAt).toBe(
      new Date(T0.getTime() + 60_000 + 120_000).toISOString(),
    );

    clock.advance(120_000);
    expect(await run.runOnce()).toBe(1);
    expect(peer.refused).toBe(2);
    expect(await peer.waitFor(1)).toHaveLength(1);
    expect(await store.read('findMail', id)).toMatchObject({
      state: 'sent',
      attempts: 3,
      lastError: null,
    });
  });

  it('marks a mail failed at once on a permanent 5xx, keeps it, and sends it when retried', async () => {
    const { database, store, peer } = await setUp();
    const clock = testClock();
    const { lines, logger } = logCapture();
    const run = sender(store, peer, { now: clock.now, logger });
    const id = await queue(database);
    peer.answer({ code: 550, text: '5.1.1 <anna.andersson@example.se>: Mailbox unavailable' });

    await run.runOnce();
    const failed = await store.read('findMail', id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null });
    // One line, and the address in the server's answer is not kept.
    expect(failed?.lastError).toBe('EENVELOPE 550 5.1.1 <address>: Mailbox unavailable');
    const events = await store.events.read('case:KC-2026-0042', 0, 10);
    expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
      { type: 'case.mail.failed', data: { mailId: id, state: 'failed' } },
    ]);
    clock.advance(48 * 3_600_000);
    expect(await run.runOnce()).toBe(0);

    expect(await store.write('retryMail', id, clock.now())).toBe('queued');
    expect(await run.runOnce()).toBe(1);
    expect(await peer.waitFor(1)).toHaveLength(1);
    expect((await store.read('findMail', id))?.state).toBe('sent');

    const messages = lines.map((line) => line.msg);
    expect(messages).toEqual(['mail failed', 'mail sent']);
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('anna.andersson');
    expect(logged).not.toContain('Parkeringstillståndet');
  });

  it('retries while the server cannot be reached, and gives up after the retry limit', async () => {
    const { database, store, peer } = await setUp();
    await peer.close();
    const clock = testClock();
    const run = sender(store, peer, {
      now: clock.now,
      retryForMs: 10 * 60_000,
      backoff: { baseMs: 60_000, maxMs: 240_000 },
    });
    const id = await queue(database);
    const waits: number[] = [];
    for (;;) {
      await run.runOnce();
      const mail = await store.read('findMail', id);
      if (mail?.state !== 'queued') break;
      expect(mail.lastError).toMatch(/^ESOCKET .*ECONNREFUSED/);
      const wait = Date.parse(mail.nextAttemptAt ?? '') - clock.now().getTime();
      waits.push(wait);
      clock.advance(wait);
    }
    // Waits of 1, 2 and 4 minutes: a fifth attempt would come at 11 minutes, after the ten.
    expect(waits).toEqual([60_000, 120_000, 240_000]);
    expect(await store.read('findMail', id)).toMatchObject({ state: 'failed', attempts: 4 });
  });

  it('never sends a mail whose transaction rolled back', async () => {
    const { database, store, peer } = await setUp();
    await expect(
      database.inspect((db) =>
        db.transaction().execute(async (trx) => {
          await queueMail(trx, reply('KC-2026-0001'), T0);
          throw new Error('rolled back');
        }),
      ),
    ).rejects.toThrow('rolled back');
    await queue(database, reply('KC-2026-0002'));
    const run = sender(store, peer, { now: () => T0 });
    expect(await run.runOnce()).toBe(1);
    const received = await peer.waitFor(1);
    expect(received.map((mail) => mail.parsed.subject)).toEqual([
      'Svar på ditt ärende KC-2026-0002',
    ]);
    expect(await store.read('mailsOfCase', 'KC-2026-0001')).toEqual([]);
  });

  it('sends queued mail by itself once started', async () => {
    const { database, store, peer } = await setUp();
    // On PostgreSQL the queueing commit wakes it (NOTIFY); the embedded store's test writes on
    // a second connection, which only the poll sees.
    sender(store, peer, { pollMs: storeUnderTest === 'postgres' ? 60_000 : 50 }).start();
    await queue(database, reply(), new Date());
    const [mail] = await peer.waitFor(1);
    expect(mail?.parsed.subject).toBe('Svar på ditt ärende KC-2026-0042');
  });

  it('sends a mail whose sender crashed mid-attempt once its lease has ended', async () => {
    const { database, store, peer } = await setUp();
    const clock = testClock();
    const id = await queue(database);
    // An instance claimed it and died before recording anything.
    await store.write('claimMails', 'crashed-instance', T0, new Date(T0.getTime() + 300_000), 10);
    const run = sender(store, peer, { now: clock.now });
    expect(await run.runOnce()).toBe(0);
    clock.advance(300_000);
    expect(await run.runOnce()).toBe(1);
    expect(await peer.waitFor(1)).toHaveLength(1);
    expect(await store.read('findMail', id)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('is woken by a commit that queues mail again, and by a retry falling due', async () => {
    const { database, store, peer } = await setUp();
    const id = await queue(database, reply(), new Date());
    peer.answer(
      { code: 550, text: '5.7.1 Rejected for now' },
      { code: 451, text: '4.3.0 Try again in a moment' },
    );
    // A poll far away: only the commit's notification and the retry's due time can wake it.
    const started = sender(store, peer, {
      pollMs: 60_000,
      backoff: { baseMs: 200, maxMs: 200 },
    });
    started.start();
    while ((await store.read('findMail', id))?.state !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await store.write('retryMail', id, new Date())).toBe('queued');
    // Refused with 451 at once, then sent when the retry falls due 200 ms later.
    const [mail] = await peer.waitFor(1);
    expect(peer.refused).toBe(2);
    expect(mail?.parsed.messageId).toContain(id);
  });

  it('cuts off an attempt at a server that never answers, and retries it later', async () => {
    const { database, store, peer } = await setUp();
    const silent = await silentServer();
    const clock = testClock();
    const run = sender(store, peer, {
      now: clock.now,
      attemptMs: 300,
      transport: smtpTransport({ host: '127.0.0.1', port: silent.port, security: 'none' }),
    });
    const id = await queue(database);
    expect(await run.runOnce()).toBe(1);
    expect(await store.read('findMail', id)).toMatchObject({ state: 'queued', attempts: 1 });
    expect((await store.read('findMail', id))?.lastError).toMatch(/^EABORT/);
  });

  it('starts no attempt that could outlast its claim, leaving the mail for the next claim', async () => {
    const { database, store, peer } = await setUp();
    const clock = testClock();
    const smtp = smtpTransport({ host: peer.host, port: peer.port, security: 'none' });
    // Every send takes five seconds of the test's clock. (The attempt's own timeout is real time:
    // six seconds, so a busy machine's slow SMTP exchange is not cut off.)
    const slow: MailTransport = {
      ...smtp,
      send: async (message, signal) => {
        const sent = await smtp.send(message, signal);
        clock.advance(5000);
        return sent;
      },
    };
    const run = sender(store, peer, {
      now: clock.now,
      transport: slow,
      leaseMs: 10_000,
      attemptMs: 6000,
      batch: 3,
    });
    const ids = [
      await queue(database, reply('KC-2026-0001')),
      await queue(database, reply('KC-2026-0002')),
      await queue(database, reply('KC-2026-0003')),
    ];
    // Claims all three; sends the first; the second would end after the lease: left.
    expect(await run.runOnce()).toBe(3);
    expect(await run.runOnce()).toBe(0);
    clock.advance(5000);
    expect(await run.runOnce()).toBe(2);
    clock.advance(5000);
    expect(await run.runOnce()).toBe(1);
    const received = await peer.waitFor(3);
    expect(received.map((mail) => mail.parsed.messageId?.slice(1, 37))).toEqual(ids);
    const attempts = await Promise.all(ids.map((id) => store.read('findMail', id)));
    expect(attempts.map((mail) => [mail?.state, mail?.attempts])).toEqual([
      ['sent', 1],
      ['sent', 2],
      ['sent', 3],
    ]);
  });

  it('ends an attempt that does not finish soon after close, and keeps the mail queued', async () => {
    const { database, store, peer } = await setUp();
    const silent = await silentServer();
    const run = sender(store, peer, {
      pollMs: 60_000,
      closeGraceMs: 100,
      transport: smtpTransport({ host: '127.0.0.1', port: silent.port, security: 'none' }),
    });
    const id = await queue(database, reply(), new Date());
    run.start();
    await silent.connected;
    const started = Date.now();
    await run.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    const mail = await store.read('findMail', id);
    expect(mail).toMatchObject({ state: 'queued', attempts: 1 });
    expect(mail?.lastError).toMatch(/^EABORT/);
  });

  it('never sends one mail twice with senders running at once', async () => {
    const { database, store, peer } = await setUp();
    const other = storeUnderTest === 'postgres' ? await database.open() : store;
    if (other !== store) cleanups.push(() => other.close());
    const ids = new Set<string>();
    for (let n = 1; n <= 30; n++) {
      ids.add(await queue(database, reply(`KC-2026-${String(n).padStart(4, '0')}`)));
    }
    // PostgreSQL: two instances (stores) on one database. The embedded store is one process by
    // design (a second process on its file waits for the lock): its senders share the store.
    const senders = [store, other, store, other].map((s, index) =>
      sender(s, peer, { now: () => T0, batch: 3, owner: `sender-${index}` }),
    );
    const drain = async (s: MailSender) => {
      while ((await s.runOnce()) > 0) {}
    };
    await Promise.all(senders.map(drain));
    const received = await peer.waitFor(30);
    expect(received).toHaveLength(30);
    const messageIds = received.map((mail) => mail.parsed.messageId);
    expect(new Set(messageIds).size).toBe(30);
    expect(new Set(messageIds.map((messageId) => messageId?.slice(1, 37)))).toEqual(ids);
  });
});

describe('the .eml writer', () => {
  it('writes each mail as a whole .eml file and says where', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.remove());
    const directory = join(database.dataDir, 'mail');
    const transport = emlDirectoryTransport(directory);
    const sent = await transport.send({
      from: { address: 'kontaktcenter@sundsvall.example.se', name: 'Kontaktcenter' },
      to: 'anna.andersson@example.se',
      subject: 'Svar på ditt ärende KC-2026-0042',
      text: 'Hej Anna,\n\nSvar.\n',
      messageId: '<4f1c0c1e-2b9a-4d4e-9d8a-0e6f5a1b2c3d@sundsvall.example.se>',
      date: T0,
      inReplyTo: '<case.KC-2026-0042@sundsvall.example.se>',
      references: ['<case.KC-2026-0042@sundsvall.example.se>'],
    });
    transport.close();
    expect(await readdir(directory)).toEqual([
      '2026-12-03T09-00-00-000Z-4f1c0c1e-2b9a-4d4e-9d8a-0e6f5a1b2c3d.eml',
    ]);
    expect(sent.file).toBe(
      join(directory, '2026-12-03T09-00-00-000Z-4f1c0c1e-2b9a-4d4e-9d8a-0e6f5a1b2c3d.eml'),
    );
    const raw = await readFile(sent.file ?? '', 'utf8');
    expect(raw).toContain('\r\n');
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Svar på ditt ärende KC-2026-0042');
    expect(parsed.text).toBe('Hej Anna,\n\nSvar.\n');
    expect(parsed.html).toBe(false);
    expect(parsed.inReplyTo).toBe('<case.KC-2026-0042@sundsvall.example.se>');
  });
});
