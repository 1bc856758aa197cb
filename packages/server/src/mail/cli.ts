/**
 * The mail settings of `kontakt-server`: each a flag and an environment variable, in the one
 * settings table (`cli-settings.ts` spreads them in). The SMTP password is best given by variable
 * or file: a flag's value shows in the process list.
 */
import { readFileSync } from 'node:fs';
import type { MailAddress } from './message.js';
import type { MailOptions } from './settings.js';
import type { SmtpSettings } from './transport.js';

export const MAIL_CLI_SETTINGS = [
  {
    flag: 'smtp-host',
    env: 'KONTAKT_SMTP_HOST',
    arg: '<host>',
    help: 'send mail (replies to citizens) through this SMTP server',
  },
  {
    flag: 'smtp-port',
    env: 'KONTAKT_SMTP_PORT',
    arg: '<n>',
    help: 'the SMTP port (default 587, or 465 with --smtp-security tls)',
  },
  {
    flag: 'smtp-security',
    env: 'KONTAKT_SMTP_SECURITY',
    arg: 'starttls|tls|none',
    help: 'starttls: the server must offer STARTTLS (default); tls: TLS from the start (port 465); none: no TLS (a relay on this host)',
  },
  { flag: 'smtp-user', env: 'KONTAKT_SMTP_USER', arg: '<name>', help: 'the SMTP user name' },
  {
    flag: 'smtp-password',
    env: 'KONTAKT_SMTP_PASSWORD',
    arg: '<password>',
    help: 'the SMTP password (prefer the variable or the file; never logged)',
  },
  {
    flag: 'smtp-password-file',
    env: 'KONTAKT_SMTP_PASSWORD_FILE',
    arg: '<file>',
    help: 'a file holding the SMTP password',
  },
  {
    flag: 'mail-from',
    env: 'KONTAKT_MAIL_FROM',
    arg: '"<name> <address>"',
    help: 'the sender of every mail, e.g. "Kontaktcenter <kontakt@sundsvall.se>" (required with --smtp-host)',
  },
  {
    flag: 'mail-dir',
    env: 'KONTAKT_MAIL_DIR',
    arg: '<dir>',
    help: 'write each mail as an .eml file in <dir> instead of sending it (the demo, development)',
  },
] as const;

type MailFlag = (typeof MAIL_CLI_SETTINGS)[number]['flag'];

/** Reads a setting: its values and the flag or variable they came from (see `readCliConfig`). */
export type ReadSetting = (
  flag: MailFlag,
  option: string,
) => { values: string[]; source: string } | undefined;

/** Makes the error for a setting that cannot be used (`UsageError`, passed in). */
export type Fail = (message: string) => Error;

/** The mail options the command line and environment give, or `undefined` when none do. */
export function readMailCli(read: ReadSetting, fail: Fail): MailOptions | undefined {
  const one = (flag: MailFlag, option: string) => {
    const found = read(flag, option);
    return found && { value: found.values.at(-1) ?? '', source: found.source };
  };
  const host = one('smtp-host', 'mail.smtp.host');
  const port = one('smtp-port', 'mail.smtp.port');
  const security = one('smtp-security', 'mail.smtp.security');
  const user = one('smtp-user', 'mail.smtp.user');
  const password = one('smtp-password', 'mail.smtp.password');
  const passwordFile = one('smtp-password-file', 'mail.smtp.password');
  const from = one('mail-from', 'mail.from');
  const directory = one('mail-dir', 'mail.directory');
  const smtpOnly = [port, security, user, password, passwordFile].find(Boolean);
  if (!host && smtpOnly) throw fail(`${smtpOnly.source} needs --smtp-host (KONTAKT_SMTP_HOST)`);
  if (host && directory) {
    throw fail(
      `Send mail over SMTP or write it to a directory, not both: ${host.source} and ${directory.source}`,
    );
  }
  if (password && passwordFile) {
    throw fail(`Give the SMTP password once: ${password.source} or ${passwordFile.source}`);
  }
  const options: MailOptions = {};
  if (from) options.from = parseFrom(from.value, from.source, fail);
  if (directory) options.directory = directory.value;
  if (host) {
    const smtp: { -readonly [K in keyof SmtpSettings]: SmtpSettings[K] } = { host: host.value };
    if (port) smtp.port = parsePort(port.value, port.source, fail);
    if (security) smtp.security = parseSecurity(security.value, security.source, fail);
    if (user) smtp.user = user.value;
    const secret = password?.value ?? (passwordFile && readSecret(passwordFile, fail));
    if (secret !== undefined) smtp.password = secret;
    options.smtp = smtp;
  }
  return Object.keys(options).length > 0 ? options : undefined;
}

/** `Kontaktcenter <kontakt@sundsvall.se>` or just the address. */
function parseFrom(text: string, source: string, fail: Fail): MailAddress {
  const match = /^\s*(?:"?([^"<]*?)"?\s*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(text);
  const address = match?.[2] ?? match?.[3];
  if (!match || !address) {
    throw fail(`${source} needs an address or "Name <address>", got ${text}`);
  }
  const name = match[1]?.trim();
  return name ? { name, address } : { address };
}

function parsePort(text: string, source: string, fail: Fail): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65_535) {
    throw fail(`${source} needs a port number from 1 to 65535, got ${text}`);
  }
  return port;
}

const SECURITY = ['starttls', 'tls', 'none'] as const;

function parseSecurity(text: string, source: string, fail: Fail): SmtpSettings['security'] {
  const found = SECURITY.find((value) => value === text);
  if (!found) throw fail(`${source} must be one of ${SECURITY.join(', ')}, got ${text}`);
  return found;
}

/** The password file's content without its final line break (never shown in an error). */
function readSecret(file: { value: string; source: string }, fail: Fail): string {
  try {
    return readFileSync(file.value, 'utf8').replace(/\r?\n$/, '');
  } catch {
    throw fail(`${file.source}: cannot read the password file ${file.value}`);
  }
}
