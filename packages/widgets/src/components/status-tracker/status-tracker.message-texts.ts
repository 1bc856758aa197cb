import type { PhotoFieldTexts } from '../../i18n/translation.js';

/**
 * The words of the form with which the sender of a case answers a question or adds to it. The
 * Swedish ones come with a case (the tracker's later chunk), the others with their language's
 * chunk (`TrackerTexts.message`): the first frame carries none of them.
 */
export interface MessageTexts {
  /** When the contact center waits for the person: the form answers its question. */
  answerHeading: string;
  answerLabel: string;
  /** The contact center's last public note, shown as its question. */
  ourQuestion: string;
  /** Otherwise: the person adds something. */
  addHeading: string;
  addLabel: string;
  hint: string;
  send: string;
  sending: string;
  sent: string;
  required: string;
  tooLong: (max: number) => string;
  /** Not sent: no connection; it is kept and sent when the connection is back. */
  offline: string;
  /** Kept in the browser (the outbox) until it can be sent: said first, then `queued`. */
  queuedHeading: string;
  queued: string;
  /** Before the kept text. */
  queuedLabel: string;
  /** Asks to send the kept message now. */
  sendNow: string;
  /** After the kept text: how many photos go with it. */
  queuedPhotos: (count: number) => string;
  /**
   * The photos with the answer, for a department that takes them with messages. The Swedish ones
   * come with the photos' code (`SV_PHOTO_TEXTS`), not with the form.
   */
  photos?: PhotoFieldTexts;
  finished: string;
  /** The token shows the case, but answering is for its sender (a follower of a fault report). */
  notYours: string;
  rateLimited: string;
  failed: string;
}

export const SV_MESSAGE_TEXTS: MessageTexts = {
  answerHeading: 'Svara på vår fråga',
  answerLabel: 'Ditt svar',
  ourQuestion: 'Vår fråga:',
  addHeading: 'Skicka mer information',
  addLabel: 'Det du vill lägga till',
  hint: 'Det du skickar kan bli en allmän handling. Skriv inte ditt personnummer eller känsliga uppgifter om du inte måste.',
  send: 'Skicka',
  sending: 'Skickar …',
  sent: 'Tack! Vi har fått det du skickade.',
  required: 'Skriv något innan du skickar.',
  tooLong: (max) => `Texten är för lång. Den får vara högst ${max} tecken.`,
  offline:
    'Det gick inte att nå kontaktcenter. Din text finns kvar och skickas när anslutningen är tillbaka.',
  queuedHeading: 'Inte skickat än.',
  queued:
    'Det du skrev är sparat i den här webbläsaren och skickas automatiskt när anslutningen fungerar igen, så länge sidan är öppen eller nästa gång du besöker den.',
  queuedLabel: 'Sparat:',
  sendNow: 'Försök skicka nu',
  queuedPhotos: (count) => (count === 1 ? 'Och en bild.' : `Och ${count} bilder.`),

  finished: 'Ärendet är avslutat och tar inte emot mer. Skicka ett nytt meddelande i stället.',
  notYours: 'Bara den som skickade in ärendet kan svara här.',
  rateLimited: 'För många försök just nu. Vänta en stund och försök igen.',
  failed: 'Det gick inte att skicka. Din text finns kvar. Försök igen.',
};
