import type { FailureTexts } from './translation.js';

/** The text for why sending failed, from the error's `code` (API codes and the SDK's own). */
export function failureText(texts: FailureTexts, code: string): string {
  switch (code) {
    case 'rate_limited':
      return texts.rateLimited;
    case 'origin_not_allowed':
    case 'department_not_found':
    case 'misconfigured':
      return texts.misconfigured;
    case 'payload_too_large':
      return texts.payloadTooLarge;
    case 'expired':
      return texts.expired;
    case 'network_error':
    case 'timeout':
      return texts.unreachable;
    case 'validation_failed':
      return texts.validation;
    default:
      return texts.unexpected;
  }
}
