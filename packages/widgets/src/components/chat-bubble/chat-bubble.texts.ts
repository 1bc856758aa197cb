/**
 * The launcher's own words. Swedish is inline (the default); the other languages are one small
 * chunk (`chat-bubble.texts.more.ts`) loaded when an element's `lang` asks for one, so the
 * launcher stays within its 10 KB. The panel's words are in `chat-bubble.panel.texts*.ts`.
 */
export interface LauncherTexts {
  readonly dir: 'ltr' | 'rtl';
  /** The button's visible label. */
  readonly label: string;
  readonly loading: string;
  /**
   * Open now; `closes`: the closing time ("17.00"), or nothing when it is open round the clock;
   * `day`: the closing's day when it is not today ("i morgon", "fredag": open overnight).
   */
  readonly openUntil: (closes?: string, day?: string) => string;
  /** Closed now; `when`: the next opening ("måndag 08.00"), or nothing known. */
  readonly opensNext: (when: string | undefined) => string;
  /** The server could not be reached: the page's own way in is offered. */
  readonly unavailable: string;
  /** An ongoing conversation (after a reload, or with the panel closed). */
  readonly ongoing: string;
  /** The unread count as read out and as the badge's hidden text. */
  readonly unread: (count: number) => string;
  readonly retry: string;
}

export const sv: LauncherTexts = {
  dir: 'ltr',
  label: 'Chatta med oss',
  loading: 'Hämtar öppettider …',
  openUntil: (closes, day) =>
    closes ? `Öppet ${day ? `till ${day}` : 'i dag till'} ${closes}` : 'Öppet dygnet runt',
  opensNext: (when) => (when ? `Stängt. Vi öppnar ${when}` : 'Stängt just nu'),
  unavailable: 'Chatten går inte att nå just nu',
  ongoing: 'Pågående chatt',
  unread: (count) => (count === 1 ? '1 nytt meddelande' : `${count} nya meddelanden`),
  retry: 'Försök igen',
};

/**
 * The launcher's languages and easy-read Swedish (`lang="sv-simple"`); those but Swedish come
 * with `loadLauncherTexts()`.
 */
export const LAUNCHER_LOCALES = ['sv', 'en', 'fi', 'ar', 'sv-simple'] as const;
export type LauncherLocale = (typeof LAUNCHER_LOCALES)[number];

/** English, Finnish, Arabic and easy-read Swedish, one chunk for the four. */
export const loadLauncherTexts = (): Promise<Record<LauncherLocale, LauncherTexts>> =>
  import('./chat-bubble.texts.more.js').then(({ more }) => ({ sv, ...more }));
