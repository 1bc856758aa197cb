import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { keyRecord, newCase } from '../test-support/cases.js';
import type { TestDatabase } from '../test-support/store.js';
import { createTestDatabase } from '../test-support/store.js';
import { DatabaseUnreachableError } from './errors.js';
import { connectPostgres, redactUrl } from './postgres.js';
import type { Store } from './store.js';

// Runs in the `postgres` test project only (see vitest.config.ts).

const databases: TestDatabase[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(databases.splice(0).map((database) => database.remove()));
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('connectPostgres', () => {
  it('says in one sentence which database cannot be reached and why, without the password', async () => {
    const url = `postgres://kontakt:hemligt@127.0.0.1:${await freePort()}/kontakt`;
    const error = await connectPostgres(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    const { message } = error as Error;
    expect(message).toContain(redactUrl(url));
    expect(message).toContain('connection refused');
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('hemligt');
    expect(message.split('. ')).toHaveLength(1);
  });

  it('names a database that does not exist', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const url = new URL(database.databaseUrl as string);
    url.pathname = '/kontakt_no_such_database';
    const error = await connectPostgres(url.toString()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    expect((error as Error).message).toContain(
      'database "kontakt_no_such_database" does not exist',
    );
  });
});

describe('two stores on one PostgreSQL database (two instances)', () => {
  it('make one case from the same Idempotency-Key sent to both at once', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const [a, b] = await Promise.all([database.open(), database.open()]);
    stores.push(a, b);

    // Many keys at once, so some pairs really do overlap inside PostgreSQL.
    const keys = Array.from({ length: 20 }, (_, i) => `key-${i}`);
    const results = await Promise.all(
      keys.flatMap((key, i) => {
        const [ra, rb] = [`KC-AAAA-${1000 + i}`, `KC-BBBB-${1000 + i}`];
        return [
          a.createCase(newCase(ra), keyRecord(key, ra)),
          b.createCase(newCase(rb), keyRecord(key, rb)),
        ];
      }),
    );

    expect(await a.countCases()).toBe(keys.length);
    for (const [i, key] of keys.entries()) {
      const pair = results.slice(2 * i, 2 * i + 2);
      expect(pair.filter((result) => result.created)).toHaveLength(1);
      const other = pair.find((result) => !result.created);
      expect(other).toMatchObject({ conflict: 'idempotency_key', record: { key } });
      const stored = await b.findIdempotencyRecord('gata', key, new Date('2025-03-04T00:00:00Z'));
      expect(other && 'record' in other && other.record).toEqual(stored);
    }
  });
});
