/*
 * What sending a contact message (`cases.submit`) and a fault report (`faults.submit`) share:
 * the origin they are sent from, the request that sends them, keeping one that could not be sent
 * (and what `submit` rejects with then), and the server's field errors made relative to what the
 * caller passed.
 */
import type { KyInstance } from 'ky';
import type { KontaktError } from '../errors/KontaktError.js';
import { isNetworkError, NetworkError } from '../errors/NetworkError.js';
import { toKontaktError } from '../errors/to-kontakt-error.js';
import { isValidationError, ValidationError } from '../errors/ValidationError.js';
import type { Keepable } from '../outbox/entry.js';
import type { OutboxController } from '../outbox/outbox.js';
import { isTransientFailure } from '../outbox/transient.js';
import type { CaseOrigin, Receipt } from '../schemas/index.js';
import { CaseOriginSchema, ReceiptSchema, toFieldErrors } from '../schemas/index.js';

/**
 * POSTs a submission (`{ origin, message }` to `v1/cases`, `{ origin, report }` to `v1/faults`)
 * with its idempotency key and parses the receipt. Used for the first try and by the outbox,
 * which resends the same body with the same key. Field errors are made relative to `what`
 * (`topic`, not `message.topic`), as the caller passed it.
 */
export async function postSubmission(
  http: KyInstance,
  path: 'v1/cases' | 'v1/faults',
  what: 'message' | 'report',
  submission: unknown,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<Receipt> {
  try {
    return await http
      .post(path, {
        json: submission,
        headers: { 'idempotency-key': idempotencyKey },
        signal: signal ?? null,
      })
      .json(ReceiptSchema);
  } catch (error) {
    throw relativeTo(what, toKontaktError(error));
  }
}

/**
 * The origin of a submission: the client's department, the page (`pageUrl` option, else the
 * client's, read now) and the sending element; a `ValidationError` at `origin.…` when invalid.
 */
export function originOf(
  context: { department: string; pageUrl: () => string | undefined },
  options: { pageUrl?: string; widget?: string },
): CaseOrigin {
  const origin = CaseOriginSchema.safeParse({
    department: context.department,
    pageUrl: fitUrl(options.pageUrl ?? context.pageUrl()),
    widget: options.widget ?? 'sdk',
  });
  if (origin.success) return origin.data;
  const issues = origin.error.issues.map((issue) => ({
    ...issue,
    path: ['origin', ...issue.path],
  }));
  throw new ValidationError(toFieldErrors(issues));
}

/** Schema rules cap page URLs at 2048 characters; a long query string must not block a message. */
function fitUrl(href: string | undefined): string | undefined {
  if (href === undefined || href.length <= 2048 || !URL.canParse(href)) return href;
  const url = new URL(href);
  return `${url.origin}${url.pathname}`.slice(0, 2048);
}

/** Where `keepOrThrow` keeps a submission, and for how long. */
export interface Keeping {
  outbox: Pick<OutboxController, 'keep'> | undefined;
  /** Milliseconds a kept submission is tried before it is given up. */
  outboxMaxAge: number;
}

/**
 * What `submit` (of a message or a fault report) does when sending failed: a failure that passes
 * (the network, 408/429/5xx; a `KontaktError` then) with an outbox at hand and no cancel keeps
 * `kept` under its key and rejects with a `NetworkError` whose `queued` names it, carrying the
 * failure's status, problem and `Retry-After`. Anything else, and storage that refuses (private
 * mode, quota), rejects with the failure itself: the caller is never told of a keeping that failed.
 */
export async function keepOrThrow(
  keeping: Keeping,
  kept: Keepable,
  id: string,
  what: 'message' | 'report',
  error: unknown,
  signal: AbortSignal | undefined,
): Promise<never> {
  if (!keeping.outbox || !isTransientFailure(error) || signal?.aborted) throw error;
  await keeping.outbox
    .keep(kept, { id, error, maxAge: keeping.outboxMaxAge })
    .catch(() => Promise.reject(error));
  const { status, problem, retryAfter } = error as KontaktError;
  throw new NetworkError(
    `The ${what} could not be sent now. It is kept and will be sent when the server can be reached.`,
    {
      code: isNetworkError(error) ? error.code : 'network_error',
      status,
      problem,
      retryAfter,
      cause: error,
      queued: { id },
    },
  );
}

/**
 * The server names fields from the body's root (`message.topic`, `report.answers.hur`); callers
 * passed the message or report itself, so its fields lose the `prefix.`.
 */
export function relativeTo(prefix: string, error: unknown): unknown {
  if (!isValidationError(error)) return error;
  const fieldErrors = error.fieldErrors.map((fieldError) =>
    fieldError.field.startsWith(`${prefix}.`)
      ? {
          ...fieldError,
          field: fieldError.field.slice(prefix.length + 1),
          pointer: fieldError.pointer.replace(new RegExp(`^/${prefix}`), ''),
        }
      : fieldError,
  );
  return new ValidationError(fieldErrors, {
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.problem === undefined ? {} : { problem: error.problem }),
    message: error.message,
  });
}
