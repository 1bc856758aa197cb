import type { AgentPresence } from '@kontakt/core/agent';
import type { ChatMessageState, ChatSystemKind } from '@kontakt/core/schemas';
import type { ConsoleLocale } from '../i18n/texts.js';

/**
 * The chat view's words. Kept beside it (not in the console's i18n) so they load with the chat
 * view's chunk, not with the sign-in page; the shell's link and count are in the console's texts.
 */
export interface ChatTexts {
  presence: string;
  presences: Record<AgentPresence, string>;
  presenceHint: string;
  presenceFailed: string;
  offer: {
    heading: string;
    text: (who: string, department: string) => string;
    take: string;
    pass: string;
  };
  queue: {
    heading: (count: number) => string;
    none: string;
    takeNext: string;
    take: string;
    /** The take button's full name, for a list of many. */
    takeLabel: (who: string) => string;
    waitingSince: (time: string) => string;
    gone: string;
  };
  mine: {
    heading: (count: number) => string;
    none: string;
    unread: (count: number) => string;
    open: (who: string) => string;
  };
  callbacks: {
    heading: (count: number) => string;
    none: string;
    asap: string;
    slot: (from: string, to: string) => string;
    phone: string;
  };
  /** The citizen when they gave no name. */
  anonymous: string;
  citizen: string;
  you: string;
  page: string;
  department: string;
  started: string;
  conversation: {
    heading: (who: string) => string;
    choose: string;
    messages: string;
    typing: string;
    /** Whether the citizen is still there (their page has the chat open); said when it changes. */
    citizenHere: string;
    /** Said when a citizen who seemed gone is there again. */
    citizenBack: string;
    citizenAway: (time: string) => string;
    reply: string;
    replyHint: string;
    /** The language the agent writes in (the citizen's chat marks the message with it). */
    replyLanguage: string;
    send: string;
    sending: string;
    failed: string;
    retry: string;
    states: Record<ChatMessageState, string>;
    system: Record<ChatSystemKind, string>;
    handover: string;
    handoverTo: string;
    handoverSubmit: string;
    nobodyAvailable: string;
    handedOver: (name: string) => string;
    end: string;
    reason: string;
    noReason: string;
    endSubmit: string;
    ended: string;
    endedAsCase: string;
    notYours: string;
    closed: string;
  };
  announce: {
    waiting: (count: number) => string;
    offered: (who: string) => string;
    message: (who: string, text: string) => string;
    taken: (who: string) => string;
    ended: (reference: string) => string;
  };
  errors: {
    notWaiting: string;
    ended: string;
    notAvailable: string;
    /** A take refused: one holds the most chats one may at once. */
    atCapacity: string;
    notFound: string;
    failed: string;
  };
  transcript: { heading: string; none: string };
}

