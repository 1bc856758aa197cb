import type { Context } from 'hono';
import { expectedAnswerBy } from '../answer-by.js';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { ProblemError } from '../http/http-error.js';
import { LookupLimiter } from '../public-cases/limiter.js';
import type { ChatRefusal } from './sessions.js';
import type { ChatSettings } from './settings.js';
import { CHAT_DEFAULTS } from './settings.js';

/*
 * What the citizen's and the agents' chat routes share: answers, refusals, limits, time.
 */

/** Chat JSON holds personal data and tokens: no cache may keep a copy. */
export const NO_STORE = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
};

/**
 * How long a chat stream lives before it ends with the reconnect event: its side counts as
 * connected (its messages delivered) until a little after, and a reconnect renews it. Short, so
 * a side whose instance died stops counting as connected soon.
 */
export const CHAT_STREAM_MS = 60_000;
const CONNECTED_GRACE_MS = 15_000;

/**
 * Typing older than this is not replayed to a stream that opens or resumes (`chatConnected`):
 * clients send `typing: true` every few seconds while typing, so a live one is younger.
 */
export const TYPING_REPLAY_MS = 5_000;

/** Typing told before this is not replayed to a stream opened `at`. */
export const typingSince = (at: Date) => new Date(at.getTime() - TYPING_REPLAY_MS).toISOString();

/** Until when a side whose stream opens at `at` counts as connected. */
export const connectedUntil = (at: Date) =>
  new Date(at.getTime() + CHAT_STREAM_MS + CONNECTED_GRACE_MS).toISOString();

export const settingsOf = (ctx: AppContext): ChatSettings => ctx.chat ?? CHAT_DEFAULTS;

/** When a case of each department that arrives `at` is due (for a chat that becomes one). */
export function answerByOf(ctx: AppContext, at: Date): Record<string, string> {
  return Object.fromEntries(
    [...ctx.departments.values()].map((department) => [
      department.id,
      expectedAnswerBy(department, at).toISOString(),
    ]),
  );
}

export const chatNotFound = () =>
  new ProblemError(404, 'chat_not_found', {
    detail: 'No chat matches this id and token.',
    headers: { 'Cache-Control': 'no-store' },
  });

/** The problem for a refused action on a session. */
export function refusal(error: ChatRefusal): ProblemError {
  switch (error) {
    case 'not_found':
      return chatNotFound();
    case 'ended':
      return new ProblemError(409, 'chat_ended', { detail: 'The chat has ended.' });
    case 'not_yours':
      return new ProblemError(403, 'forbidden', {
        detail: 'Another agent holds this chat (or nobody has taken it yet).',
      });
  }
}

/**
 * A token bucket per key (a session, an address), answering 429 with `Retry-After` when it is
 * empty: one client cannot flood a chat, or the queue with new chats.
 */
export class ChatLimit {
  readonly #limiter: LookupLimiter;
  readonly #what: string;

  constructor(options: { windowMs: number; max: number; burst: number }, what: string) {
    this.#limiter = new LookupLimiter(options);
    this.#what = what;
  }

  take(key: string, now: Date): void {
    const waitMs = this.#limiter.waitMs(key, now.getTime(), true);
    if (waitMs === 0) return;
    throw new ProblemError(429, 'rate_limited', {
      detail: `Too many ${this.#what}; try again shortly.`,
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) },
    });
  }
}

/** The session id of the path, as given. */
export const sessionIdOf = (c: Context<AppEnv>): string => c.req.param('id') ?? '';
