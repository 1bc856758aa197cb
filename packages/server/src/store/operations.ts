import type { Kysely } from 'kysely';
import { agentCaseReads, agentCaseWrites } from '../agent-cases/operations.js';
import { authReads, authWrites } from '../auth/operations.js';
import { callbackReads, callbackWrites } from '../callbacks/store.js';
import { chatReads, chatWrites } from '../chat/operations.js';
import { dashboardReads } from '../dashboard/queries.js';
import { faultReads } from '../faults/store.js';
import { mailReads, mailWrites } from '../mail/outbox.js';
import { open311Reads, open311Writes } from '../open311/operations.js';
import { open311ForwardReads, open311ForwardWrites } from '../open311-forward/operations.js';
import { photoReads, photoWrites } from '../photos/operations.js';
import { publicCaseReads, publicCaseWrites } from '../public-cases/operations.js';
import type { NewEvent } from './events.js';
import { headCursor, readEvents } from './events.js';
import { saveNoticeWithEvents } from './notices.js';
import type { Database } from './schema.js';

/*
 * The store's operations by name, for both stores: the Kysely store runs them on its pool, the
 * embedded store sends their name and arguments to its worker thread, which runs the same function
 * there. A feature adds its queries here (one spread of its own module's `reads` or `writes`) and
 * routes call them as `store.read('name', …)` / `store.write('name', …)`, with no change to the
 * store classes or the worker protocol.
 *
 * Arguments and results cross the thread boundary by structured clone: plain data, `Date`s, no
 * functions or class instances.
 */

/** A query: reads, changes nothing. */
export type ReadOperation = (db: Kysely<Database>, ...args: never[]) => Promise<unknown>;

/**
 * A change, in one transaction with the events that report it. It returns its value and the
 * streams it appended events to; the store tells their subscribers once the transaction has
 * committed (in-process, and on PostgreSQL also every other instance through NOTIFY).
 */
export type WriteOperation = (db: Kysely<Database>, ...args: never[]) => Promise<Written<unknown>>;

/** What a write returns: its value, and which streams got new events. */
export interface Written<T> {
  readonly value: T;
  readonly streams: readonly string[];
}

export const reads = {
  readEvents,
  headCursor,
  ...authReads,
  ...mailReads,
  ...agentCaseReads,
  ...dashboardReads,
  ...open311Reads,
  ...open311ForwardReads,
  ...faultReads,
  ...publicCaseReads,
  ...photoReads,
  ...callbackReads,
  ...chatReads,
} satisfies Record<string, ReadOperation>;

export const writes = {
  async saveNotice(db: Kysely<Database>, ...[notice, events, now]: SaveNoticeArgs) {
    await saveNoticeWithEvents(db, notice, events, now);
    return { value: undefined, streams: events.map((event) => event.stream) };
  },
  ...authWrites,
  ...mailWrites,
  ...agentCaseWrites,
  ...open311Writes,
  ...open311ForwardWrites,
  ...publicCaseWrites,
  ...photoWrites,
  ...callbackWrites,
  ...chatWrites,
} satisfies Record<string, WriteOperation>;

type SaveNoticeArgs = [
  notice: Parameters<typeof saveNoticeWithEvents>[1],
  events: readonly NewEvent[],
  now: Date,
];

export type Reads = typeof reads;
export type Writes = typeof writes;
export type ReadName = keyof Reads;
export type WriteName = keyof Writes;

/** The arguments of an operation after the database. */
export type ArgsOf<F> = F extends (db: Kysely<Database>, ...args: infer A) => unknown ? A : never;
export type ReadResult<N extends ReadName> = Awaited<ReturnType<Reads[N]>>;
export type WriteResult<N extends WriteName> =
  Awaited<ReturnType<Writes[N]>> extends Written<infer T> ? T : never;

/**
 * The typed way to call operations, which both stores implement: `read('name', …args)` and
 * `write('name', …args)` with the arguments and result of the named function.
 */
export interface StoreOperations {
  read<N extends ReadName>(name: N, ...args: ArgsOf<Reads[N]>): Promise<ReadResult<N>>;
  write<N extends WriteName>(name: N, ...args: ArgsOf<Writes[N]>): Promise<WriteResult<N>>;
}

/** Runs a named read on `db` (both stores call this: the Kysely store directly, the worker on its thread). */
export function runRead(
  db: Kysely<Database>,
  name: string,
  args: readonly unknown[],
): Promise<unknown> {
  const operation = (reads as Record<string, unknown>)[name];
  if (typeof operation !== 'function') {
    return Promise.reject(new Error(`Not a read operation of the store: ${name}`));
  }
  return (operation as (db: Kysely<Database>, ...args: unknown[]) => Promise<unknown>)(db, ...args);
}

/** Runs a named write on `db`; see `runRead`. */
export function runWrite(
  db: Kysely<Database>,
  name: string,
  args: readonly unknown[],
): Promise<Written<unknown>> {
  const operation = (writes as Record<string, unknown>)[name];
  if (typeof operation !== 'function') {
    return Promise.reject(new Error(`Not a write operation of the store: ${name}`));
  }
  return (operation as (db: Kysely<Database>, ...args: unknown[]) => Promise<Written<unknown>>)(
    db,
    ...args,
  );
}
