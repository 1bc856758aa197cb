import type { ConsoleLocale, ConsoleTexts } from '../i18n/texts.js';

/**
 * The register form's words for how the person wants the answer. Kept beside the inbox (not in the
 * console's i18n) so they load with the inbox's chunk, not with the sign-in page; the channels'
 * names and the shared field errors are the i18n's (`vocabulary.answerChannels`,
 * `notices.fieldError`).
 */
export interface RegisterTexts {
  answerChannel: string;
  /** The name and the e-mail address when they are needed, and the address when it is not. */
  name: string;
  email: string;
  emailOptional: string;
  /** The letter's group: its legend says where the answer goes, then the envelope's lines. */
  street: string;
  streetHint: string;
  postalCode: string;
  city: string;
  /** A detail the chosen channel needs, by field (`street`: the address as a whole). */
  requiredForChannel: Record<'name' | 'email' | 'street', string>;
  invalidPostalCode: string;
  invalidEmail: string;
  invalidPhone: string;
}

export const REGISTER_TEXTS: Record<ConsoleLocale, RegisterTexts> = {
  sv: {
    answerChannel: 'Hur vill personen få svar?',
    name: 'Namn',
    email: 'E-postadress',
    emailOptional: 'E-postadress (frivilligt)',
    street: 'Gatuadress',
    streetHint: 'Gata och nummer, och lägenhetsnummer om det finns.',
    postalCode: 'Postnummer',
    city: 'Ort',
    requiredForChannel: {
      name: 'Skriv namnet: brevet behöver en mottagare.',
      email: 'Skriv e-postadressen som svaret ska skickas till.',
      street: 'Skriv adressen som brevet ska skickas till.',
    },
    invalidPostalCode: 'Skriv postnumret med fem siffror, till exempel 211 22.',
    invalidEmail: 'Skriv e-postadressen som namn@exempel.se.',
    invalidPhone: 'Skriv telefonnumret med siffror, till exempel 070-123 45 67.',
  },
  en: {
    answerChannel: 'How does the person want the answer?',
    name: 'Name',
    email: 'E-mail address',
    emailOptional: 'E-mail address (optional)',
    street: 'Street address',
    streetHint: 'Street and number, and the flat number if there is one.',
    postalCode: 'Postcode',
    city: 'Town',
    requiredForChannel: {
      name: 'Enter the name: the letter needs someone to go to.',
      email: 'Enter the e-mail address the answer should go to.',
      street: 'Enter the address the letter should go to.',
    },
    invalidPostalCode: 'Enter the postcode as five digits, for example 211 22.',
    invalidEmail: 'Enter the e-mail address like name@example.com.',
    invalidPhone: 'Enter the phone number in digits, for example 070-123 45 67.',
  },
};

/** What is wrong with a field of the register form, in words; codes it does not know, as the console's. */
export function registerErrorText(
  texts: RegisterTexts,
  t: ConsoleTexts,
  field: string,
  code: string,
): string {
  if (code === 'required_for_channel' && field in texts.requiredForChannel) {
    return texts.requiredForChannel[field as keyof RegisterTexts['requiredForChannel']];
  }
  const known: Record<string, string> = {
    invalid_postal_code: texts.invalidPostalCode,
    invalid_email: texts.invalidEmail,
    invalid_phone: texts.invalidPhone,
  };
  return known[code] ?? t.notices.fieldError(code);
}
