import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config-error.js';
import { parseServerOptions } from '../options.js';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';
import type { TestDatabase } from '../test-support/store.js';
import { createTestDatabase } from '../test-support/store.js';
import { queueMail } from './outbox.js';
import { startMail } from './start.js';
import { startSmtpPeer } from './test-support/smtp-peer.js';

// Mail as the server runs it: settings in the server options, the sender started and stopped
// with the server.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const from = { name: 'Kontaktcenter', address: 'kontaktcenter@sundsvall.example.se' };

async function start(options: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const server = await startTestServer(options);
  cleanups.push(() => server.close());
  return server;
}

function queueReply(database: TestDatabase, reference = 'KC-2026-0042') {
  return database.inspect((db) =>
    db.transaction().execute((trx) =>
      queueMail(trx, {
        caseReference: reference,
        to: 'anna.andersson@example.se',
        subject: `Svar på ditt ärende ${reference}`,
        text: 'Hej Anna!',
      }),
    ),
  );
}

describe('mail in the server', () => {
  it('sends queued mail over SMTP and finishes the attempt before closing', async () => {
    const peer = await startSmtpPeer();
    cleanups.push(() => peer.close());
    const database = await createTestDatabase();
    cleanups.push(() => database.remove());
    const server = await start({
      database,
      mail: {
        from,
        smtp: { host: peer.host, port: peer.port, security: 'none' },
        timings: { pollMs: 50 },
      },
    });
    const { id } = await queueReply(server.database);
    const [mail] = await peer.waitFor(1);
    expect(mail?.parsed.subject).toBe('Svar på ditt ärende KC-2026-0042');
    expect(mail?.parsed.messageId).toBe(`<${id}@sundsvall.example.se>`);
    await server.close();
    const state = await server.database.inspect((db) =>
      db.selectFrom('mail_outbox').select('state').where('id', '=', id).executeTakeFirst(),
    );
    expect(state?.state).toBe('sent');
  });

  it('writes each mail as an .eml file in the mail directory', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.remove());
    const directory = join(database.dataDir, 'mail');
    const server = await start({ database, mail: { directory, timings: { pollMs: 50 } } });
    const { id } = await queueReply(server.database);
    let files: string[] = [];
    while (files.length === 0) {
      files = (await readdir(directory).catch(() => [])).filter((name) => name.endsWith('.eml'));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^\\d{4}-.*-${id}\\.eml$`));
    const parsed = await simpleParser(await readFile(join(directory, files[0] ?? ''), 'utf8'));
    expect(parsed.subject).toBe('Svar på ditt ärende KC-2026-0042');
    expect(parsed.from?.value).toEqual([{ name: 'Kontaktcenter', address: 'kontakt@localhost' }]);
  });

  it('starts without mail settings, says so, and leaves mail queued', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.remove());
    const store = await database.open();
    cleanups.push(() => store.close());
    const lines: { level: number; msg: string }[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()));
          done();
        },
      }),
    );
    const mail = startMail({
      mail: undefined,
      store,
      logger,
      instanceId: 'a',
      now: () => new Date(),
    });
    const { id } = await queueReply(database);
    await mail.close();
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        msg: expect.stringMatching(/^mail is not set up .*stay queued/),
      }),
    ]);
    expect((await store.read('findMail', id))?.state).toBe('queued');
  });

  it('refuses SMTP without a From, and SMTP together with a directory', () => {
    const refused = (mail: object) => {
      try {
        parseServerOptions({ dataDir: '.', mail } as never);
      } catch (error) {
        if (error instanceof ConfigError) return error.errors.map((e) => [e.field, e.code]);
        throw error;
      }
      return [];
    };
    expect(refused({ smtp: { host: 'smtp.example.se' } })).toEqual([['mail.from', 'required']]);
    expect(refused({ from, smtp: { host: 'smtp.example.se' }, directory: 'mail' })).toEqual([
      ['mail.directory', 'invalid_option'],
    ]);
    expect(refused({ from: { address: 'not an address' }, directory: 'mail' })).toEqual([
      ['mail.from.address', 'invalid_email'],
    ]);
    expect(refused({ directory: 'mail' })).toEqual([]);
  });
});
