import type { InboxOrder } from '@kontakt/core/agent';
import { plural } from '../i18n/plural.js';
import type { ConsoleLocale } from '../i18n/texts.js';

/*
 * The inbox's own words, in a module of their own: they come with the view's chunk, so the
 * sign-in page does not carry them. The few the case view and the register form show too stay in
 * `ConsoleTexts.inbox`.
 */

/** The inbox's words in one language. */
export interface InboxTexts {
  filters: string;
  search: string;
  searchHint: string;
  status: string;
  openStatuses: string;
  anyStatus: string;
  channel: string;
  anyChannel: string;
  need: string;
  anyNeed: string;
  priority: string;
  /** Under an open case's status: how long it has been so (`i 3 d 4 tim`). */
  statusFor: (duration: string) => string;
  anyPriority: string;
  classification: string;
  anyClassification: string;
  /** The inbox's order by arrival, and each order's name. */
  order: string;
  orders: Record<InboxOrder, string>;
  topic: string;
  anyTopic: string;
  department: string;
  anyDepartment: string;
  assigned: string;
  anyone: string;
  me: string;
  nobody: string;
  overdue: string;
  apply: string;
  caption: string;
  reference: string;
  received: string;
  from: string;
  message: string;
  answerBy: string;
  assignee: string;
  none: string;
  more: string;
  shown: (count: number) => string;
  arrived: (count: number) => string;
  register: string;
  registerChannel: string;
  registerDepartment: string;
  registerTopic: string;
  registerNotes: string;
  registerSubmit: string;
}

/** The inbox's words in every language the console speaks. */
export const INBOX_TEXTS: Record<ConsoleLocale, InboxTexts> = {
  sv: {
    filters: 'Sök och filtrera ärenden',
    search: 'Sök',
    searchHint:
      'Ärendenummer eller ord ur meddelandet, namnet, e-postadressen eller telefonnumret.',
    status: 'Status',
    openStatuses: 'Alla öppna',
    anyStatus: 'Alla',
    channel: 'Kanal',
    anyChannel: 'Alla kanaler',
    need: 'Behov',
    anyNeed: 'Alla',
    priority: 'Prioritet',
    statusFor: (duration) => `i ${duration}`,
    anyPriority: 'Alla',
    classification: 'Klassning',
    anyClassification: 'Alla',
    order: 'Ordning',
    orders: { newest: 'Nyast först', oldest: 'Äldst först' },
    topic: 'Ämne',
    anyTopic: 'Alla ämnen',
    department: 'Förvaltning',
    anyDepartment: 'Alla',
    assigned: 'Handläggare',
    anyone: 'Alla',
    me: 'Mina ärenden',
    nobody: 'Ingen tilldelad',
    overdue: 'Bara försenade',
    apply: 'Visa',
    caption: 'Ärenden, nyast först',
    reference: 'Ärende',
    received: 'Inkom',
    from: 'Från',
    message: 'Meddelande',
    answerBy: 'Svar senast',
    assignee: 'Handläggare',
    none: 'Inga ärenden matchar.',
    more: 'Visa fler',
    shown: (count) => `${count} ${plural(count, 'ärende', 'ärenden')} visas.`,
    arrived: (count) =>
      count === 1 ? 'Ett nytt ärende har kommit in.' : `${count} nya ärenden har kommit in.`,
    register: 'Registrera samtal eller besök',
    registerChannel: 'Kontaktväg',
    registerDepartment: 'Förvaltning',
    registerTopic: 'Ämne',
    registerNotes: 'Vad gällde det och vad sades?',
    registerSubmit: 'Registrera',
  },
  en: {
    filters: 'Search and filter cases',
    search: 'Search',
    searchHint:
      'A case reference, or words from the message, the name, e-mail address or phone number.',
    status: 'Status',
    openStatuses: 'All open',
    anyStatus: 'All',
    channel: 'Channel',
    anyChannel: 'All channels',
    need: 'Needs',
    anyNeed: 'All',
    priority: 'Priority',
    statusFor: (duration) => `for ${duration}`,
    anyPriority: 'All',
    classification: 'Classification',
    anyClassification: 'All',
    order: 'Order',
    orders: { newest: 'Newest first', oldest: 'Oldest first' },
    topic: 'Topic',
    anyTopic: 'All topics',
    department: 'Department',
    anyDepartment: 'All',
    assigned: 'Assigned to',
    anyone: 'Anyone',
    me: 'My cases',
    nobody: 'Nobody',
    overdue: 'Overdue only',
    apply: 'Show',
    caption: 'Cases, newest first',
    reference: 'Case',
    received: 'Received',
    from: 'From',
    message: 'Message',
    answerBy: 'Answer by',
    assignee: 'Assigned to',
    none: 'No cases match.',
    more: 'Show more',
    shown: (count) => `${count} ${plural(count, 'case', 'cases')} shown.`,
    arrived: (count) =>
      count === 1 ? 'A new case has arrived.' : `${count} new cases have arrived.`,
    register: 'Register a call or visit',
    registerChannel: 'How they got in touch',
    registerDepartment: 'Department',
    registerTopic: 'Topic',
    registerNotes: 'What was it about, and what was said?',
    registerSubmit: 'Register',
  },
};
