/*
 * What a failed attempt means: try again later (the SMTP server said 4xx, or could not be reached)
 * or give up now (it said 5xx, or the message itself cannot be sent); and when "later" is.
 */

/** A failure as the outbox keeps it: permanent or not, and one line to show and log. */
export interface SendFailure {
  /** Retrying cannot help this mail: the server refused its sender, recipient or content. */
  readonly permanent: boolean;
  /**
   * The failure is about our own connection (sign-in, TLS, settings), not this mail: fixing the
   * settings fixes it, so it is retried like a temporary one and logged as an error.
   */
  readonly settings: boolean;
  /** One line, at most 300 characters, with any e-mail address replaced by `<address>`. */
  readonly summary: string;
}

/** nodemailer's codes for the stages that are about the mail itself (MAIL FROM, RCPT TO, DATA). */
const MAIL_STAGES = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS']);
/** nodemailer's codes for failures of our side of the connection. */
const SETTINGS_CODES = new Set(['EAUTH', 'ENOAUTH', 'ETLS', 'EREQUIRETLS', 'ECONFIG', 'EOAUTH2']);

/**
 * Reads a nodemailer (or file system) error. A `5xx` about the mail (its envelope or content)
 * is permanent; one about our sign-in or TLS is not, since it is mended in the settings and the
 * mail can go then. Everything else (`4xx`, connection errors, the unknown) is retried.
 */
export function classifyFailure(error: unknown): SendFailure {
  const { code, responseCode, response, message } = (error ?? {}) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const stage = typeof code === 'string' ? code : undefined;
  const smtpCode = typeof responseCode === 'number' ? responseCode : undefined;
  const aboutTheMail = stage !== undefined && MAIL_STAGES.has(stage);
  const permanent = aboutTheMail && (smtpCode === undefined || smtpCode >= 500);
  const settings = stage !== undefined && SETTINGS_CODES.has(stage);
  const text = typeof response === 'string' ? response : String(message ?? error);
  return { permanent, settings, summary: oneLine([stage, text].filter(Boolean).join(' ')) };
}

/** Addresses out (personal data: the summary is logged and shown), line breaks out, kept short. */
function oneLine(text: string): string {
  const line = text
    .replace(/<?[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+>?/g, '<address>')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** When to try again: exponential from `baseMs`, at most `maxMs`, with jitter. */
export interface Backoff {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 60 * 60_000 };

/**
 * The wait before attempt `attempts + 1`: base × 2^(attempts − 1), capped, then "equal jitter"
 * (half fixed, half random) so instances that failed together do not retry together, while the
 * wait still grows. `random` is `Math.random` outside tests.
 */
export function retryDelay(attempts: number, backoff: Backoff, random: () => number): number {
  const exponential = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
