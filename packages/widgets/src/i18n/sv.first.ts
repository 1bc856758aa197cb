import type { FirstTranslation } from './translation.js';

/**
 * Swedish, the default and fallback of every widget: what shows before a widget is used. The
 * contact form's later texts are in `sv.later.ts`; `sv.ts` joins the two.
 */
export const svFirst: FirstTranslation = {
  languageName: 'Svenska',
  dir: 'ltr',
  common: {
    loading: 'Hämtar formuläret …',
    loadFailed: 'Formuläret kunde inte hämtas. Kontrollera din anslutning och försök igen.',
    retry: 'Försök igen',
    optional: '(frivilligt)',
  },
  contactForm: {
    formLabel: 'Skicka en fråga till kontaktcenter',
    topic: 'Vad gäller din fråga?',
    chooseTopic: 'Välj ämne',
    loadingTopics: 'Hämtar ämnen …',
    message: 'Din fråga',
    messageHint: 'Beskriv så tydligt du kan vad du vill veta eller få hjälp med.',
    characterCount: (used, max) => `${used} av ${max} tecken`,
    charactersLeft: (left) =>
      left === 1 ? 'Du har 1 tecken kvar.' : `Du har ${left} tecken kvar.`,
    charactersTooMany: (over) =>
      over === 1 ? 'Du har 1 tecken för mycket.' : `Du har ${over} tecken för mycket.`,
    answerChannel: 'Hur vill du få svar?',
    channels: {
      email: 'Med e-post',
      phone: 'Vi ringer upp dig',
      visit: 'Vid ett besök på ett servicecenter',
      letter: 'Med brev på posten',
    },
    email: 'E-postadress',
    emailHint: 'Vi använder den bara för att svara dig.',
    phone: 'Telefonnummer',
    phoneHint: 'Till exempel 070-123 45 67.',
    visitHint: 'Skriv telefonnummer eller e-postadress så att vi kan boka en tid med dig.',
    name: 'Namn',
    answerLanguage: 'Vilket språk vill du ha svar på?',
    needsLegend: 'Behöver du stöd för att förstå svaret?',
    needs: {
      interpreter: 'Tolk',
      sign_language: 'Teckenspråkstolk',
      easy_read: 'Svar på lättläst svenska',
    },
    interpreterLanguage: 'Vilket språk ska tolken tala?',
    interpreterLanguageHint: 'Till exempel somaliska eller persiska.',
    publicRecord:
      'Det du skickar till kommunen blir som regel en allmän handling som vem som helst kan begära att få läsa. Skriv inte personnummer eller känsliga uppgifter om hälsa eller familj om det inte behövs.',
    submit: 'Skicka',
    submitting: 'Skickar …',
    failedHeading: 'Frågan kunde inte skickas',
    draftRestored: 'Vi har fyllt i det du skrev tidigare.',
    clearForm: 'Töm formuläret',
    formCleared: 'Formuläret är tömt.',
  },
};
