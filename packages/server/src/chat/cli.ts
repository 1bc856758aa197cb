/**
 * The chat settings of `kontakt-server`: each a flag and an environment variable, in the one
 * settings table (`cli-settings.ts` spreads them in). They beat the configuration file's `chat`
 * section, field by field.
 */
import type { ChatOptions } from './settings.js';
import { CHAT_QUEUE_KINDS } from './settings.js';

export const CHAT_CLI_SETTINGS = [
  {
    flag: 'chat-queue',
    env: 'KONTAKT_CHAT_QUEUE',
    arg: 'contact-center|department',
    help: 'one chat queue for the whole contact center (default), or one per department',
  },
  {
    flag: 'chat-max-per-agent',
    env: 'KONTAKT_CHAT_MAX_PER_AGENT',
    arg: '<n>',
    help: 'chats one agent holds at once before no more are offered to them (default 3)',
  },
  {
    flag: 'chat-offer-timeout',
    env: 'KONTAKT_CHAT_OFFER_TIMEOUT',
    arg: '<seconds>',
    help: 'how long a chat offered to an agent waits before it is offered to another (default 30)',
  },
  {
    flag: 'chat-max-wait',
    env: 'KONTAKT_CHAT_MAX_WAIT',
    arg: '<minutes>',
    help: 'how long a chat waits unanswered before it ends and is left as a case (default 20)',
  },
  {
    flag: 'chat-left-after',
    env: 'KONTAKT_CHAT_LEFT_AFTER',
    arg: '<seconds>',
    help: "how long a waiting chat's citizen may be gone (tab closed) before it ends as a case (default 120)",
  },
  {
    flag: 'chat-citizen-away-after',
    env: 'KONTAKT_CHAT_CITIZEN_AWAY_AFTER',
    arg: '<seconds>',
    help: "how long a taken chat's citizen may go unseen before their agent is told they seem to have left (default 40)",
  },
] as const;

type ChatFlag = (typeof CHAT_CLI_SETTINGS)[number]['flag'];

/** Reads a setting: its values and the flag or variable they came from (see `readCliConfig`). */
export type ReadSetting = (
  flag: ChatFlag,
  option: string,
) => { values: string[]; source: string } | undefined;

/** The chat options the command line and environment give, or `undefined` when none do. */
export function readChatCli(
  read: ReadSetting,
  fail: (message: string) => Error,
): ChatOptions | undefined {
  const one = (flag: ChatFlag, option: string) => {
    const found = read(flag, option);
    return found && { value: found.values.at(-1) ?? '', source: found.source };
  };
  const options: { -readonly [K in keyof ChatOptions]: ChatOptions[K] } = {};
  const queue = one('chat-queue', 'chat.queue');
  if (queue) {
    if (!(CHAT_QUEUE_KINDS as readonly string[]).includes(queue.value)) {
      throw fail(`${queue.source} needs contact-center or department, got ${queue.value}`);
    }
    options.queue = queue.value as ChatOptions['queue'];
  }
  const whole = (flag: ChatFlag, option: string): number | undefined => {
    const found = one(flag, option);
    if (!found) return undefined;
    if (!/^\d+$/.test(found.value)) {
      throw fail(`${found.source} needs a whole number, got ${found.value}`);
    }
    return Number(found.value);
  };
  const max = whole('chat-max-per-agent', 'chat.maxChatsPerAgent');
  if (max !== undefined) options.maxChatsPerAgent = max;
  const offer = whole('chat-offer-timeout', 'chat.offerTimeoutSeconds');
  if (offer !== undefined) options.offerTimeoutSeconds = offer;
  const wait = whole('chat-max-wait', 'chat.maxWaitMinutes');
  if (wait !== undefined) options.maxWaitMinutes = wait;
  const left = whole('chat-left-after', 'chat.leftAfterSeconds');
  if (left !== undefined) options.leftAfterSeconds = left;
  const away = whole('chat-citizen-away-after', 'chat.citizenAwayAfterSeconds');
  if (away !== undefined) options.citizenAwayAfterSeconds = away;
  return Object.keys(options).length > 0 ? options : undefined;
}
