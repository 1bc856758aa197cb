/**
 * The sign-in settings and command of `kontakt-server`: session lengths as flags and variables
 * (in the one settings table, which `cli-settings.ts` spreads them into), and `hash-password`,
 * which makes the `passwordHash` of a local account.
 */
import { hashPassword } from './passwords.js';

export const AUTH_CLI_SETTINGS = [
  {
    flag: 'session-idle',
    env: 'KONTAKT_SESSION_IDLE',
    arg: '<duration>',
    help: 'an agent session ends after this long without use, e.g. 30m (default 30m)',
  },
  {
    flag: 'session-max',
    env: 'KONTAKT_SESSION_MAX',
    arg: '<duration>',
    help: 'an agent session ends this long after sign-in, however busy, e.g. 12h (default 12h)',
  },
] as const;

type AuthFlag = (typeof AUTH_CLI_SETTINGS)[number]['flag'];

/** Reads a setting: its values and the flag or variable they came from (see `readCliConfig`). */
export type ReadSetting = (
  flag: AuthFlag,
  option: string,
) => { values: string[]; source: string } | undefined;

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** The session lengths the command line and environment give, or `undefined` when none do. */
export function readAuthCli(
  read: ReadSetting,
  fail: (message: string) => Error,
): { idleMs?: number; absoluteMs?: number } | undefined {
  const duration = (flag: AuthFlag, option: string) => {
    const found = read(flag, option);
    if (!found) return undefined;
    const text = found.values.at(-1) ?? '';
    const match = /^(\d+)(s|m|h)$/.exec(text);
    const ms = match ? Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0) : 0;
    if (ms < 1000)
      throw fail(`${found.source} needs a duration such as 30m, 12h or 90s, got ${text}`);
    return ms;
  };
  const idleMs = duration('session-idle', 'session.idleMs');
  const absoluteMs = duration('session-max', 'session.absoluteMs');
  if (idleMs === undefined && absoluteMs === undefined) return undefined;
  return {
    ...(idleMs === undefined ? {} : { idleMs }),
    ...(absoluteMs === undefined ? {} : { absoluteMs }),
  };
}

/**
 * `kontakt-server hash-password`: reads a password from standard input and prints its hash for
 * an account's `passwordHash`. At a terminal it asks without echoing what is typed; from a pipe
 * it takes the input up to a trailing line break (the password itself may hold spaces).
 */
export async function hashPasswordCommand(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stdout,
  prompt: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  const password = input.isTTY ? await readHidden(input, prompt) : await readAll(input);
  if (!password)
    throw new Error('hash-password reads the password from standard input; none was given');
  const hash = await hashPassword(password);
  output.write(`${hash}\n`);
  return hash;
}

async function readAll(input: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

/** Reads one line at a terminal in raw mode, so nothing typed is shown (or kept in scrollback). */
function readHidden(input: NodeJS.ReadStream, prompt: NodeJS.WriteStream): Promise<string> {
  // Raw mode before the prompt: whatever is typed once the prompt shows is never echoed.
  input.setRawMode(true);
  prompt.write('Password (not shown): ');
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      prompt.write('\n');
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new Error('hash-password was interrupted'));
        if (char === '\u007f' || char === '\b') text = [...text].slice(0, -1).join('');
        else text += char;
      }
    };
    input.resume();
    input.on('data', onData);
  });
}
