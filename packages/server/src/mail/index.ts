/*
 * Outgoing mail: a durable outbox in the store (`queueMail` inside the caller's transaction), and
 * a sender per server instance that delivers it over SMTP, or as `.eml` files for the demo.
 */
export type { MailAddress } from './message.js';
export {
  MAIL_OUTBOX_STREAM,
  type MailView,
  type OutgoingMail,
  type QueuedMail,
  queueMail,
  type RetryOutcome,
  retryFailedMail,
} from './outbox.js';
export type { MailState } from './schema.js';
export type { MailSenderTimings } from './sender.js';
export { type MailOptions, MailOptionsSchema } from './settings.js';
export { startMail } from './start.js';
export type { SmtpSettings } from './transport.js';
