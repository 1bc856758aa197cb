import type { TrackerTexts } from './status-tracker.texts.js';

/**
 * Easy-read Swedish (lättläst svenska, `lang="sv-simple"`): short sentences, everyday words. It
 * carries the statuses' words too, said more simply than the contract's.
 */
export const svSimple: TrackerTexts = {
  dir: 'ltr',
  loading: 'Vi hämtar ärendet …',
  formHeading: 'Följ ditt ärende',
  formIntro:
    'Skriv ditt ärendenummer. Det står på kvittot som du fick. Skriv också din e-postadress. Använd samma e-postadress som när du skickade ärendet.',
  reference: 'Ärendenummer',
  referenceHint: 'Numret står på kvittot. Till exempel KC-7F3K-9QXM',
  email: 'Din e-postadress',
  emailHint: 'Skriv samma adress som när du skickade ärendet.',
  submit: 'Visa ärendet',
  submitting: 'Söker …',
  errorSummary: (count) =>
    count === 1 ? 'Rätta 1 sak för att gå vidare' : `Rätta ${count} saker för att gå vidare`,
  referenceMissing: 'Skriv ärendenumret.',
  referenceInvalid:
    'Skriv ärendenumret precis som det står på kvittot. Det börjar med KC. Sedan kommer 8 bokstäver och siffror. Till exempel KC-7F3K-9QXM.',
  emailMissing: 'Skriv din e-postadress.',
  emailInvalid: 'Det är något fel i e-postadressen. Skriv den så här: namn@exempel.se.',
  notFoundHeading: 'Vi hittar inget ärende',
  notFound:
    'Vi hittar inget ärende med det ärendenumret och den e-postadressen. Titta noga på ärendenumret och e-postadressen. Rätta det som är fel. Försök sedan igen.',
  rateLimited: (at) =>
    at
      ? `Du har försökt många gånger på kort tid. Vänta lite. Försök igen efter klockan ${at}.`
      : 'Du har försökt många gånger på kort tid. Vänta en stund. Försök sedan igen.',
  unreachable:
    'Vi kunde inte nå kontaktcenter. Kontrollera att du är ansluten till internet. Försök sedan igen.',
  unexpected: 'Något gick fel hos oss. Försök igen om en stund.',
  failedHeading: 'Vi kunde inte visa ärendet',
  retry: 'Försök igen',
  caseHeading: 'Ärende',
  status: 'Läget just nu',
  expectedBy: (date) => `Du får svar senast ${date}.`,
  kind: 'Typ av ärende',
  kinds: { fault: 'Anmälan om ett fel', question: 'Fråga till kontaktcenter' },
  category: 'Handlar om',
  photosLabel: 'Bilder',
  photos: (count) => (count === 1 ? 'Ärendet har 1 bild.' : `Ärendet har ${count} bilder.`),
  timelineHeading: 'Det här har hänt',
  timelineOrder: 'Det som hände senast står först.',
  forwardedTo: (department) => `Vi skickade ärendet till ${department}.`,
  duplicateOf: 'Någon har redan anmält samma sak. Den anmälan har ärendenumret',
  followInstead: 'Följ den anmälan i stället',
  following: 'Nu följer du den anmälan.',
  followFailed: 'Något gick fel. Du följer inte den anmälan än. Försök igen om en stund.',
  changed: (status) => `Ärendet har ändrats. Läget just nu: ${status}.`,
  reconnecting:
    'Kontakten är bruten just nu. Vi försöker få kontakt igen. Det som står här kan vara gammal information.',
  reconnected: 'Nu har vi kontakt igen.',
  watchEnded:
    'Nu visar vi inte längre det nya som händer i ärendet. Ladda om sidan. Då ser du det senaste.',
  anotherCase: 'Visa ett annat ärende',
  noPersonalData:
    'Här visar vi bara hur det går med ärendet. Vi visar aldrig uppgifter om dig, som ditt namn. Vi visar inte heller det du skrev.',
  statuses: {
    received: {
      label: 'Har kommit in',
      meaning: 'Vi har fått ditt ärende. Snart börjar vi titta på det.',
    },
    in_progress: {
      label: 'Vi arbetar med det',
      meaning: 'Någon hos oss arbetar med ditt ärende nu.',
    },
    waiting_for_citizen: {
      label: 'Väntar på dig',
      meaning: 'Vi behöver mer information från dig. Sedan kan vi arbeta vidare med ärendet.',
    },
    forwarded: {
      label: 'Skickat vidare',
      meaning: 'Vi har skickat ditt ärende till den del av kommunen som ska arbeta med det.',
    },
    resolved: {
      label: 'Klart',
      meaning: 'Vi har tagit hand om det du anmälde. Om du ställde en fråga, har vi svarat på den.',
    },
    closed: {
      label: 'Avslutat',
      meaning: 'Ärendet är avslutat. Vi arbetar inte längre med det.',
    },
    duplicate: {
      label: 'Redan anmält',
      meaning: 'Någon har redan anmält samma sak. Vi arbetar med den anmälan i stället.',
    },
  },
  message: {
    answerHeading: 'Svara på vår fråga',
    answerLabel: 'Ditt svar',
    ourQuestion: 'Vår fråga:',
    addHeading: 'Skicka mer information',
    addLabel: 'Det du vill lägga till',
    hint: 'Det du skickar kan bli en allmän handling. Det betyder att andra kan få läsa det. Skriv inte ditt personnummer. Skriv bara känsliga saker om du måste, till exempel om din hälsa.',
    send: 'Skicka',
    sending: 'Skickar …',
    sent: 'Tack! Vi har fått det du skickade.',
    required: 'Skriv något innan du skickar.',
    tooLong: (max) => `Texten är för lång. Den får ha högst ${max} tecken. Gör texten kortare.`,
    offline:
      'Vi kunde inte nå kontaktcenter. Din text finns kvar. Vi skickar den när vi har kontakt igen.',
    queuedHeading: 'Inte skickat än.',
    queued:
      'Det du skrev är sparat i den här webbläsaren. Vi skickar det automatiskt när kontakten fungerar igen. Det händer medan sidan är öppen. Annars händer det nästa gång du öppnar sidan.',
    queuedLabel: 'Din sparade text:',
    sendNow: 'Försök skicka nu',
    queuedPhotos: (count) =>
      count === 1 ? 'Det finns också 1 bild med.' : `Det finns också ${count} bilder med.`,
    photos: {
      legend: 'Bilder',
      hint: (max) =>
        `Du kan skicka ${max === 1 ? '1 bild' : `upp till ${max} bilder`} med ditt svar. Det kan till exempel vara ett foto av det vi frågade om. Vi gör bilderna mindre innan vi skickar dem. Vi tar också bort uppgifter om var bilden togs och vilken kamera som användes.`,
      add: 'Lägg till en bild',
      full: (max) =>
        `Du har lagt till ${max === 1 ? '1 bild' : `${max} bilder`}. Det är så många du kan skicka.`,
      alt: (n, total) => `Bild ${n} av ${total}`,
      remove: (n, total) => `Ta bort bild ${n} av ${total}`,
      preparing: 'Vi gör i ordning bilden …',
      added: (n, total) => `Bild ${n} av ${total} är tillagd.`,
      removed: 'Bilden är borttagen.',
      uploading: (percent) => `Skickar bilderna: ${percent} % klart`,
      problems: {
        heic_unsupported:
          'Vi kan inte ta emot bilder i formatet HEIC. Välj en annan bild. Du kan också ändra kamerans inställning till ”Mest kompatibel”. Då sparar kameran bilderna som JPEG.',
        too_large: 'Bilden är för stor för att skicka. Välj en mindre bild.',
        decode_failed:
          'Vi kan inte läsa filen som en bild. Välj en bild i formatet JPEG, PNG eller WebP.',
        not_an_image:
          'Vi kan inte ta emot den sortens fil. Välj en bild i formatet JPEG, PNG eller WebP.',
      },
    },
    finished:
      'Ärendet är avslutat. Därför kan du inte svara här. Skicka ett nytt meddelande till oss i stället.',
    notYours: 'Bara den som skickade ärendet kan svara här.',
    rateLimited: 'Du har försökt många gånger på kort tid. Vänta en stund. Försök sedan igen.',
    failed: 'Vi kunde inte skicka det du skrev. Din text finns kvar. Försök igen.',
  },
};
