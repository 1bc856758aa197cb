import type { ContactFormField, FieldErrorTexts } from './translation.js';

/*
 * In a module of its own (not messages.ts): field errors come only from the checks and sending
 * that a form loads once used, so this loads with them, not in the first render.
 */

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
      return field === 'phone'
        ? texts.phoneForCallBack
        : field === 'name'
          ? texts.nameForLetter
          : field === 'street'
            ? texts.addressForLetter
            : texts.emailForAnswer;
    case 'required_for_visit':
      return texts.contactForVisit;
    case 'too_long':
      return field === 'photos'
        ? texts.tooManyPhotos(params.maximum ?? '')
        : texts.tooLong(params.maximum ?? '');
    case 'unknown_photo':
      return texts.unknownPhoto;
    case 'invalid_email':
      return texts.invalidEmail;
    case 'invalid_phone':
      return texts.invalidPhone;
    case 'invalid_postal_code':
      return texts.invalidPostalCode;
    case 'unknown_topic':
      return texts.unknownTopic;
    case 'invalid_option':
      return texts.invalidOption;
    default:
      return texts.other;
  }
}
