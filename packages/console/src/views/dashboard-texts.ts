import { plural } from '../i18n/plural.js';
import type { ConsoleLocale } from '../i18n/texts.js';
import type { PeriodKind, PeriodProblem } from './dashboard-period.js';

/*
 * The dashboard's own words, in a module of their own: they come with the view's chunk, so the
 * sign-in page and the other views do not carry them. Its heading, which the navigation shows,
 * stays in `ConsoleTexts.dashboard`.
 */

/** The dashboard's words in one language. */
export interface DashboardTexts {
  period: string;
  periods: Record<PeriodKind, string>;
  from: string;
  to: string;
  show: string;
  periodShown: (from: string, to: string) => string;
  problems: Record<PeriodProblem, string>;
  loading: string;
  shown: (period: string) => string;
  empty: string;
  failed: string;
  forbidden: string;
  totals: string;
  contacts: string;
  avoidable: string;
  tagged: string;
  avoidableShare: (share: string) => string;
  promises: string;
  emailInTime: string;
  chatsDirect: string;
  noData: string;
  keptOf: (kept: number, counted: number) => string;
  pending: (count: number) => string;
  firstAnswer: string;
  channel: string;
  answered: string;
  unanswered: string;
  median: string;
  p90: string;
  /** Where the cases finished in the period spent their time, status by status. */
  timeInStatus: string;
  timeInStatusHint: string;
  status: string;
  statusCases: string;
  overdue: string;
  overdueCases: string;
  overdueValue: (count: number) => string;
  byDepartment: string;
  byPage: string;
  byTopic: string;
  byChannel: string;
  byReason: string;
  byClosingReason: string;
  byClassification: string;
  classification: string;
  closingReason: string;
  /** First-contact resolution: of the cases finished with a closing reason. */
  resolvedByContactCenter: string;
  avoidableByPage: string;
  department: string;
  page: string;
  topic: string;
  reason: string;
  others: string;
  notGiven: string;
  barValue: (contacts: number, avoidable: number) => string;
  legendContacts: string;
  legendAvoidable: string;
  csv: (table: string) => string;
}

