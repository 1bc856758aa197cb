/**
 * The call-back settings of `kontakt-server`: each a flag and an environment variable, in the one
 * settings table (`cli-settings.ts` spreads them in). They beat the configuration file's
 * `callback` section, field by field.
 */
import type { CallbackOptions } from './settings.js';

export const CALLBACK_CLI_SETTINGS = [
  {
    flag: 'callback-slot-minutes',
    env: 'KONTAKT_CALLBACK_SLOT_MINUTES',
    arg: '<minutes>',
    help: 'length of a call-back slot, cut from the opening hours (default 30)',
  },
  {
    flag: 'callback-calls-per-slot',
    env: 'KONTAKT_CALLBACK_CALLS_PER_SLOT',
    arg: '<n>',
    help: 'calls the contact center takes per call-back slot (default 3)',
  },
  {
    flag: 'callback-days-ahead',
    env: 'KONTAKT_CALLBACK_DAYS_AHEAD',
    arg: '<days>',
    help: 'days with opening hours that call-back slots are offered for (default 5)',
  },
] as const;

type CallbackFlag = (typeof CALLBACK_CLI_SETTINGS)[number]['flag'];

/** Reads a setting: its values and the flag or variable they came from (see `readCliConfig`). */
export type ReadSetting = (
  flag: CallbackFlag,
  option: string,
) => { values: string[]; source: string } | undefined;

const FIELDS: ReadonlyArray<[CallbackFlag, keyof CallbackOptions]> = [
  ['callback-slot-minutes', 'slotMinutes'],
  ['callback-calls-per-slot', 'callsPerSlot'],
  ['callback-days-ahead', 'daysAhead'],
];

/**
 * The call-back options the command line and environment give, or `undefined` when none do.
 * Whole numbers only here; their ranges are checked with the rest of the server options.
 */
export function readCallbackCli(
  read: ReadSetting,
  fail: (message: string) => Error,
): CallbackOptions | undefined {
  const options: { -readonly [K in keyof CallbackOptions]: CallbackOptions[K] } = {};
  for (const [flag, field] of FIELDS) {
    const found = read(flag, `callback.${field}`);
    if (!found) continue;
    const value = found.values.at(-1) ?? '';
    if (!/^\d+$/.test(value)) throw fail(`${found.source} needs a whole number, got ${value}`);
    options[field] = Number(value);
  }
  return Object.keys(options).length > 0 ? options : undefined;
}
