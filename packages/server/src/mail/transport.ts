import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { createTransport, Transporter } from 'nodemailer';
import type { MailMessage } from './message.js';

/** Where mail goes: an SMTP server, or a directory of `.eml` files (the demo). */
export interface MailTransport {
  /** Says where mail goes, for the start-up log: no user name, no password. */
  readonly description: string;
  /**
   * Sends one message; rejects with the transport's error (`EABORT` once `signal` aborts).
   * Resolves with the file it wrote, if any.
   */
  send(message: MailMessage, signal?: AbortSignal): Promise<{ file?: string }>;
  close(): void;
}

/** How to reach the SMTP server. */
export interface SmtpSettings {
  readonly host: string;
  /** Default 587, or 465 with `security: 'tls'`. */
  readonly port?: number | undefined;
  /**
   * `starttls` (default): plain connection upgraded with STARTTLS, which the server must offer;
   * `tls`: TLS from the first byte (port 465); `none`: never TLS (a relay on the same host).
   */
  readonly security?: 'starttls' | 'tls' | 'none' | undefined;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  /** Trust these CA certificates (PEM) too, e.g. a municipality's own CA; tests pass theirs. */
  readonly ca?: string | undefined;
}

/**
 * Time limits per attempt. The outbox lease (`sender.ts`) is longer than all of them together,
 * so a slow attempt never outlives its claim and gets sent again by another instance.
 */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 30_000,
  greetingTimeout: 30_000,
  socketTimeout: 60_000,
} as const;

/** One connection per mail: replies come a few a minute, and a broken pooled socket cannot linger. */
export function smtpTransport(settings: SmtpSettings): MailTransport {
  const security = settings.security ?? 'starttls';
  const port = settings.port ?? (security === 'tls' ? 465 : 587);
  const transporter = lazyTransporter({
    host: settings.host,
    port,
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'none',
    ...(settings.user !== undefined
      ? { auth: { user: settings.user, pass: settings.password ?? '' } }
      : {}),
    ...(settings.ca !== undefined ? { tls: { ca: settings.ca } } : {}),
    ...SMTP_TIMEOUTS,
    // nodemailer's own logging would print addresses and, at debug level, the whole dialogue.
    logger: false,
    debug: false,
  });
  return {
    description: `smtp://${settings.host}:${port} (${security})`,
    async send(message, signal) {
      await (await transporter.get()).sendMail({
        ...(signal ? { signal } : {}),
        ...message,
        from: { ...message.from, name: message.from.name ?? '' },
      });
      return {};
    },
    close: transporter.close,
  };
}

/**
 * Writes each message as `<time>-<message id>.eml` in `directory` instead of sending it: the demo
 * and development, where no SMTP server runs. The file is written under a hidden name and then
 * renamed, so a reader never sees half a mail.
 */
export function emlDirectoryTransport(directory: string): MailTransport {
  const dir = resolve(directory);
  const composer = lazyTransporter({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });
  return {
    description: `.eml files in ${dir}`,
    async send(message) {
      const info = await (await composer.get()).sendMail({
        ...message,
        from: { ...message.from, name: message.from.name ?? '' },
      });
      await mkdir(dir, { recursive: true });
      const stamp = message.date.toISOString().replace(/[:.]/g, '-');
      const id = message.messageId.replace(/^<|@.*$/g, '').replace(/[^A-Za-z0-9-]/g, '-');
      const name = `${stamp}-${id}.eml`;
      const file = join(dir, name);
      // A hidden name while it is written: whoever lists `*.eml` sees only whole mails.
      const partial = join(dir, `.${name}.partial`);
      await writeFile(partial, info.message as Buffer);
      await rename(partial, file);
      return { file };
    },
    close: composer.close,
  };
}

type TransporterOptions = Exclude<Parameters<typeof createTransport>[0], string | undefined>;

/**
 * nodemailer, loaded with the first mail: a server that sends none (no settings, most tests)
 * does not pay for loading it at start.
 */
function lazyTransporter(options: TransporterOptions): {
  get(): Promise<Transporter>;
  close(): void;
} {
  let transporter: Promise<Transporter> | undefined;
  return {
    get: () => {
      transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
        nodemailer.createTransport(options),
      );
      return transporter;
    },
    close: () => {
      transporter?.then((created) => created.close()).catch(() => {});
    },
  };
}