/** The dashboard's words in every language the console speaks. */
export const DASHBOARD_TEXTS: Record<ConsoleLocale, DashboardTexts> = {
  sv: {
    period: 'Period',
    periods: {
      'this-month': 'Den här månaden',
      'last-month': 'Förra månaden',
      'last-30-days': 'De senaste 30 dagarna',
      'this-year': 'I år',
      custom: 'Välj datum',
    },
    from: 'Från och med',
    to: 'Till och med',
    show: 'Visa',
    periodShown: (from, to) => `${from} – ${to}`,
    problems: {
      required: 'Fyll i båda datumen.',
      end_before_start: 'Slutdatumet ligger före startdatumet.',
      too_long: 'Välj en period på högst ett år.',
    },
    loading: 'Hämtar översikten …',
    shown: (period) => `Översikten för ${period} visas.`,
    empty: 'Inga kontakter kom in under perioden.',
    failed: 'Översikten kunde inte hämtas.',
    forbidden:
      'Översikten är till för kommunvägledare och administratörer. Som specialist ser du ärendena som skickats till din förvaltning i inkorgen.',
    totals: 'Kontakter',
    contacts: 'Kontakter',
    avoidable: 'Onödig efterfrågan',
    tagged: 'Med kontaktorsak',
    avoidableShare: (share) => `${share} av kontakterna med kontaktorsak`,
    promises: 'Service enligt KKiK',
    emailInTime: 'E-postfrågor besvarade inom två arbetsdagar',
    chatsDirect: 'Chattar besvarade direkt',
    noData: 'Inga uppgifter',
    keptOf: (kept, counted) => `${kept} av ${counted}`,
    pending: (count) => `${count} väntar ännu på svar men är inte försenade`,
    firstAnswer: 'Tid till första svar',
    channel: 'Kanal',
    answered: 'Besvarade',
    unanswered: 'Obesvarade',
    median: 'Median',
    p90: '90:e percentilen',
    timeInStatus: 'Tid i varje status',
    timeInStatusHint:
      'Ärendena som löstes eller avslutades under perioden: hur länge vart och ett var i varje status, sammanlagt.',
    status: 'Status',
    statusCases: 'Ärenden',
    overdue: 'Försenade ärenden just nu',
    overdueCases: 'Försenade ärenden',
    overdueValue: (count) => `${count} ${plural(count, 'ärende', 'ärenden')}`,
    byDepartment: 'Kontakter per förvaltning',
    byPage: 'Kontakter per sida',
    byTopic: 'Kontakter per ämne',
    byChannel: 'Kontakter per kanal',
    byReason: 'Kontakter per kontaktorsak',
    byClosingReason: 'Avslutade ärenden per avslutsorsak',
    byClassification: 'Kontakter per klassning',
    classification: 'Klassning',
    closingReason: 'Avslutsorsak',
    resolvedByContactCenter: 'Lösta av kontaktcenter (av ärendena med avslutsorsak)',
    avoidableByPage: 'Onödig efterfrågan per sida',
    department: 'Förvaltning',
    page: 'Sida',
    topic: 'Ämne',
    reason: 'Kontaktorsak',
    others: 'Övriga',
    notGiven: 'Inte angivet',
    barValue: (contacts, avoidable) =>
      avoidable > 0 ? `${contacts} (${avoidable} onödiga)` : `${contacts}`,
    legendContacts: 'Kontakter',
    legendAvoidable: 'Varav onödig efterfrågan',
    csv: (table) => `Ladda ner som CSV: ${table}`,
  },
  en: {
    period: 'Period',
    periods: {
      'this-month': 'This month',
      'last-month': 'Last month',
      'last-30-days': 'The last 30 days',
      'this-year': 'This year',
      custom: 'Choose dates',
    },
    from: 'From',
    to: 'To (inclusive)',
    show: 'Show',
    periodShown: (from, to) => `${from} – ${to}`,
    problems: {
      required: 'Fill in both dates.',
      end_before_start: 'The end date is before the start date.',
      too_long: 'Choose a period of at most a year.',
    },
    loading: 'Loading the dashboard …',
    shown: (period) => `The dashboard for ${period} is shown.`,
    empty: 'No contacts arrived in this period.',
    failed: 'The dashboard could not be loaded.',
    forbidden:
      'The dashboard is for agents and admins. As a specialist you see the cases forwarded to your department in the inbox.',
    totals: 'Contacts',
    contacts: 'Contacts',
    avoidable: 'Avoidable demand',
    tagged: 'With a reason for contact',
    avoidableShare: (share) => `${share} of the contacts with a reason`,
    promises: 'Service promises (KKiK)',
    emailInTime: 'E-mail questions answered within two working days',
    chatsDirect: 'Chats answered directly',
    noData: 'No data',
    keptOf: (kept, counted) => `${kept} of ${counted}`,
    pending: (count) => `${count} not answered yet but not late either`,
    firstAnswer: 'Time to first answer',
    channel: 'Channel',
    answered: 'Answered',
    unanswered: 'Unanswered',
    median: 'Median',
    p90: '90th percentile',
    timeInStatus: 'Time in each status',
    timeInStatusHint:
      'The cases resolved or closed in the period: how long each one spent in each status, all its times together.',
    status: 'Status',
    statusCases: 'Cases',
    overdue: 'Overdue cases now',
    overdueCases: 'Overdue cases',
    overdueValue: (count) => `${count} ${plural(count, 'case', 'cases')}`,
    byDepartment: 'Contacts by department',
    byPage: 'Contacts by page',
    byTopic: 'Contacts by topic',
    byChannel: 'Contacts by channel',
    byReason: 'Contacts by reason',
    byClosingReason: 'Finished cases by how they were resolved',
    byClassification: 'Contacts by classification',
    classification: 'Classification',
    closingReason: 'How it was resolved',
    resolvedByContactCenter: 'Resolved by the contact center (of the cases with a closing reason)',
    avoidableByPage: 'Avoidable demand by page',
    department: 'Department',
    page: 'Page',
    topic: 'Topic',
    reason: 'Reason for contact',
    others: 'Others',
    notGiven: 'Not given',
    barValue: (contacts, avoidable) =>
      avoidable > 0 ? `${contacts} (${avoidable} avoidable)` : `${contacts}`,
    legendContacts: 'Contacts',
    legendAvoidable: 'Of which avoidable demand',
    csv: (table) => `Download as CSV: ${table}`,
  },
};
