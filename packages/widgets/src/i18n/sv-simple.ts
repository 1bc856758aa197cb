import type { FailureTexts, FieldErrorTexts, KontaktTranslation } from './translation.js';

/** "1 bild", "3 bilder": a count of photos (as a number, or as a field error's parameter). */
const photoCount = (count: number | string): string =>
  String(count) === '1' ? '1 bild' : `${count} bilder`;

const fieldErrors: FieldErrorTexts = {
  required: {
    topic: 'Välj vad din fråga handlar om.',
    message: 'Skriv din fråga.',
    answerChannel: 'Välj hur du vill få svar.',
    interpreterLanguage: 'Skriv vilket språk tolken ska prata.',
    street: 'Skriv gatuadressen.',
    postalCode: 'Skriv postnumret.',
    city: 'Skriv orten.',
  },
  requiredField: 'Du behöver fylla i det här.',
  phoneForCallBack: 'Skriv ditt telefonnummer. Då kan vi ringa dig.',
  emailForAnswer: 'Skriv din e-postadress. Då kan vi svara dig.',
  nameForLetter: 'Skriv ditt namn. Då kommer brevet fram till dig.',
  addressForLetter: 'Skriv adressen som vi ska skicka brevet till.',
  invalidPostalCode: 'Postnumret ska ha 5 siffror. Skriv det till exempel så här: 211 22.',
  contactForVisit:
    'Skriv ditt telefonnummer eller din e-postadress. Då kan vi boka en tid med dig.',
  tooLong: (maximum) =>
    maximum === ''
      ? 'Texten är för lång. Gör texten kortare.'
      : `Texten är för lång. Du kan skriva högst ${maximum} tecken. Gör texten kortare.`,
  invalidEmail: 'Något är fel i e-postadressen. Skriv hela adressen, till exempel namn@exempel.se.',
  invalidPhone:
    'Något är fel i telefonnumret. Skriv ett nummer med minst 6 siffror, till exempel 070-123 45 67.',
  unknownTopic: 'Ämnet finns inte längre. Välj ett annat ämne.',
  invalidOption: 'Välj ett av alternativen.',
  tooManyPhotos: (maximum) =>
    maximum === ''
      ? 'Du har lagt till för många bilder. Ta bort några bilder.'
      : `Du har lagt till för många bilder. Du kan skicka med högst ${photoCount(maximum)}. Ta bort några bilder.`,
  unknownPhoto:
    'Vi kunde inte skicka med en av bilderna. Ta bort bilderna. Lägg sedan till dem igen.',
  other: 'Något är fel här. Kontrollera det du har skrivit eller valt.',
};

const failures: FailureTexts = {
  rateLimited: 'Du har skickat många meddelanden på kort tid. Vänta en stund. Försök sedan igen.',
  misconfigured:
    'Formuläret fungerar inte på den här sidan just nu. Du kan ringa eller skicka e-post till kommunens kontaktcenter i stället.',
  payloadTooLarge: 'Det du vill skicka är för stort. Gör texten kortare. Försök sedan igen.',
  expired:
    'Vi har försökt skicka din fråga i flera dagar. Det gick inte, och din fråga är inte skickad. Din text finns kvar. Skicka den igen.',
  unreachable:
    'Vi kunde inte nå kommunens kontaktcenter. Kontrollera att du är ansluten till internet. Försök sedan igen.',
  validation: 'Något i formuläret behöver rättas. Läs felen i formuläret och rätta dem.',
  unexpected: 'Något gick fel hos oss. Din text finns kvar. Vänta en stund och försök sedan igen.',
};

