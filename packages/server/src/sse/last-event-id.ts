import { LAST_EVENT_ID_PARAM } from '@kontakt/core/events';
import type { Context } from 'hono';
import type { Cursor } from './feed.js';

/** Cursors are safe integers: at most 16 digits, so the number is exact. */
const CURSOR = /^(0|[1-9][0-9]{0,15})$/;

/**
 * Where a client resumes: the `Last-Event-ID` header, else the `lastEventId` query parameter
 * (for clients that cannot send headers), else `undefined` (it has seen nothing). The header
 * wins: `EventSource` keeps the URL it was opened with, query and all, and sends its newest id
 * in the header when it reconnects. Returns `null` when the id is not one this server sent.
 */
export function readLastEventId(c: Context): Cursor | undefined | null {
  const value = c.req.header('Last-Event-ID') || c.req.query(LAST_EVENT_ID_PARAM);
  if (value === undefined || value === '') return undefined;
  const trimmed = value.trim();
  if (!CURSOR.test(trimmed)) return null;
  const cursor = Number(trimmed);
  return Number.isSafeInteger(cursor) ? cursor : null;
}
