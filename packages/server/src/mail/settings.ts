import * as z from 'zod/mini';
import type { MailAddress } from './message.js';
import type { MailSenderTimings } from './sender.js';
import type { SmtpSettings } from './transport.js';

/**
 * Where outgoing mail goes (`ServerOptions.mail`): an SMTP server, or a directory of `.eml` files
 * (the demo), never both. Without either, mail stays queued until one is set.
 */
export interface MailOptions {
  /** The sender of every mail, e.g. `{ name: 'Kontaktcenter', address: 'kontakt@sundsvall.se' }`. */
  from?: MailAddress | undefined;
  smtp?: SmtpSettings | undefined;
  /** Write each mail as an `.eml` file here instead of sending it. */
  directory?: string | undefined;
  /** How long temporary failures are retried and how often the outbox is looked at (tests). */
  timings?: MailSenderTimings | undefined;
}

/** The From when none is set: fine for `.eml` files, refused for SMTP (see the schema). */
export const DEFAULT_FROM: MailAddress = { name: 'Kontaktcenter', address: 'kontakt@localhost' };

const MailAddressSchema = z.object({
  address: z.email(),
  name: z.optional(z.string().check(z.refine((name) => !/[\r\n]/.test(name)))),
});

const SmtpSchema = z.object({
  host: z.string().check(z.minLength(1)),
  port: z.optional(z.int().check(z.minimum(1), z.maximum(65_535))),
  security: z.optional(z.enum(['starttls', 'tls', 'none'])),
  user: z.optional(z.string()),
  password: z.optional(z.string()),
  ca: z.optional(z.string()),
});

const TimingsSchema = z.object({
  retryForMs: z.optional(z.number().check(z.positive())),
  leaseMs: z.optional(z.number().check(z.positive())),
  attemptMs: z.optional(z.number().check(z.positive())),
  closeGraceMs: z.optional(z.number().check(z.nonnegative())),
  pollMs: z.optional(z.number().check(z.positive())),
  batch: z.optional(z.int().check(z.minimum(1))),
  backoff: z.optional(
    z.object({
      baseMs: z.number().check(z.positive()),
      maxMs: z.number().check(z.positive()),
    }),
  ),
});

const issue = (path: string, message: string, input: unknown) => ({
  code: 'custom' as const,
  message,
  path: [path],
  input,
});

/** The mail settings, checked: an SMTP server needs a real From; SMTP and a directory exclude each other. */
export const MailOptionsSchema = z
  .object({
    from: z.optional(MailAddressSchema),
    smtp: z.optional(SmtpSchema),
    directory: z.optional(z.string().check(z.minLength(1))),
    timings: z.optional(TimingsSchema),
  })
  .check(
    z.superRefine((mail, ctx) => {
      if (mail.smtp && mail.directory !== undefined) {
        ctx.addIssue(issue('directory', 'invalid_option', mail.directory));
      }
      if (mail.smtp && !mail.from) ctx.addIssue(issue('from', 'required', mail.from));
    }),
  );
