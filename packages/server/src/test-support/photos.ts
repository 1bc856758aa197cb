import type { FieldError } from '@kontakt/core/schemas';
import { ProblemSchema } from '@kontakt/core/schemas';
import { expect } from 'vitest';
import type { TestServer } from './index.js';

/*
 * What the tests of routes that take photos (a message's, a later message's, a fault report's)
 * read back: the field errors of a refusal, and the photos' rows.
 */

/** The field errors of a `422 validation_failed` answer (and that it is one). */
export async function refusal(response: Response): Promise<FieldError[]> {
  expect(response.status).toBe(422);
  const problem = ProblemSchema.parse(await response.json());
  expect(problem.code).toBe('validation_failed');
  return problem.errors ?? [];
}

/** The photos rows of `ids` on `server`, in that order: whose they are and in which place. */
export async function photoRowsOf(server: TestServer, ids: string[]) {
  const rows = await server.database.inspect((db) =>
    db
      .selectFrom('photos')
      .select(['id', 'case_reference', 'position'])
      .where('id', 'in', ids)
      .execute(),
  );
  return rows
    .map((row) => ({ ...row, position: row.position === null ? null : Number(row.position) }))
    .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}
