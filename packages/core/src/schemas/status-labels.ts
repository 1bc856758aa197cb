/*
 * The citizen's words for case statuses, in every locale the widgets ship in. Free of zod so a
 * widget's first frame, the server's mails and Open311's `status_notes` all read the same words.
 */
import type { CaseStatus } from './case.js';
import type { Locale } from './vocabulary.js';
import { LOCALES } from './vocabulary.js';

/** A status's short label and one sentence saying what it means for the person. */
export interface StatusWords {
  readonly label: string;
  readonly meaning: string;
}

export const CASE_STATUS_WORDS: Readonly<
  Record<Locale, Readonly<Record<CaseStatus, StatusWords>>>
> = {
  sv: {
    received: {
      label: 'Mottaget',
      meaning: 'Vi har fått ditt ärende och börjar titta på det snart.',
    },
    in_progress: { label: 'Under behandling', meaning: 'Någon arbetar med ditt ärende.' },
    waiting_for_citizen: {
      label: 'Väntar på dig',
      meaning: 'Vi behöver mer information från dig för att kunna gå vidare.',
    },
    forwarded: {
      label: 'Skickat vidare',
      meaning: 'Ärendet har skickats till den förvaltning som ska hantera det.',
    },
    resolved: {
      label: 'Åtgärdat',
      meaning: 'Det du anmälde är åtgärdat eller ditt ärende är besvarat.',
    },
    closed: { label: 'Avslutat', meaning: 'Ärendet är avslutat.' },
    duplicate: {
      label: 'Redan anmält',
      meaning: 'Samma sak var redan anmäld. Den anmälan hanteras i stället.',
    },
  },
  en: {
    received: {
      label: 'Received',
      meaning: 'We have received your case and will look at it soon.',
    },
    in_progress: { label: 'In progress', meaning: 'Someone is working on your case.' },
    waiting_for_citizen: {
      label: 'Waiting for you',
      meaning: 'We need more information from you to go on.',
    },
    forwarded: {
      label: 'Forwarded',
      meaning: 'Your case has been sent to the department that handles it.',
    },
    resolved: {
      label: 'Resolved',
      meaning: 'What you reported has been fixed, or your case has been answered.',
    },
    closed: { label: 'Closed', meaning: 'The case is closed.' },
    duplicate: {
      label: 'Already reported',
      meaning: 'The same thing was already reported. That report is handled instead.',
    },
  },
  fi: {
    received: {
      label: 'Vastaanotettu',
      meaning: 'Olemme saaneet asiasi ja käsittelemme sen pian.',
    },
    in_progress: { label: 'Käsittelyssä', meaning: 'Asiaasi käsitellään parhaillaan.' },
    waiting_for_citizen: {
      label: 'Odottaa sinua',
      meaning: 'Tarvitsemme sinulta lisätietoja voidaksemme jatkaa.',
    },
    forwarded: {
      label: 'Lähetetty eteenpäin',
      meaning: 'Asiasi on lähetetty sitä käsittelevälle hallinnolle.',
    },
    resolved: {
      label: 'Korjattu',
      meaning: 'Ilmoittamasi asia on korjattu tai asiaasi on vastattu.',
    },
    closed: { label: 'Suljettu', meaning: 'Asia on suljettu.' },
    duplicate: {
      label: 'Jo ilmoitettu',
      meaning: 'Sama asia oli jo ilmoitettu. Sitä ilmoitusta käsitellään sen sijaan.',
    },
  },
  ar: {
    received: { label: 'تم الاستلام', meaning: 'استلمنا طلبك وسننظر فيه قريبًا.' },
    in_progress: { label: 'قيد المعالجة', meaning: 'يعمل أحد الموظفين على طلبك.' },
    waiting_for_citizen: {
      label: 'بانتظارك',
      meaning: 'نحتاج إلى مزيد من المعلومات منك لنتمكن من المتابعة.',
    },
    forwarded: { label: 'تمت الإحالة', meaning: 'أُرسل طلبك إلى الإدارة المختصة بمعالجته.' },
    resolved: { label: 'تم الحل', meaning: 'تم إصلاح ما أبلغت عنه أو تمت الإجابة على طلبك.' },
    closed: { label: 'مغلق', meaning: 'تم إغلاق الطلب.' },
    duplicate: {
      label: 'مُبلَّغ عنه مسبقًا',
      meaning: 'تم الإبلاغ عن الأمر نفسه من قبل، ويُعالَج ذلك البلاغ بدلًا منه.',
    },
  },
};

/** The words for `status` in `locale` (Swedish for a locale kontakt does not ship). */
export function caseStatusWords(status: CaseStatus, locale: string): StatusWords {
  const known = (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : 'sv';
  return CASE_STATUS_WORDS[known][status];
}
