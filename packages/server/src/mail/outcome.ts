/*
 * What a failed attempt means: try again later (the SMTP server said 4xx, or could not be reached)
 * or give up now (it said 5xx, or the message itself cannot be sent); and when "later" is.
 */

/** A failure as the outbox keeps it: permanent or not, and one line to show and log. */
export interface SendFailure {
  readonly permanent: boolean;
  /** One line, at most 300 characters, with any e-mail address replaced by `<address>`. */
  readonly summary: string;
}

/** nodemailer's codes for mail that no attempt will ever send, when the server gave no code. */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'ECONFIG', 'EMAXRECIPIENTS']);

/** Reads a nodemailer (or file system) error. Unknown errors count as temporary: retried, then failed. */
export function classifyFailure(error: unknown): SendFailure {
  const { code, responseCode, response, message } = (error ?? {}) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const smtpCode = typeof responseCode === 'number' ? responseCode : undefined;
  const permanent =
    smtpCode !== undefined
      ? smtpCode >= 500
      : typeof code === 'string' && PERMANENT_CODES.has(code);
  const text = typeof response === 'string' ? response : String(message ?? error);
  const parts = [typeof code === 'string' ? code : undefined, text];
  return { permanent, summary: oneLine(parts.filter(Boolean).join(' ')) };
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
