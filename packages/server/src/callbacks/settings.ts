import * as z from 'zod/mini';

/*
 * The server's `callback` settings (config file `"callback": { … }`, server option `callback`):
 * how call-back slots are cut from the opening hours and how many calls each takes.
 */

const whole = (min: number, max: number) =>
  z
    .number('invalid_type')
    .check(z.int('invalid_type'), z.minimum(min, 'too_small'), z.maximum(max, 'too_big'));

export const CallbackOptionsSchema = z.object({
  /** Minutes per slot, cut from each opening period from its start (default 30). */
  slotMinutes: z._default(whole(5, 240), 30),
  /** Calls the contact center takes per slot; a full slot is shown unavailable (default 3). */
  callsPerSlot: z._default(whole(1, 1000), 3),
  /** Days with opening hours that slots are offered for, today included (default 5). */
  daysAhead: z._default(whole(1, 30), 5),
});
export type CallbackOptions = z.input<typeof CallbackOptionsSchema>;
export type CallbackSettings = z.output<typeof CallbackOptionsSchema>;

/** The defaults, for a server without a `callback` section. */
export const CALLBACK_DEFAULTS: CallbackSettings = CallbackOptionsSchema.parse({});
