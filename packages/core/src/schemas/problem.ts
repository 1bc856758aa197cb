import * as z from 'zod/mini';

/** Stable error codes the API answers with. Clients branch on these, never on `title` or `detail`. */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'not_found',
  'department_not_found',
  'notice_not_found',
  'notice_withdrawn',
  'case_not_found',
  'case_already_assigned',
  'version_conflict',
  'no_email_address',
  'mail_not_found',
  'mail_not_failed',
  'case_not_followable',
  'case_finished',
  'geocoder_not_configured',
  'geocoder_failed',
  'chat_closed',
  'chat_not_found',
  'chat_ended',
  'chat_not_waiting',
  'agent_not_available',
  'agent_at_capacity',
  'callback_slot_unavailable',
  'callback_not_offered',
  'unauthorized',
  'invalid_credentials',
  'csrf_failed',
  'forbidden',
  'origin_not_allowed',
  'rate_limited',
  'idempotency_key_invalid',
  'idempotency_key_reused',
  'idempotency_request_in_progress',
  'method_not_allowed',
  'internal_error',
  'service_unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes for one invalid field. Schema rules carry them as messages so every layer can translate. */
export const FIELD_ERROR_CODES = [
  'required',
  'required_for_channel',
  'required_for_visit',
  'too_long',
  'too_short',
  'invalid_email',
  'invalid_phone',
  'invalid_postal_code',
  'invalid_option',
  'invalid_url',
  'invalid_format',
  'invalid_reference',
  'invalid_type',
  'unknown_topic',
  'unknown_department',
  'end_before_start',
  'unknown_reason',
  'unknown_category',
  'unknown_attribute',
  'unknown_photo',
  'unknown_case',
  'same_case',
  'not_a_choice',
  'outside_opening_hours',
  'only_when_paused',
  'in_the_past',
  'too_far_ahead',
  'only_when_finished',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export const FieldErrorSchema = z.object({
  /** Dotted path to the field, e.g. `message.email`. */
  field: z.string(),
  /** The same place as an RFC 6901 JSON Pointer, e.g. `/message/email`. */
  pointer: z.string(),
  /** One of `FIELD_ERROR_CODES`; a newer server may send codes this client does not know. */
  code: z.string(),
  /** Limits that belong in the message, e.g. `{ maximum: 5000 }`. */
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export type FieldError = Omit<z.infer<typeof FieldErrorSchema>, 'code'> & {
  code: FieldErrorCode | (string & {});
};

/** An RFC 9457 problem details document (`application/problem+json`) with a stable `code`. */
export const ProblemSchema = z.looseObject({
  type: z._default(z.string(), 'about:blank'),
  title: z.string(),
  status: z.number().check(z.int(), z.minimum(400), z.maximum(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.string(),
  errors: z.optional(z.array(FieldErrorSchema)),
});
export type Problem = z.infer<typeof ProblemSchema> & {
  code: ErrorCode | (string & {});
  errors?: FieldError[];
};

/** The `type` URI for a code, so problem documents link to their explanation. */
export const problemType = (code: ErrorCode): string => `urn:kontakt:problem:${code}`;
