import type { ContactFormLaterTexts, FailureTexts, FieldErrorTexts } from './translation.js';

const fieldErrors: FieldErrorTexts = {
  required: {
    topic: 'Välj vad din fråga gäller.',
    message: 'Skriv din fråga.',
    answerChannel: 'Välj hur du vill få svar.',
    interpreterLanguage: 'Skriv vilket språk tolken ska tala.',
    street: 'Skriv gatuadressen.',
    postalCode: 'Skriv postnumret.',
    city: 'Skriv orten.',
  },
  requiredField: 'Fyll i fältet.',
  phoneForCallBack: 'Skriv ditt telefonnummer så att vi kan ringa upp dig.',
  emailForAnswer: 'Skriv din e-postadress så att vi kan svara dig.',
  nameForLetter: 'Skriv ditt namn så att brevet kommer fram till dig.',
  addressForLetter: 'Skriv adressen som vi ska skicka brevet till.',
  invalidPostalCode: 'Skriv postnumret med fem siffror, till exempel 211 22.',
  contactForVisit:
    'Skriv ett telefonnummer eller en e-postadress så att vi kan boka en tid med dig.',
  tooLong: (maximum) => `Texten får vara högst ${maximum} tecken. Korta den lite.`,
  invalidEmail: 'Skriv e-postadressen som namn@exempel.se.',
  invalidPhone: 'Skriv ett telefonnummer med minst 6 siffror, till exempel 070-123 45 67.',
  unknownTopic: 'Ämnet finns inte längre. Välj ett annat ämne.',
  invalidOption: 'Välj ett av alternativen.',
  tooManyPhotos: (maximum) =>
    `Du kan bifoga högst ${String(maximum) === '1' ? 'en bild' : `${maximum} bilder`}. Ta bort någon.`,
  unknownPhoto: 'En bild kunde inte skickas med. Ta bort bilderna och lägg till dem igen.',
  other: 'Kontrollera fältet.',
};

const failures: FailureTexts = {
  rateLimited: 'Du har skickat många meddelanden på kort tid. Vänta en stund och försök igen.',
  misconfigured:
    'Formuläret fungerar inte på den här sidan just nu. Ring eller mejla kommunens kontaktcenter i stället.',
  payloadTooLarge: 'Meddelandet är för stort. Korta texten och försök igen.',
  expired:
    'Meddelandet kunde inte skickas på flera dagar och har inte skickats. Din text finns kvar – skicka den igen.',
  unreachable: 'Vi kunde inte nå kontaktcenter. Kontrollera din anslutning och försök igen.',
  validation: 'Några uppgifter behöver rättas. Se felen i formuläret.',
  unexpected: 'Något gick fel hos oss. Din text finns kvar – försök igen om en stund.',
};

/** Swedish texts the contact form shows only once used: loaded with its submit path. */
export const svLater: ContactFormLaterTexts = {
  personalIdentityNumberWarning:
    'Det ser ut som att du har skrivit ett personnummer. Ta bort det om det inte behövs – meddelandet kan bli en allmän handling.',
  errorSummary: (count) =>
    count === 1 ? 'Rätta 1 uppgift innan du skickar' : `Rätta ${count} uppgifter innan du skickar`,
  fieldErrors,
  failures,
  offlineHeading: 'Sparat – skickas när anslutningen fungerar igen',
  offlineText:
    'Vi kunde inte nå kontaktcenter just nu. Din fråga är sparad i den här webbläsaren och skickas automatiskt när anslutningen fungerar igen, så länge sidan är öppen eller nästa gång du besöker den.',
  sendNow: 'Försök skicka nu',
  receiptHeading: 'Tack! Vi har tagit emot din fråga',
  receiptReference: 'Ditt ärendenummer',
  receiptAnswerBy: (date) => `Du får svar senast ${date}.`,
  receiptKeep: 'Spara ärendenumret. Du behöver det om du vill fråga om ditt ärende.',
  receiptTrack: 'Följ ditt ärende',
  newMessage: 'Skicka en ny fråga',
  postalAddress: {
    legend: 'Vart ska vi skicka brevet?',
    street: 'Gatuadress',
    streetHint: 'Gata och nummer, och lägenhetsnummer om du har ett.',
    postalCode: 'Postnummer',
    city: 'Ort',
  },
};
