import type { Logger } from 'pino';
import { dueLoop } from '../due-loop.js';
import type { Store } from '../store/store.js';
import type { MailAddress } from './message.js';
import { toMessage } from './message.js';
import type { ClaimedMail, MailOutcome } from './outbox.js';
import { MAIL_OUTBOX_STREAM } from './outbox.js';
import type { Backoff } from './outcome.js';
import { classifyFailure, DEFAULT_BACKOFF, retryDelay } from './outcome.js';
import type { MailTransport } from './transport.js';

/** The sender's timings; every one has a default, tests shorten them. */
export interface MailSenderTimings {
  /** Temporary failures are retried for this long after queueing (default 24 hours). */
  retryForMs?: number | undefined;
  /** How long a claim holds its mails (default 5 minutes). */
  leaseMs?: number | undefined;
  /**
   * An attempt is cut off after this long (default 1 minute), and is only started while its
   * claim still holds for that long: no mail is ever sent by two instances at once.
   */
  attemptMs?: number | undefined;
  /** On close, the attempt under way may finish for this long before it is cut off (default 5 s). */
  closeGraceMs?: number | undefined;
  /**
   * Look for due mail at least this often (default 30 s), besides when a commit that queued mail
   * wakes the sender and when the next retry falls due.
   */
  pollMs?: number | undefined;
  /** Mails claimed at once (default 10). */
  batch?: number | undefined;
  backoff?: Backoff | undefined;
}

export interface MailSenderOptions extends MailSenderTimings {
  store: Store;
  transport: MailTransport;
  from: MailAddress;
  logger: Logger;
  /** Names this instance's claims (`instanceId`). */
  owner: string;
  now?: () => Date;
  /** For the backoff's jitter; `Math.random` by default. */
  random?: () => number;
}

/** The sender loop of one server instance. */
export interface MailSender {
  /** Claims what is due now and attempts it; resolves with how many mails it claimed. */
  runOnce(): Promise<number>;
  /** Starts looking for due mail: now, when woken by a commit that queued mail, and every poll. */
  start(): void;
  /** Stops looking and waits for the attempt under way; the transport is closed. */
  close(): Promise<void>;
}

export const MAIL_SENDER_DEFAULTS = {
  retryForMs: 24 * 60 * 60_000,
  leaseMs: 5 * 60_000,
  attemptMs: 60_000,
  closeGraceMs: 5_000,
  pollMs: 30_000,
  batch: 10,
} as const;

/**
 * Sends the outbox's due mail through `transport`, one claim at a time: several instances on one
 * PostgreSQL each run one, and a claim (`claimMails`) is never held by two. A mail sent and not yet
 * recorded when the process dies is sent again after its lease, with the same `Message-ID`.
 */
export function createMailSender(options: MailSenderOptions): MailSender {
  const { store, transport, from, logger, owner } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const retryForMs = options.retryForMs ?? MAIL_SENDER_DEFAULTS.retryForMs;
  const leaseMs = options.leaseMs ?? MAIL_SENDER_DEFAULTS.leaseMs;
  const attemptMs = options.attemptMs ?? MAIL_SENDER_DEFAULTS.attemptMs;
  const closeGraceMs = options.closeGraceMs ?? MAIL_SENDER_DEFAULTS.closeGraceMs;
  if (attemptMs >= leaseMs) {
    throw new RangeError(
      `A mail attempt (${attemptMs} ms) must end within its lease (${leaseMs} ms)`,
    );
  }
  const pollMs = options.pollMs ?? MAIL_SENDER_DEFAULTS.pollMs;
  const batch = options.batch ?? MAIL_SENDER_DEFAULTS.batch;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;

  async function attempt(mail: ClaimedMail): Promise<void> {
    const log = { mailId: mail.id, case: mail.caseReference, attempt: mail.attempts };
    let outcome: MailOutcome;
    try {
      const signal = AbortSignal.any([closing.signal, AbortSignal.timeout(attemptMs)]);
      const { file } = await transport.send(toMessage(mail, from, now()), signal);
      outcome = { kind: 'sent' };
      logger.info({ ...log, file }, file ? `mail written to ${file}` : 'mail sent');
    } catch (error) {
      outcome = afterFailure(mail, error, log);
    }
    const state = await store.write('finishMail', mail.id, mail.leaseOwner, outcome, now());
    if (state === undefined) {
      logger.warn(log, 'mail outcome not recorded: its lease ended and another claim holds it');
    }
  }

  /** Fails the mail or schedules its next attempt, and logs which (no address, no text). */
  function afterFailure(mail: ClaimedMail, error: unknown, log: object): MailOutcome {
    const { permanent, settings, summary } = classifyFailure(error);
    const at = new Date(now().getTime() + retryDelay(mail.attempts, backoff, random));
    const giveUpAt = Date.parse(mail.retrySince) + retryForMs;
    if (permanent || at.getTime() > giveUpAt) {
      logger.warn(
        { ...log, error: summary },
        permanent ? 'mail failed' : 'mail failed: retried too long',
      );
      return { kind: 'failed', error: summary };
    }
    if (settings) {
      logger.error(
        { ...log, error: summary, retryAt: at },
        'mail cannot be sent with these settings (sign-in or TLS); it will be retried',
      );
    } else {
      logger.info({ ...log, error: summary, retryAt: at }, 'mail will be retried');
    }
    return { kind: 'retry', error: summary, at };
  }

  async function runOnce(): Promise<number> {
    const at = now();
    const claimed = await store.write(
      'claimMails',
      owner,
      at,
      new Date(at.getTime() + leaseMs),
      batch,
    );
    const leaseEnds = at.getTime() + leaseMs;
    // One after another: a reply is a few a minute, and one SMTP connection at a time is polite.
    for (const mail of claimed) {
      // A mail whose claim could end mid-attempt (the ones before were slow), or still waiting
      // when the server stops, is left to be claimed again once its lease is over.
      if (loop.isStopped() || now().getTime() + attemptMs > leaseEnds) break;
      await attempt(mail);
    }
    return claimed.length;
  }

  /**
   * Aborted by `close()` after its grace time: an attempt cut off may already have been accepted
   * (and will be sent again, with the same `Message-ID`), so one that is nearly done may finish.
   */
  const closing = new AbortController();
  const loop = dueLoop({
    runOnce,
    batch,
    nextDue: () => store.read('nextMailDue'),
    pollMs,
    // A due time already past (a mail whose claim failed) waits a little.
    minSleepMs: Math.min(pollMs, 1000),
    now,
    onError: (error) => logger.error({ err: error }, 'could not send queued mail'),
  });
  let unsubscribe: (() => void) | undefined;

  return {
    runOnce,
    start() {
      unsubscribe = store.events.subscribe(MAIL_OUTBOX_STREAM, loop.wake);
      loop.wake();
    },
    async close() {
      const stopped = loop.stop();
      unsubscribe?.();
      const cutOff = setTimeout(
        () => closing.abort(new Error('the server is stopping')),
        closeGraceMs,
      );
      await stopped;
      clearTimeout(cutOff);
      transport.close();
    },
  };
}