const sv: ChatTexts = {
  presence: 'Din närvaro i chatten',
  presences: { available: 'Tillgänglig', busy: 'Upptagen', away: 'Borta' },
  presenceHint:
    'Som tillgänglig erbjuds du nya chattar. Upptagen behåller dina chattar men tar inga nya.',
  presenceFailed: 'Närvaron kunde inte ändras. Försök igen.',
  offer: {
    heading: 'En chatt erbjuds dig',
    text: (who, department) => `${who} väntar (${department}).`,
    take: 'Ta chatten',
    pass: 'Låt någon annan ta den',
  },
  queue: {
    heading: (count) => `Väntande chattar (${count})`,
    none: 'Ingen chatt väntar.',
    takeNext: 'Ta nästa chatt',
    take: 'Ta',
    takeLabel: (who) => `Ta chatten med ${who}`,
    waitingSince: (time) => `väntar sedan ${time}`,
    gone: 'Chatten har redan tagits av någon annan.',
  },
  mine: {
    heading: (count) => `Mina chattar (${count})`,
    none: 'Du har inga pågående chattar.',
    unread: (count) => (count === 1 ? '1 oläst' : `${count} olästa`),
    open: (who) => `Öppna chatten med ${who}`,
  },
  callbacks: {
    heading: (count) => `Återuppringningar (${count})`,
    none: 'Ingen väntar på att bli uppringd.',
    asap: 'Så snart som möjligt',
    slot: (from, to) => `${from}–${to}`,
    phone: 'Telefon',
  },
  anonymous: 'Invånare utan namn',
  citizen: 'Invånaren',
  you: 'Du',
  page: 'Sida',
  department: 'Förvaltning',
  started: 'Startad',
  conversation: {
    heading: (who) => `Chatt med ${who}`,
    choose: 'Välj en chatt i listan, eller ta en väntande.',
    messages: 'Meddelanden',
    typing: 'Invånaren skriver …',
    citizenHere: 'Invånaren är kvar i chatten.',
    citizenBack: 'Invånaren är tillbaka i chatten.',
    citizenAway: (time) => `Invånaren verkar ha lämnat chatten (senast där ${time}).`,
    reply: 'Svar',
    replyHint: 'Enter skickar, Skift+Enter ger ny rad.',
    replyLanguage: 'Du skriver på',
    send: 'Skicka',
    sending: 'Skickas …',
    failed: 'Kunde inte skickas.',
    retry: 'Försök igen',
    states: { sent: 'Skickat', delivered: 'Levererat', read: 'Läst' },
    system: {
      queued: 'Chatten ställdes i kö.',
      agent_joined: 'En kommunvägledare anslöt.',
      handed_over: 'Chatten lämnades över.',
      agent_left: 'Kommunvägledaren lämnade chatten.',
      ended_by_citizen: 'Invånaren avslutade chatten.',
      ended_by_agent: 'Chatten avslutades av kommunvägledaren.',
      ended_unanswered: 'Chatten avslutades utan svar.',
      ended_citizen_left: 'Chatten avslutades: invånaren lämnade kön.',
    },
    handover: 'Lämna över',
    handoverTo: 'Till kollega',
    handoverSubmit: 'Lämna över chatten',
    nobodyAvailable: 'Ingen annan kollega är tillgänglig just nu.',
    handedOver: (name) => `Chatten är överlämnad till ${name}.`,
    end: 'Avsluta',
    reason: 'Orsak till kontakt',
    noReason: 'Välj orsak',
    endSubmit: 'Avsluta chatten',
    ended: 'Chatten är avslutad.',
    endedAsCase: 'Sparad som ärende',
    notYours: 'Chatten hanteras nu av någon annan.',
    closed: 'Stäng',
  },
  announce: {
    waiting: (count) => (count === 1 ? 'En ny chatt väntar.' : `${count} nya chattar väntar.`),
    offered: (who) => `En chatt med ${who} erbjuds dig.`,
    message: (who, text) => `${who}: ${text}`,
    taken: (who) => `Du har tagit chatten med ${who}.`,
    ended: (reference) => `Chatten är avslutad och sparad som ärende ${reference}.`,
  },
  errors: {
    notWaiting: 'Chatten väntar inte längre: någon annan har tagit den, eller invånaren gick.',
    ended: 'Chatten är redan avslutad.',
    notAvailable: 'Kollegan kan inte ta chatten just nu. Välj någon annan.',
    atCapacity:
      'Du har redan så många chattar som du får ha samtidigt. Avsluta eller lämna över en först.',
    notFound: 'Chatten finns inte.',
    failed: 'Det gick inte. Försök igen.',
  },
  transcript: { heading: 'Chattens utskrift', none: 'Inga meddelanden.' },
};

