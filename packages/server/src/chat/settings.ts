import type { Department, OpeningHours } from '@kontakt/core/schemas';
import { OpeningHoursSchema } from '@kontakt/core/schemas';
import * as z from 'zod/mini';

/*
 * The server's `chat` settings (config file `"chat": { … }`, server option `chat`, and the
 * `KONTAKT_CHAT_*` variables): how the queue is organised and how long things wait.
 */

/** `contact-center`: one queue for every department; `department`: one queue per department. */
export const CHAT_QUEUE_KINDS = ['contact-center', 'department'] as const;
export type ChatQueueKind = (typeof CHAT_QUEUE_KINDS)[number];

/** The queue key of the one queue for every department. */
export const CONTACT_CENTER_QUEUE = 'contact-center';

const seconds = (min: number, max: number) =>
  z
    .number('invalid_type')
    .check(z.int('invalid_type'), z.minimum(min, 'too_small'), z.maximum(max, 'too_big'));

export const ChatOptionsSchema = z.object({
  /** One queue for the whole contact center (default) or one per department. */
  queue: z._default(z.enum(CHAT_QUEUE_KINDS, 'invalid_option'), 'contact-center'),
  /**
   * Chats one agent may hold at once (default 3): offers and hand-overs go to agents under it, and
   * an agent at it cannot take another (409 `agent_at_capacity`).
   */
  maxChatsPerAgent: z._default(seconds(1, 50), 3),
  /** Seconds an offered chat waits for the agent before it is offered to another (default 30). */
  offerTimeoutSeconds: z._default(seconds(5, 600), 30),
  /** Minutes a chat waits unanswered before it ends as unanswered, left as a case (default 20). */
  maxWaitMinutes: z._default(seconds(1, 24 * 60), 20),
  /**
   * Seconds a waiting chat's citizen may be gone (no page with the chat open, no request) before
   * the chat ends as left, a case (default 120). A reload or a new page within it keeps the chat.
   */
  leftAfterSeconds: z._default(seconds(30, 3600), 120),
  /**
   * Seconds a taken chat's citizen may go unseen (no page with the chat open, no request) before
   * their agent is told they seem to have left (default 40; at least 20: see `seenEveryMs`).
   */
  citizenAwayAfterSeconds: z._default(seconds(20, 3600), 40),
  /** Seconds an agent's console may be without its agent stream before they count as away (default 90). */
  awayAfterSeconds: z._default(seconds(10, 3600), 90),
  /**
   * The contact center's chat hours, for every department's chat (`{ timeZone, weekly, special,
   * closedOnPublicHolidays }`, as a department's `openingHours`). Without it, a chat follows its
   * department's own opening hours.
   */
  openingHours: z.optional(OpeningHoursSchema),
  /**
   * Whether citizens may ask to be called back (default true): availability says so, and
   * `/v1/callbacks` refuses while it is off (409 `callback_not_offered`).
   */
  callback: z._default(z.boolean('invalid_type'), true),
  /**
   * Per department, by id: its own chat settings over the contact center's (`{ "callback": false }`:
   * that department takes no call-back requests).
   */
  departments: z._default(
    z.record(z.string(), z.object({ callback: z.optional(z.boolean('invalid_type')) })),
    {},
  ),
  /**
   * New chats per client address: `max` per `windowMs` on average, `burst` at once (default 10
   * in 10 minutes, 5 at once). A library's computers share one address: not lower.
   */
  startLimit: z._default(
    z.object({
      windowMs: z.number('invalid_type').check(z.positive('too_small')),
      max: z.number('invalid_type').check(z.minimum(1, 'too_small')),
      burst: z.number('invalid_type').check(z.minimum(1, 'too_small')),
    }),
    { windowMs: 10 * 60_000, max: 10, burst: 5 },
  ),
});
export type ChatOptions = z.input<typeof ChatOptionsSchema>;
export type ChatSettings = z.output<typeof ChatOptionsSchema>;

/** The defaults, for a server without a `chat` section. */
export const CHAT_DEFAULTS: ChatSettings = ChatOptionsSchema.parse({});

/** The queue a chat of `department` waits in. */
export function queueOf(settings: ChatSettings, department: string): string {
  return settings.queue === 'contact-center' ? CONTACT_CENTER_QUEUE : department;
}

/** Whether call-back requests are taken for `department`: its own setting, else the contact center's. */
export function callbackOffered(settings: ChatSettings, department: string): boolean {
  return settings.departments[department]?.callback ?? settings.callback;
}

/** The hours chat with `department` is open: the contact center's chat hours, or the department's. */
export function chatHoursOf(settings: ChatSettings, department: Department): OpeningHours {
  return settings.openingHours ?? department.openingHours;
}
