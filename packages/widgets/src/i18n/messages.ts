import type { ContactFormField, FailureTexts, FieldErrorTexts } from './translation.js';

/**
 * The text for a field error: which kind of text a contract code (`FIELD_ERROR_CODES`) means is
 * decided here once, so every locale only supplies the words.
 */
export function fieldErrorText(
  texts: FieldErrorTexts,
  field: ContactFormField,
  code: string,
  params: Readonly<Record<string, string | number>>,
): string {
  switch (code) {
    case 'required':
      return texts.required[field] ?? texts.requiredField;
    case 'required_for_channel':
      return field === 'phone' ? texts.phoneForCallBack : texts.emailForAnswer;
    case 'required_for_visit':
      return texts.contactForVisit;
    case 'too_long':
      return texts.tooLong(params.maximum ?? '');
    case 'invalid_email':
      return texts.invalidEmail;
    case 'invalid_phone':
      return texts.invalidPhone;
    case 'unknown_topic':
      return texts.unknownTopic;
    case 'invalid_option':
      return texts.invalidOption;
    default:
      return texts.other;
  }
}

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