const en: ChatTexts = {
  presence: 'Your chat presence',
  presences: { available: 'Available', busy: 'Busy', away: 'Away' },
  presenceHint:
    'When available you are offered new chats. Busy keeps your chats but takes no new ones.',
  presenceFailed: 'Your presence could not be changed. Try again.',
  offer: {
    heading: 'A chat is offered to you',
    text: (who, department) => `${who} is waiting (${department}).`,
    take: 'Take the chat',
    pass: 'Let someone else take it',
  },
  queue: {
    heading: (count) => `Waiting chats (${count})`,
    none: 'No chat is waiting.',
    takeNext: 'Take the next chat',
    take: 'Take',
    takeLabel: (who) => `Take the chat with ${who}`,
    waitingSince: (time) => `waiting since ${time}`,
    gone: 'Someone else has already taken the chat.',
  },
  mine: {
    heading: (count) => `My chats (${count})`,
    none: 'You have no ongoing chats.',
    unread: (count) => (count === 1 ? '1 unread' : `${count} unread`),
    open: (who) => `Open the chat with ${who}`,
  },
  callbacks: {
    heading: (count) => `Call-backs (${count})`,
    none: 'Nobody is waiting to be called back.',
    asap: 'As soon as possible',
    slot: (from, to) => `${from}–${to}`,
    phone: 'Phone',
  },
  anonymous: 'Unnamed resident',
  citizen: 'Resident',
  you: 'You',
  page: 'Page',
  department: 'Department',
  started: 'Started',
  conversation: {
    heading: (who) => `Chat with ${who}`,
    choose: 'Choose a chat in the list, or take a waiting one.',
    messages: 'Messages',
    typing: 'The resident is typing …',
    citizenHere: 'The resident is still in the chat.',
    citizenBack: 'The resident is back in the chat.',
    citizenAway: (time) => `The resident seems to have left the chat (last there at ${time}).`,
    reply: 'Reply',
    replyHint: 'Enter sends, Shift+Enter starts a new line.',
    replyLanguage: 'You write in',
    send: 'Send',
    sending: 'Sending …',
    failed: 'Could not be sent.',
    retry: 'Try again',
    states: { sent: 'Sent', delivered: 'Delivered', read: 'Read' },
    system: {
      queued: 'The chat joined the queue.',
      agent_joined: 'An advisor joined.',
      handed_over: 'The chat was handed over.',
      agent_left: 'The advisor left the chat.',
      ended_by_citizen: 'The resident ended the chat.',
      ended_by_agent: 'The advisor ended the chat.',
      ended_unanswered: 'The chat ended without an answer.',
      ended_citizen_left: 'The chat ended: the resident left the queue.',
    },
    handover: 'Hand over',
    handoverTo: 'To colleague',
    handoverSubmit: 'Hand over the chat',
    nobodyAvailable: 'No other colleague is available right now.',
    handedOver: (name) => `The chat is handed over to ${name}.`,
    end: 'End',
    reason: 'Reason for contact',
    noReason: 'Choose a reason',
    endSubmit: 'End the chat',
    ended: 'The chat has ended.',
    endedAsCase: 'Kept as case',
    notYours: 'Someone else handles this chat now.',
    closed: 'Close',
  },
  announce: {
    waiting: (count) =>
      count === 1 ? 'A new chat is waiting.' : `${count} new chats are waiting.`,
    offered: (who) => `A chat with ${who} is offered to you.`,
    message: (who, text) => `${who}: ${text}`,
    taken: (who) => `You have taken the chat with ${who}.`,
    ended: (reference) => `The chat has ended and is kept as case ${reference}.`,
  },
  errors: {
    notWaiting: 'The chat is no longer waiting: someone else took it, or the resident left.',
    ended: 'The chat has already ended.',
    notAvailable: 'That colleague cannot take the chat right now. Choose someone else.',
    atCapacity: 'You already have as many chats as you may at once. End or hand over one first.',
    notFound: 'The chat does not exist.',
    failed: 'That did not work. Try again.',
  },
  transcript: { heading: 'Chat transcript', none: 'No messages.' },
};

export const CHAT_TEXTS: Record<ConsoleLocale, ChatTexts> = { sv, en };

/** The message for an error code from a chat action. */
export function chatError(texts: ChatTexts, code: string): string {
  switch (code) {
    case 'chat_not_waiting':
      return texts.errors.notWaiting;
    case 'chat_ended':
      return texts.errors.ended;
    case 'agent_not_available':
      return texts.errors.notAvailable;
    case 'agent_at_capacity':
      return texts.errors.atCapacity;
    case 'chat_not_found':
      return texts.errors.notFound;
    default:
      return texts.errors.failed;
  }
}
