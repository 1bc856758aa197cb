/*
 * The status tracker's requests: open a case with its receipt token or the e-mail address used,
 * and follow someone else's open fault report. Loaded when first used, so a client that only
 * sends messages (the contact form) does not carry these schemas.
 */
import type { KyInstance } from 'ky';
import { toKontaktError } from '../errors/to-kontakt-error.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { CaseAccess, CaseLookup, FollowRequest, PublicCase } from '../schemas/index.js';
import {
  CaseAccessSchema,
  CaseLookupSchema,
  FollowRequestSchema,
  normalizeCaseReference,
  PublicCaseSchema,
  toFieldErrors,
} from '../schemas/index.js';

/**
 * The reference as the server writes it (`kc 7f3k 9qxm` → `KC-7F3K-9QXM`), or a
 * `ValidationError` on `reference` when it cannot be one (no request is made).
 */
export function caseReferenceOf(reference: string): string {
  const normalized = normalizeCaseReference(reference);
  if (normalized) return normalized;
  throw new ValidationError([
    { field: 'reference', pointer: '/reference', code: 'invalid_reference' },
  ]);
}

const signalOf = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

/** `POST /v1/cases/{reference}/lookup`. */
export async function lookupCase(
  http: KyInstance,
  reference: string,
  proof: CaseLookup,
  signal?: AbortSignal,
): Promise<CaseAccess> {
  const path = `v1/cases/${caseReferenceOf(reference)}/lookup`;
  const parsed = CaseLookupSchema.safeParse(proof);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
  try {
    return await http.post(path, { json: parsed.data, ...signalOf(signal) }).json(CaseAccessSchema);
  } catch (error) {
    throw toKontaktError(error);
  }
}

/** `GET /v1/cases/{reference}` with the access token. */
export async function readCase(
  http: KyInstance,
  reference: string,
  accessToken: string,
  signal?: AbortSignal,
): Promise<PublicCase> {
  const path = `v1/cases/${caseReferenceOf(reference)}`;
  try {
    return await http
      .get(path, { headers: { authorization: `Bearer ${accessToken}` }, ...signalOf(signal) })
      .json(PublicCaseSchema);
  } catch (error) {
    throw toKontaktError(error);
  }
}

/** `DELETE /v1/cases/{reference}/followers` with the follower's token. */
export async function unfollowCase(
  http: KyInstance,
  reference: string,
  accessToken: string,
  signal?: AbortSignal,
): Promise<void> {
  const path = `v1/cases/${caseReferenceOf(reference)}/followers`;
  try {
    await http.delete(path, {
      headers: { authorization: `Bearer ${accessToken}` },
      ...signalOf(signal),
    });
  } catch (error) {
    throw toKontaktError(error);
  }
}

/** `POST /v1/cases/{reference}/followers`. */
export async function followCase(
  http: KyInstance,
  reference: string,
  request: FollowRequest,
  signal?: AbortSignal,
): Promise<CaseAccess> {
  const path = `v1/cases/${caseReferenceOf(reference)}/followers`;
  const parsed = FollowRequestSchema.safeParse(request);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
  try {
    return await http.post(path, { json: parsed.data, ...signalOf(signal) }).json(CaseAccessSchema);
  } catch (error) {
    throw toKontaktError(error);
  }
}
