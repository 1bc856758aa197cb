import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../test-support/store.js';
import { createTestDatabase } from '../test-support/store.js';
import { appendEvents, readEvents } from './events.js';

const databases: TestDatabase[] = [];
/** More than one statement appends (2,000 events each, for the bound-value limits). */
const APPENDED = 2100;
afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.remove()));
});

describe('the event log', () => {
  it('never lets a reader skip an event: cursors commit in order while transactions overlap', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const writers = 24;
    const seen: number[] = [];
    await database.inspect(async (db) => {
      let writing = true;
      // A reader that follows the stream as a page would: after the last cursor it saw.
      const reader = (async () => {
        let after = 0;
        for (;;) {
          const done = !writing;
          for (const event of await readEvents(db, 'order', after, 100)) {
            seen.push((event.data as { writer: number }).writer);
            after = event.cursor;
          }
          if (done) return;
          await sleep(1);
        }
      })();
      // Each writer draws its cursor, then takes a while to commit: without the log's lock a later
      // cursor would commit first, and the reader would pass the earlier one for good.
      await Promise.all(
        Array.from({ length: writers }, (_, writer) =>
          db.transaction().execute(async (trx) => {
            await sleep(writer % 3);
            await appendEvents(
              trx,
              [{ stream: 'order', type: 'test', data: { writer } }],
              new Date(),
            );
            await sleep(3 - (writer % 3));
          }),
        ),
      );
      writing = false;
      await reader;
    });
    expect(seen.toSorted((a, b) => a - b)).toEqual(Array.from({ length: writers }, (_, i) => i));
  });

  it('gives the events of one append cursors in the order given, past one statement’s worth', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const events = await database.inspect(async (db) => {
      await db.transaction().execute((trx) =>
        appendEvents(
          trx,
          Array.from({ length: APPENDED }, (_, n) => ({
            stream: n % 2 ? 'odd' : 'even',
            type: 'test',
            data: { n },
          })),
          new Date(),
        ),
      );
      return [
        ...(await readEvents(db, 'even', 0, APPENDED)),
        ...(await readEvents(db, 'odd', 0, APPENDED)),
      ];
    });
    const byCursor = events.toSorted((a, b) => a.cursor - b.cursor);
    expect(byCursor.map((event) => (event.data as { n: number }).n)).toEqual(
      Array.from({ length: APPENDED }, (_, n) => n),
    );
  });
});
