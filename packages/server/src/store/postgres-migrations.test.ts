import { describe, expect, it } from 'vitest';
import { createTestDatabase, storeUnderTest } from '../test-support/store.js';
import { appliedMigrations } from './migrations.js';
import { openStore } from './open.js';

describe.skipIf(storeUnderTest !== 'postgres')('migrations on PostgreSQL', () => {
  it('lets several instances start together on a new database: one migrates, the others wait', async () => {
    // Without the tables the other tests' databases are copied with.
    const database = await createTestDatabase({ empty: true });
    try {
      const stores = await Promise.all(
        Array.from({ length: 4 }, () => openStore(database.options)),
      );
      const names = await database.inspect((db) => appliedMigrations(db as never));
      expect(names.length).toBeGreaterThan(0);
      expect(new Set(names).size).toBe(names.length);
      await Promise.all(stores.map((store) => store.close()));
    } finally {
      await database.remove();
    }
  });
});
