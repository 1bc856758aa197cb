import type { FaultTexts } from './fault-report.texts.js';

/**
 * Easy-read Swedish (lättläst, `sv-simple`); a chunk of its own, loaded when the element's `lang`
 * asks for it.
 */
export const svSimple: FaultTexts = {
  dir: 'ltr',
  loading: 'Vänta lite. Vi hämtar formuläret …',
  loadFailed: 'Vi kan inte visa formuläret just nu. Försök igen om en stund.',
  retry: 'Försök igen',
  formLabel: 'Anmäl ett fel',
  stepOf: (n, total, name) => `Steg ${n} av ${total}: ${name}`,
  steps: {
    category: 'Vad är det för fel?',
    questions: 'Frågor om felet',
    location: 'Var är felet?',
    nearby: 'Fel som andra redan har anmält',
    photos: 'Bilder',
    description: 'Beskriv felet',
    contact: 'Hur vi når dig',
    review: 'Läs igenom dina svar',
  },
  next: 'Fortsätt',
  back: 'Tillbaka',
  backToReview: 'Spara och gå till dina svar',
  required: '(du måste svara)',
  optional: '(om du vill)',
  category: {
    legend: 'Välj det fel som passar bäst',
    search: 'Sök bland felen',
    searchHint: 'Skriv ett ord. Till exempel lampa, hål eller klotter.',
    matches: (n) => (n === 1 ? '1 val passar det du skrev.' : `${n} val passar det du skrev.`),
    noMatch:
      'Inget val passar det du skrev. Därför visar vi alla val. Skriv ett annat ord. Eller välj i listan.',
    loading: 'Vi hämtar listan över fel som du kan anmäla …',
    otherGroup: 'Annat',
  },
  questions: { intro: 'Svara på några frågor om felet.' },
  location: {
    intro:
      'Berätta var felet är. Skriv en adress, eller skriv med egna ord var felet är. Står du vid felet nu? Då kan du använda din position, alltså platsen där du är. Du kan också välja platsen på en karta.',
    withoutMap: 'Skriv platsen eller använd din position',
    address: 'Adress eller plats',
    addressHint: 'Skriv till exempel Storgatan 12 eller vid lekplatsen i Pildammsparken.',
    search: 'Sök adressen',
    searching: 'Vi söker …',
    results: (n) =>
      n === 1
        ? 'Vi hittade 1 plats. Välj den om den stämmer.'
        : `Vi hittade ${n} platser. Välj den som stämmer.`,
    noResults:
      'Vi hittade ingen plats. Men det du skrev räcker. Vi använder det som beskrivning av platsen.',
    searchFailed:
      'Sökningen fungerar inte just nu. Men det du skrev räcker. Vi använder det som beskrivning av platsen.',
    resultsLabel: 'Platser som vi hittade',
    position: 'Använd min position',
    locating: 'Vi letar efter din position …',
    positionProblems: {
      denied:
        'Vi får inte se din position. Skriv adressen i stället. Eller ändra inställningarna i din webbläsare. Då kan vi se din position.',
      unavailable: 'Vi kan inte hitta din position. Skriv adressen i stället.',
      timeout: 'Det tog för lång tid att hitta din position. Försök igen. Eller skriv adressen.',
      unsupported: 'Din webbläsare kan inte visa din position. Skriv adressen i stället.',
    },
    positionFound: (accuracy) =>
      `Vi har valt platsen där du är nu. Platsen kan vara ungefär ${accuracy} meter fel.`,
    mapHeading: 'Eller välj platsen på en karta',
    openMap: 'Visa karta',
    mapLoading: 'Vi hämtar kartan …',
    mapFailed:
      'Vi kan inte visa kartan just nu. Skriv platsen eller använd din position i stället.',
    mapCenter: 'Sätt nålen mitt i kartan',
    zoomIn: 'Förstora kartan',
    zoomOut: 'Förminska kartan',
    pin: 'Nålen där felet är',
    mapLabel: 'Karta där du väljer platsen',
    mapInstructions:
      'Tryck på kartan där felet är. Då sätter vi en nål där. Du kan dra nålen till rätt plats. Med tangentbordet: Gå till kartan. Flytta kartan med piltangenterna. Tryck Enter för att sätta nålen mitt i kartan. Gå sedan till nålen och flytta den med piltangenterna.',
    chosenPoint: (lat, lon) => `Du har valt den här platsen på kartan: ${lat}, ${lon}.`,
    chosenPlace: (label) => `Du har valt platsen: ${label}.`,
    chosenPosition: (lat, lon) => `Du har valt din position: ${lat}, ${lon}.`,
    near: (place) => `Det är nära ${place}.`,
    nothingChosen: 'Du har inte valt någon plats än.',
  },
  nearby: {
    checking: 'Vi tittar om någon redan har anmält felet …',
    intro: (n) =>
      n === 1
        ? 'Någon har redan anmält ett fel av samma sort nära platsen. Är det samma fel som ditt? Då kan du följa den anmälan. Då behöver du inte göra en ny anmälan.'
        : `Andra har redan anmält ${n} fel av samma sort nära platsen. De är inte klara än. Är ditt fel ett av dem? Då kan du följa den anmälan. Då behöver du inte göra en ny anmälan.`,
    found: (n) =>
      n === 1 ? 'Vi hittade 1 anmälan nära platsen.' : `Vi hittade ${n} anmälningar nära platsen.`,
    report: (distance) => `${distance} meter från platsen du valde`,
    reported: (date) => `Anmält ${date}`,
    status: 'Hur det går',
    follow: 'Följ den här anmälan',
    followEmail: 'Din e-post',
    followEmailHint:
      'Skriv din e-post om du vill få besked när något händer i ärendet. Du kan också följa ärendet med länken som du får.',
    somethingElse: 'Mitt fel är ett annat',
    following: 'Vi sparar att du följer ärendet …',
    followedHeading: 'Nu följer du ärendet',
    followedText: 'Du behöver inte göra en ny anmälan. Med länken kan du se hur det går.',
    followFailed:
      'Något gick fel. Du kan inte följa ärendet just nu. Försök igen. Eller gör en egen anmälan.',
  },
  photos: {
    intro: (max) =>
      `Du kan lägga till ${max === 1 ? '1 bild' : `högst ${max} bilder`}. Du väljer själv om du vill skicka bilder. Bilder hjälper oss att hitta felet och förstå det.`,
    add: 'Ta eller välj en bild',
    addHint:
      'Innan vi skickar bilden gör vi den mindre. Vi tar också bort uppgifter i filen om var du tog bilden.',
    alt: (n, total) => `Bild ${n} av ${total}`,
    remove: (n, total) => `Ta bort bild ${n} av ${total}`,
    preparing: 'Vi gör i ordning bilden …',
    uploading: (percent) => `Vi skickar bilder: ${percent} procent är klart`,
    uploaded: 'Bilden är skickad',
    added: (n, total) => `Du har lagt till bild ${n} av ${total}.`,
    removed: 'Du har tagit bort bilden.',
    problems: {
      heic_unsupported:
        'Bilden är sparad i formatet HEIC. Det formatet fungerar inte här. Välj en annan bild. Eller ändra kamerans inställningar till ”Mest kompatibel” (JPEG).',
      too_large: 'Bilden är för stor. Välj en mindre bild.',
      decode_failed:
        'Vi kan inte öppna filen som en bild. Välj en bild av typen JPEG, PNG eller WebP.',
      not_an_image:
        'Vi kan inte skicka den sortens fil. Välj en bild av typen JPEG, PNG eller WebP.',
      too_many: 'Du har redan lagt till så många bilder som går.',
      upload_failed: 'Vi kunde inte skicka bilden. Försök igen.',
    },
    tooMany: (max) =>
      max === 1 ? 'Du kan lägga till högst 1 bild.' : `Du kan lägga till högst ${max} bilder.`,
  },
  description: {
    label: 'Beskriv felet',
    hint: 'Skriv vad som är fel och sedan när. Skriv inga personnummer. Skriv inget om din hälsa.',
    count: (length, max) => `Du har skrivit ${length} av ${max} tecken.`,
    personalIdentityNumber:
      'Det ser ut som att du har skrivit ett personnummer. Ta bort numret om det inte behövs. Det du skickar blir en allmän handling. Då kan vem som helst be att få läsa det.',
  },
  contact: {
    legend: 'Hur vill du anmäla?',
    anonymous: 'Anonymt, utan namn, e-post eller telefon',
    withContact: 'Med e-post eller telefon',
    anonymousHint:
      'Du kan anmäla anonymt. Då vet vi inte vem du är. Du kan ändå följa ditt ärende med en länk. Länken får du när du har skickat anmälan. Men vi kan inte fråga dig något eller ge dig besked.',
    name: 'Ditt namn',
    email: 'Din e-post',
    emailHint: 'Vi skickar ett meddelande till dig när något händer i ditt ärende.',
    phone: 'Ditt telefonnummer',
  },
  review: {
    intro: 'Läs igenom dina svar innan du skickar. Vill du ändra något? Tryck på Ändra.',
    change: 'Ändra',
    changeWhat: (what) => `Ändra ${what.toLowerCase()}`,
    category: 'Typ av fel',
    location: 'Plats',
    photos: 'Bilder',
    photoCount: (n) => (n === 0 ? 'Inga bilder' : n === 1 ? '1 bild' : `${n} bilder`),
    description: 'Din beskrivning',
    contact: 'Hur vi når dig',
    anonymous: 'Anonym anmälan',
    notAnswered: 'Inget svar',
    publicRecord:
      'Det du skickar till kommunen blir oftast en allmän handling. Det betyder att vem som helst kan be att få läsa det. Skriv inga personnummer om det inte behövs. Skriv inte heller om privata saker, till exempel din hälsa, om det inte behövs.',
    submit: 'Skicka anmälan',
    submitting: 'Skickar …',
  },
  receipt: {
    heading: 'Tack! Vi har fått din felanmälan',
    reference: 'Numret på ditt ärende',
    expected: (date) => `Vi räknar med att ha ett svar senast ${date}.`,
    tracker: 'Följ ditt ärende',
    keep: 'Spara länken eller numret på ärendet. Med länken kan du se hur det går. Det fungerar också om du anmälde anonymt.',
    newReport: 'Anmäl ett nytt fel',
  },
  offline: {
    heading: 'Din anmälan är sparad',
    text: 'Det verkar som att du inte har internet just nu. Vi har sparat din anmälan och dina bilder i den här webbläsaren. Vi skickar anmälan när du har internet igen.',
    sendNow: 'Försök skicka nu',
  },
  errors: {
    summary: (n) =>
      n === 1 ? 'Ändra 1 sak innan du går vidare' : `Ändra ${n} saker innan du går vidare`,
    category: 'Välj vilket fel det är.',
    answer: (question) => `Svara på frågan: ${question}`,
    location:
      'Berätta var felet är. Skriv en adress eller beskriv platsen. Eller använd din position. Eller tryck på kartan.',
    description: 'Skriv vad som är fel.',
    tooLong: (max) => `Texten är för lång. Du kan skriva högst ${max} tecken.`,
    email: 'Något är fel i e-postadressen. Skriv den till exempel så här: namn@exempel.se',
    phone: 'Något är fel i telefonnumret. Skriv numret med siffror, till exempel 040-34 10 00',
    number: 'Skriv ett tal med siffror, till exempel 2.',
    contact: 'Skriv din e-post eller ditt telefonnummer. Eller välj att anmäla anonymt.',
    photos: 'Vi kan inte använda en av bilderna. Ta bort bilden eller försök igen.',
    other: 'Något är fel i svaret. Titta på svaret igen.',
  },
  failures: {
    rateLimited: 'Du har skickat många anmälningar på kort tid. Vänta en stund. Försök sedan igen.',
    misconfigured:
      'Något är fel med den här sidan. Därför kan du inte anmäla fel här. Ring kommunens kontaktcenter i stället.',
    unreachable:
      'Din anmälan kom inte fram till oss just nu. Det du har skrivit finns kvar. Försök igen om en stund.',
    unexpected: 'Något gick fel hos oss. Det du har skrivit finns kvar. Försök igen om en stund.',
  },
  failedHeading: 'Vi kunde inte skicka din anmälan',
  draftRestored: 'Vi har fyllt i det du skrev förra gången.',
  startOver: 'Börja om',
  sending: 'Vi skickar din anmälan …',
  sentLater: 'Nu har vi skickat din sparade anmälan.',
};
