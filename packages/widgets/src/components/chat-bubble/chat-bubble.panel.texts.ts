import type { ChatSystemKind } from '@kontakt/core/schemas';
import type { TextsLocale } from '../../internal/lang.js';

/**
 * The panel's words, one object per locale. Swedish is here (the default, in the panel's chunk);
 * the other languages are chunks loaded when an element's `lang` asks for one (`PANEL_TEXTS`).
 */
export interface PanelTexts {
  readonly dir: 'ltr' | 'rtl';
  readonly dialogLabel: string;
  readonly close: string;
  // Starting
  readonly startIntro: string;
  readonly queueNow: (waiting: number, minutes: number | undefined) => string;
  readonly name: string;
  readonly optional: string;
  readonly firstMessage: string;
  readonly publicRecord: string;
  readonly personalNumberWarning: string;
  readonly start: string;
  readonly starting: string;
  // The conversation
  readonly queued: (position: number, minutes: number | undefined) => string;
  readonly withAgent: (name: string | undefined) => string;
  readonly agentTyping: (name: string | undefined) => string;
  readonly reconnecting: string;
  readonly messagesLabel: string;
  readonly you: string;
  readonly agent: string;
  readonly system: Record<ChatSystemKind, (name: string | undefined) => string>;
  readonly states: {
    readonly pending: string;
    readonly failed: string;
    readonly sent: string;
    readonly delivered: string;
    readonly read: string;
  };
  readonly discard: string;
  readonly message: string;
  readonly send: string;
  readonly sendHint: string;
  readonly newMessage: (author: string, text: string) => string;
  readonly end: string;
  readonly callbackInstead: string;
  readonly callbackInsteadIntro: string;
  // Ending
  readonly endHeading: string;
  readonly endIntro: string;
  readonly transcriptEmail: string;
  readonly endConfirm: string;
  readonly keepChatting: string;
  readonly endedHeading: string;
  readonly endedReference: (reference: string) => string;
  readonly endedNoReference: string;
  readonly transcriptSent: (email: string) => string;
  readonly transcriptAsk: string;
  readonly transcriptSend: string;
  readonly newChat: string;
  // Closed
  readonly closedHeading: string;
  readonly closedOpens: (when: string | undefined) => string;
  readonly hoursHeading: string;
  readonly closedDay: string;
  readonly leaveMessage: string;
  readonly askCallback: string;
  readonly back: string;
  // Call-back
  readonly callbackHeading: string;
  readonly callbackIntro: string;
  readonly phone: string;
  readonly phoneHint: string;
  readonly when: string;
  readonly asap: string;
  readonly slot: string;
  readonly slotChoose: string;
  readonly slotsLoading: string;
  readonly slotsNone: string;
  readonly note: string;
  readonly callbackSubmit: string;
  readonly callbackSending: string;
  readonly callbackDone: string;
  readonly callbackDoneWhen: (when: string) => string;
  readonly callbackDoneAsap: string;
  readonly referenceIs: (reference: string) => string;
  // Errors
  readonly errorSummary: string;
  readonly required: string;
  readonly invalidPhone: string;
  readonly invalidEmail: string;
  readonly tooLong: string;
  readonly slotFull: string;
  readonly outsideHours: string;
  readonly unreachable: string;
  readonly closedNow: (when: string | undefined) => string;
  readonly rateLimited: string;
  readonly chatGone: string;
  readonly unexpected: string;
  readonly retry: string;
}

