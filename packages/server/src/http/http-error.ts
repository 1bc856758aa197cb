/**
 * HTTP errors as RFC 9457 problem documents (the role of Hono's `http-exception.ts`): routes,
 * middleware and helpers throw `ProblemError`; the app's error handler answers with
 * `problemResponse`.
 */
import type { ErrorCode, FieldError, Problem } from '@kontakt/core/schemas';
import { problemType } from '@kontakt/core/schemas';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Short, stable English titles; clients translate by `code`, never by title. */
const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'The request has invalid fields',
  invalid_json: 'The request body is not valid JSON',
  unsupported_media_type: 'The request body must be application/json',
  payload_too_large: 'The request body is too large',
  not_found: 'Not found',
  department_not_found: 'No such department',
  notice_not_found: 'No such notice',
  notice_withdrawn: 'The notice has been withdrawn',
  case_not_found: 'No such case',
  case_already_assigned: 'Someone else holds the case',
  version_conflict: 'The case has changed since you read it',
  no_email_address: 'The case has no e-mail address to answer to',
  mail_not_found: 'No such mail',
  mail_not_failed: 'The mail has not failed',
  case_not_followable: 'This case cannot be followed',
  case_finished: 'The case is finished',
  geocoder_not_configured: 'No address search is configured for this department',
  geocoder_failed: 'The address search did not answer',
  chat_closed: 'The contact center is closed now',
  chat_not_found: 'No such chat',
  chat_ended: 'The chat has ended',
  chat_not_waiting: 'The chat is no longer waiting',
  agent_not_available: 'The agent is not available for chat',
  agent_at_capacity: 'You hold as many chats as you may at once',
  callback_slot_unavailable: 'That call-back time is no longer available',
  callback_not_offered: 'Call-back is not offered for this department',
  unauthorized: 'Authentication is needed',
  invalid_credentials: 'The user name or password is wrong',
  csrf_failed: 'The request lacks a valid CSRF token',
  forbidden: 'Not allowed for this role',
  origin_not_allowed: 'This origin may not call the API',
  rate_limited: 'Too many requests',
  idempotency_key_invalid: 'The Idempotency-Key header is invalid',
  idempotency_key_reused: 'The Idempotency-Key was used for a different request',
  idempotency_request_in_progress: 'A request with this Idempotency-Key is in progress',
  method_not_allowed: 'Method not allowed',
  internal_error: 'Something went wrong on the server',
  service_unavailable: 'The service is unavailable',
};

export interface ProblemOptions {
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /**
   * RFC 9457 extension members, beside the standard ones (`{ opensAt }` of `chat_closed`). They
   * never replace a standard member.
   */
  extensions?: Record<string, unknown>;
}

/**
 * An error that becomes an RFC 9457 problem response. Throw it anywhere in a handler; the app's
 * error handler answers with it.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly options: ProblemOptions;

  constructor(status: number, code: ErrorCode, options: ProblemOptions = {}) {
    super(options.detail ?? TITLES[code]);
    this.name = 'ProblemError';
    this.status = status;
    this.code = code;
    this.options = options;
  }
}

/** The problem document for a code. */
export function problemBody(
  status: number,
  code: ErrorCode,
  options: Omit<ProblemOptions, 'headers'> & { instance?: string } = {},
): Problem {
  const body: Problem = {
    ...options.extensions,
    type: problemType(code),
    title: TITLES[code],
    status,
    code,
  };
  if (options.detail !== undefined) body.detail = options.detail;
  if (options.instance !== undefined) body.instance = options.instance;
  if (options.errors !== undefined) body.errors = options.errors;
  return body;
}

/** A complete `application/problem+json` response. */
export function problemResponse(error: ProblemError, instance?: string): Response {
  const body = problemBody(error.status, error.code, {
    ...error.options,
    ...(instance === undefined ? {} : { instance }),
  });
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...error.options.headers },
  });
}
