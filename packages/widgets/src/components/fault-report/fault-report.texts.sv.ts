import type { FaultTexts, LaterTexts } from './fault-report.texts.js';
import { svFirst } from './fault-report.texts.js';

/** Swedish for the later steps: loaded with them (`fault-report.later.ts`), not in the first render. */
const svLater: LaterTexts = {
  questions: { intro: 'Några frågor om felet.' },
  location: {
    intro:
      'Skriv en adress eller beskriv platsen, använd din position, eller välj platsen på en karta.',
    withoutMap: 'Ange platsen utan karta',
    address: 'Adress eller plats',
    addressHint: 'Till exempel Storgatan 12 eller vid lekplatsen i Pildammsparken.',
    search: 'Sök adressen',
    searching: 'Söker …',
    results: (n) => (n === 1 ? '1 plats hittades.' : `${n} platser hittades.`),
    noResults: 'Ingen plats hittades. Det du skrev räcker ändå som beskrivning av platsen.',
    searchFailed:
      'Sökningen fungerar inte just nu. Det du skrev räcker som beskrivning av platsen.',
    resultsLabel: 'Platser som matchar',
    position: 'Använd min position',
    locating: 'Hämtar din position …',
    positionProblems: {
      denied:
        'Webbplatsen får inte läsa din position. Skriv adressen i stället, eller tillåt positionen i webbläsarens inställningar.',
      unavailable: 'Din position kunde inte bestämmas. Skriv adressen i stället.',
      timeout: 'Det tog för lång tid att hitta din position. Försök igen eller skriv adressen.',
      unsupported: 'Den här webbläsaren kan inte ge din position. Skriv adressen i stället.',
    },
    positionFound: (accuracy) => `Din position är vald, ungefär ${accuracy} meter noggrant.`,
    mapHeading: 'Eller välj platsen på en karta',
    openMap: 'Visa karta',
    mapLoading: 'Hämtar kartan …',
    mapFailed: 'Kartan kunde inte visas. Ange platsen utan karta i stället.',
    mapCenter: 'Sätt nålen mitt i kartan',
    zoomIn: 'Zooma in',
    zoomOut: 'Zooma ut',
    pin: 'Nål vid felet',
    mapLabel: 'Karta för att välja platsen',
    mapInstructions:
      'Klicka eller tryck där felet är. Med tangentbordet: gå till kartan, flytta kartan med piltangenterna och tryck Enter för att sätta nålen mitt i kartan. Gå sedan till nålen och flytta den med piltangenterna.',
    chosenPoint: (lat, lon) => `Vald punkt på kartan: ${lat}, ${lon}.`,
    chosenPlace: (label) => `Vald plats: ${label}.`,
    chosenPosition: (lat, lon) => `Vald position: ${lat}, ${lon}.`,
    near: (place) => `Nära ${place}.`,
    nothingChosen: 'Ingen plats vald än.',
  },
  nearby: {
    checking: 'Letar efter anmälningar i närheten …',
    intro: (n) =>
      n === 1
        ? 'Någon har redan anmält ett fel av samma slag i närheten. Gäller det samma sak kan du följa den anmälan i stället för att göra en ny.'
        : `Det finns ${n} öppna anmälningar av samma slag i närheten. Gäller din något av dem kan du följa det i stället för att göra en ny.`,
    found: (n) => (n === 1 ? '1 anmälan i närheten.' : `${n} anmälningar i närheten.`),
    report: (distance) => `${distance} meter från platsen du valde`,
    reported: (date) => `Anmäld ${date}`,
    status: 'Status',
    follow: 'Följ den här i stället',
    followEmail: 'E-post för besked om ärendet',
    followEmailHint: 'Frivilligt. Utan e-post följer du ärendet med länken du får.',
    somethingElse: 'Min anmälan gäller något annat',
    following: 'Du följer ärendet …',
    followedHeading: 'Du följer nu ärendet',
    followedText: 'Du behöver inte göra någon ny anmälan. Med länken ser du hur det går.',
    followFailed:
      'Det gick inte att följa ärendet just nu. Försök igen, eller gör en egen anmälan.',
  },
  photos: {
    intro: (max) =>
      `Du kan lägga till ${max === 1 ? 'ett foto' : `upp till ${max} foton`}. Foton är frivilliga men hjälper oss att hitta och förstå felet.`,
    add: 'Ta eller välj foto',
    addHint: 'Fotot görs mindre och platsuppgifter i filen tas bort innan det skickas.',
    alt: (n, total) => `Foto ${n} av ${total}`,
    remove: (n, total) => `Ta bort foto ${n} av ${total}`,
    preparing: 'Förbereder fotot …',
    uploading: (percent) => `Laddar upp: ${percent} %`,
    uploaded: 'Uppladdat',
    added: (n, total) => `Foto ${n} av ${total} har lagts till.`,
    removed: 'Fotot är borttaget.',
    problems: {
      heic_unsupported:
        'Fotot är i formatet HEIC, som inte kan användas här. Välj ett annat foto, eller ställ in kameran på ”Mest kompatibel” (JPEG).',
      too_large: 'Fotot är för stort för att skickas. Välj ett mindre foto.',
      decode_failed: 'Filen kunde inte läsas som ett foto. Välj en JPEG-, PNG- eller WebP-bild.',
      not_an_image: 'Den sortens fil kan inte skickas. Välj en JPEG-, PNG- eller WebP-bild.',
      too_many: 'Du har redan lagt till så många foton som går.',
      upload_failed: 'Fotot kunde inte laddas upp. Försök igen.',
    },
    tooMany: (max) => `Du kan lägga till högst ${max === 1 ? 'ett foto' : `${max} foton`}.`,
  },
  description: {
    label: 'Beskriv felet',
    hint: 'Vad är fel, och sedan när? Skriv inte personnummer eller uppgifter om din hälsa.',
    count: (length, max) => `${length} av ${max} tecken`,
    personalIdentityNumber:
      'Det ser ut som att du har skrivit ett personnummer. Ta bort det om det inte behövs – anmälan blir en allmän handling.',
  },
  contact: {
    legend: 'Hur vill du anmäla?',
    anonymous: 'Anonymt, utan kontaktuppgifter',
    withContact: 'Med mina kontaktuppgifter',
    anonymousHint:
      'Du kan anmäla anonymt. Du följer då ärendet med länken på kvittot, men vi kan inte fråga dig något eller meddela dig.',
    name: 'Namn',
    email: 'E-post',
    emailHint: 'Du får ett meddelande när ärendet ändras.',
    phone: 'Telefon',
  },
  review: {
    intro: 'Kontrollera att allt stämmer innan du skickar.',
    change: 'Ändra',
    changeWhat: (what) => `Ändra ${what.toLowerCase()}`,
    category: 'Sorts fel',
    location: 'Plats',
    photos: 'Foton',
    photoCount: (n) => (n === 0 ? 'Inga foton' : n === 1 ? '1 foto' : `${n} foton`),
    description: 'Beskrivning',
    contact: 'Kontaktuppgifter',
    anonymous: 'Anonym anmälan',
    notAnswered: 'Inte besvarat',
    publicRecord:
      'Det du skickar till kommunen blir som regel en allmän handling som vem som helst kan begära att få läsa. Skriv inte personnummer eller känsliga uppgifter om det inte behövs.',
    submit: 'Skicka felanmälan',
    submitting: 'Skickar …',
  },
  receipt: {
    heading: 'Tack! Vi har tagit emot din felanmälan',
    reference: 'Ditt ärendenummer',
    expected: (date) => `Vi räknar med att ha besked senast ${date}.`,
    tracker: 'Följ ärendet',
    keep: 'Spara länken eller ärendenumret. Med länken ser du hur det går, även om du anmälde anonymt.',
    newReport: 'Gör en ny felanmälan',
  },
  offline: {
    heading: 'Din felanmälan är sparad',
    text: 'Du verkar vara utan internet. Anmälan och dina foton är sparade i den här webbläsaren och skickas automatiskt när anslutningen är tillbaka.',
    sendNow: 'Försök skicka nu',
  },
  errors: {
    summary: (n) =>
      n === 1 ? 'Rätta 1 sak innan du går vidare' : `Rätta ${n} saker innan du går vidare`,
    category: 'Välj vad felet gäller.',
    answer: (question) => `Svara på frågan: ${question}`,
    location:
      'Ange var felet är: en adress, en beskrivning av platsen, din position eller en punkt på kartan.',
    description: 'Beskriv felet.',
    tooLong: (max) => `Texten får vara högst ${max} tecken.`,
    email: 'Skriv en e-postadress som namn@exempel.se.',
    phone: 'Skriv ett telefonnummer med siffror, till exempel 040-34 10 00.',
    number: 'Skriv ett tal.',
    contact: 'Skriv en e-postadress eller ett telefonnummer, eller välj att anmäla anonymt.',
    photos: 'Ett foto kunde inte användas. Ta bort det eller försök igen.',
    other: 'Kontrollera svaret.',
  },
  sending: 'Skickar felanmälan …',
  sentLater: 'Din sparade felanmälan är nu skickad.',
};

/** Every Swedish text. */
export const sv: FaultTexts = { ...svFirst, ...svLater };