export const sv: PanelTexts = {
  dir: 'ltr',
  dialogLabel: 'Chatt med kontaktcenter',
  close: 'Stäng',
  startIntro: 'Ställ din fråga till en kommunvägledare. Du får svar direkt i chatten.',
  queueNow: (waiting, minutes) =>
    waiting === 0
      ? 'Ingen väntar i kön just nu.'
      : `${waiting === 1 ? '1 person väntar' : `${waiting} personer väntar`}${minutes ? `, cirka ${minutes} min väntetid` : ''}.`,
  name: 'Ditt förnamn',
  optional: '(frivilligt)',
  firstMessage: 'Din fråga',
  publicRecord:
    'Det du skriver kan bli en allmän handling. Skriv inte personnummer eller känsliga uppgifter.',
  personalNumberWarning:
    'Det ser ut som ett personnummer. Ta bort det om du inte måste skicka det.',
  start: 'Starta chatten',
  starting: 'Startar …',
  queued: (position, minutes) =>
    `Du är nummer ${position} i kön.${minutes === undefined ? '' : ` Beräknad väntetid: cirka ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}.`}`,
  withAgent: (name) => (name ? `Du chattar med ${name}` : 'Du chattar med en kommunvägledare'),
  agentTyping: (name) => `${name ?? 'Kommunvägledaren'} skriver …`,
  reconnecting: 'Anslutningen bröts. Vi försöker igen …',
  messagesLabel: 'Meddelanden',
  you: 'Du',
  agent: 'Kommunvägledare',
  system: {
    queued: () => 'Du står i kön. En kommunvägledare svarar så snart som möjligt.',
    agent_joined: (name) => `${name ?? 'En kommunvägledare'} har anslutit.`,
    handed_over: (name) => `Chatten har lämnats över till ${name ?? 'en kollega'}.`,
    agent_left: (name) => `${name ?? 'Kommunvägledaren'} har lämnat chatten.`,
    ended_by_citizen: () => 'Du avslutade chatten.',
    ended_by_agent: () => 'Kommunvägledaren avslutade chatten.',
    ended_unanswered: () => 'Ingen hann svara. Chatten har avslutats.',
    ended_citizen_left: () => 'Chatten avslutades eftersom du lämnade sidan.',
  },
  states: {
    pending: 'Skickas …',
    failed: 'Inte skickat',
    sent: 'Skickat',
    delivered: 'Levererat',
    read: 'Läst',
  },
  discard: 'Ta bort',
  message: 'Meddelande',
  send: 'Skicka',
  sendHint: 'Enter skickar, Skift+Enter ger ny rad.',
  newMessage: (author, text) => `${author}: ${text}`,
  end: 'Avsluta chatten',
  callbackInstead: 'Bli uppringd i stället',
  callbackInsteadIntro: 'Lång kö? Vi kan ringa upp dig i stället.',
  endHeading: 'Avsluta chatten?',
  endIntro: 'Vill du få chatten som e-post? Skriv din adress, annars lämna fältet tomt.',
  transcriptEmail: 'E-postadress',
  endConfirm: 'Avsluta',
  keepChatting: 'Fortsätt chatta',
  endedHeading: 'Chatten är avslutad',
  endedReference: (reference) => `Chatten är sparad som ärende ${reference}.`,
  endedNoReference: 'Tack för att du chattade med oss.',
  transcriptSent: (email) => `Chatten skickas till ${email}.`,
  transcriptAsk: 'Få chatten som e-post',
  transcriptSend: 'Skicka',
  newChat: 'Starta en ny chatt',
  closedHeading: 'Chatten är stängd just nu',
  closedOpens: (when) => (when ? `Vi öppnar ${when}.` : 'Vi vet inte när chatten öppnar igen.'),
  hoursHeading: 'Öppettider',
  closedDay: 'Stängt',
  leaveMessage: 'Skriv ett meddelande',
  askCallback: 'Bli uppringd',
  back: 'Tillbaka',
  callbackHeading: 'Bli uppringd',
  callbackIntro: 'Lämna ditt telefonnummer så ringer en kommunvägledare upp dig.',
  phone: 'Telefonnummer',
  phoneHint: 'Till exempel 070-123 45 67.',
  when: 'När vill du bli uppringd?',
  asap: 'Så snart som möjligt',
  slot: 'Välj en tid',
  slotChoose: 'Tid',
  slotsLoading: 'Hämtar lediga tider …',
  slotsNone: 'Det finns inga lediga tider just nu.',
  note: 'Vad gäller det?',
  callbackSubmit: 'Be om samtal',
  callbackSending: 'Skickar …',
  callbackDone: 'Tack! Vi ringer dig.',
  callbackDoneWhen: (when) => `Vi ringer dig ${when}.`,
  callbackDoneAsap: 'Vi ringer dig så snart vi kan.',
  referenceIs: (reference) => `Ärendenummer: ${reference}`,
  errorSummary: 'Rätta det som är markerat.',
  required: 'Fyll i fältet.',
  invalidPhone: 'Skriv ett telefonnummer med minst sex siffror, till exempel 070-123 45 67.',
  invalidEmail: 'Skriv en e-postadress, till exempel namn@exempel.se.',
  tooLong: 'Texten är för lång.',
  slotFull: 'Tiden hann bli full. Välj en annan tid.',
  outsideHours: 'Tiden är utanför öppettiderna. Välj en annan tid.',
  unreachable: 'Vi når inte kontaktcenter just nu. Kontrollera anslutningen och försök igen.',
  closedNow: (when) => `Chatten har just stängt.${when ? ` Vi öppnar ${when}.` : ''}`,
  rateLimited: 'Du har försökt många gånger. Vänta en stund och försök igen.',
  chatGone: 'Chatten finns inte längre. Starta en ny om du vill.',
  unexpected: 'Något gick fel. Försök igen.',
  retry: 'Försök igen',
};

/** Every language but Swedish, and easy-read Swedish (`lang="sv-simple"`), as chunks of their own. */
export const PANEL_TEXTS: Record<Exclude<TextsLocale, 'sv'>, () => Promise<PanelTexts>> = {
  en: () => import('./chat-bubble.panel.texts.en.js').then((module) => module.en),
  fi: () => import('./chat-bubble.panel.texts.fi.js').then((module) => module.fi),
  ar: () => import('./chat-bubble.panel.texts.ar.js').then((module) => module.ar),
  'sv-simple': () =>
    import('./chat-bubble.panel.texts.sv-simple.js').then((module) => module.svSimple),
};