/** Easy-read Swedish (lättläst svenska), for pages marked `lang="sv-simple"`. */
export const svSimple: KontaktTranslation = {
  languageName: 'Lättläst svenska',
  dir: 'ltr',
  common: {
    loading: 'Hämtar formuläret …',
    loadFailed:
      'Vi kunde inte hämta formuläret. Kontrollera att du är ansluten till internet. Försök sedan igen.',
    retry: 'Försök igen',
    optional: '(frivilligt)',
  },
  contactForm: {
    formLabel: 'Skicka en fråga till kommunens kontaktcenter',
    topic: 'Vad handlar din fråga om?',
    chooseTopic: 'Välj ett ämne',
    loadingTopics: 'Hämtar ämnen …',
    message: 'Din fråga',
    messageHint:
      'Skriv vad du vill veta eller vad du behöver hjälp med. Skriv så tydligt som du kan.',
    characterCount: (used, max) => `Du har skrivit ${used} av ${max} tecken.`,
    charactersLeft: (left) =>
      left === 0 ? 'Nu har du skrivit så mycket som går.' : `Du kan skriva ${left} tecken till.`,
    charactersTooMany: (over) => `Texten är för lång. Ta bort ${over} tecken.`,
    answerChannel: 'Hur vill du få svar?',
    channels: {
      email: 'Vi skickar svaret med e-post',
      phone: 'Vi ringer dig',
      visit: 'Vi träffas på ett servicecenter',
      letter: 'Vi skickar svaret med brev på posten',
    },
    email: 'Din e-postadress',
    emailHint: 'Vi använder den bara för att svara dig.',
    phone: 'Ditt telefonnummer',
    phoneHint: 'Till exempel 070-123 45 67.',
    visitHint: 'Skriv ditt telefonnummer eller din e-postadress. Då kan vi boka en tid med dig.',
    name: 'Ditt namn',
    answerLanguage: 'Vilket språk vill du ha svaret på?',
    needsLegend: 'Behöver du hjälp för att förstå svaret?',
    needs: {
      interpreter: 'En tolk som pratar ditt språk',
      sign_language: 'En tolk för teckenspråk',
      easy_read: 'Ett svar på svenska som är lätt att läsa',
    },
    interpreterLanguage: 'Vilket språk ska tolken prata?',
    interpreterLanguageHint: 'Till exempel somaliska eller persiska.',
    publicRecord:
      'Det du skickar till kommunen blir oftast en allmän handling. Det betyder att alla kan be att få läsa det. Skriv bara ditt personnummer om det behövs. Skriv bara om din hälsa eller din familj om det behövs för din fråga.',
    personalIdentityNumberWarning:
      'Det ser ut som att du har skrivit ett personnummer. Ta bort det om det inte behövs för din fråga. Det du skickar kan bli en allmän handling. Då kan alla be att få läsa det.',
    submit: 'Skicka',
    submitting: 'Skickar …',
    errorSummary: (count) =>
      count === 1 ? 'Rätta 1 fel innan du skickar' : `Rätta ${count} fel innan du skickar`,
    fieldErrors,
    offlineHeading: 'Vi skickar din fråga när internet fungerar igen',
    offlineText:
      'Vi kunde inte nå kommunens kontaktcenter just nu. Därför har vi sparat din fråga i den här webbläsaren. Webbläsaren är programmet som visar den här sidan. Vi skickar din fråga automatiskt när internet fungerar igen. Då behöver sidan vara öppen. Annars skickar vi frågan nästa gång du går in på sidan.',
    sendNow: 'Försök skicka nu',
    failedHeading: 'Det gick inte att skicka din fråga',
    failures,
    receiptHeading: 'Tack! Vi har fått din fråga',
    receiptReference: 'Ditt ärendenummer',
    receiptAnswerBy: (date) => `Vi svarar dig senast ${date}.`,
    receiptKeep: 'Spara ärendenumret. Du behöver numret om du vill fråga oss om det du skickade.',
    receiptTrack: 'Se hur det går med ditt ärende',
    newMessage: 'Skicka en ny fråga',
    draftRestored: 'Vi har fyllt i det du skrev tidigare.',
    clearForm: 'Töm formuläret',
    formCleared: 'Nu är formuläret tomt.',
    photos: {
      legend: 'Bilder',
      hint: (max) =>
        `Du kan skicka med ${max === 1 ? '1 bild' : `upp till ${max} bilder`}. Det kan till exempel vara ett foto av ett brev, eller en bild av din skärm. Innan vi skickar bilderna gör vi dem mindre. Vi tar också bort uppgifter om var bilden togs och vilken kamera som användes.`,
      add: 'Lägg till en bild',
      full: (max) =>
        `Du har lagt till ${photoCount(max)}. Det är så många bilder som du kan skicka.`,
      alt: (n, total) => `Bild ${n} av ${total}`,
      remove: (n, total) => `Ta bort bild ${n} av ${total}`,
      preparing: 'Vi gör i ordning bilden …',
      added: (n, total) => `Du har lagt till bild ${n} av ${total}.`,
      removed: 'Du har tagit bort bilden.',
      uploading: (percent) => `Skickar bilderna: ${percent} procent klart`,
      problems: {
        heic_unsupported:
          'Bilden har formatet HEIC. Det formatet går inte att använda här. Välj en annan bild. Du kan också ändra kamerans inställning till ”Mest kompatibel”. Då sparar kameran bilderna som JPEG.',
        too_large: 'Bilden är för stor för att skicka. Välj en mindre bild.',
        decode_failed:
          'Vi kunde inte läsa filen som en bild. Välj en bild av typen JPEG, PNG eller WebP.',
        not_an_image:
          'Den här sortens fil går inte att skicka. Välj en bild av typen JPEG, PNG eller WebP.',
      },
    },
    postalAddress: {
      legend: 'Vart ska vi skicka brevet?',
      street: 'Gatuadress',
      streetHint: 'Skriv gata och nummer. Om du har ett lägenhetsnummer, skriv det också.',
      postalCode: 'Postnummer',
      city: 'Ort',
    },
  },
};
