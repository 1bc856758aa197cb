import type { AgentRole } from '@kontakt/core/agent';
import type {
  AnswerChannel,
  CaseChannel,
  Need,
  NoticeSeverity,
  StaffStatus,
} from '@kontakt/core/schemas';

/** The languages of the console. */
export type ConsoleLocale = 'sv' | 'en';

/** Every text the console shows, per language; plurals and inserted values as functions. */
export interface ConsoleTexts {
  /** The language's own name, for the language switch (`Svenska`, `English`). */
  languageName: string;
  /** `Byt språk till svenska`: what the switch does, said in the language it switches to. */
  switchToThis: string;
  appName: string;
  skipToContent: string;
  loading: string;
  nav: { label: string; inbox: string; notices: string; audit: string };
  roles: Record<AgentRole, string>;
  signedInAs: (name: string, role: string) => string;
  signOut: string;
  signedOut: string;
  sessionExpired: string;
  signIn: {
    heading: string;
    username: string;
    password: string;
    submit: string;
    submitting: string;
    required: string;
    wrong: string;
    rateLimited: (minutes: number) => string;
    unreachable: string;
    failed: string;
  };
  notFound: { heading: string; text: string; back: string };
  forbidden: { heading: string; text: string };
  errors: { load: string; retry: string; forbidden: string; conflict: string; network: string };
  notices: {
    heading: string;
    none: string;
    current: string;
    publish: string;
    change: string;
    save: string;
    cancel: string;
    withdraw: string;
    withdrawn: string;
    published: (title: string) => string;
    changed: (title: string) => string;
    withdrawnNotice: (title: string) => string;
    severity: string;
    severities: Record<NoticeSeverity, string>;
    departments: string;
    allDepartments: string;
    departmentsHint: string;
    title: (language: string) => string;
    text: (language: string) => string;
    languages: Record<'sv' | 'en' | 'fi' | 'ar', string>;
    startsAt: string;
    endsAt: string;
    endsHint: string;
    until: string;
    fixErrors: (count: number) => string;
    fieldError: (code: string) => string;
  };
  vocabulary: {
    statuses: Record<StaffStatus, string>;
    channels: Record<CaseChannel, string>;
    needs: Record<Need, string>;
    answerChannels: Record<AnswerChannel, string>;
    replyChannels: Record<'email' | 'phone' | 'letter', string>;
  };
  inbox: {
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
    late: string;
    none: string;
    more: string;
    shown: (count: number) => string;
    arrived: (count: number) => string;
    register: string;
    registerChannel: string;
    registerDepartment: string;
    registerTopic: string;
    registerNotes: string;
    registerName: string;
    registerPhone: string;
    registerSubmit: string;
  };
  caseView: {
    heading: (reference: string) => string;
    message: string;
    needs: string;
    noNeeds: string;
    interpreterIn: (language: string) => string;
    contact: string;
    name: string;
    email: string;
    phone: string;
    answerChannel: string;
    answerLanguage: string;
    origin: string;
    department: string;
    page: string;
    widget: string;
    state: string;
    status: string;
    assignee: string;
    nobody: string;
    forwardedTo: string;
    reason: string;
    noReason: string;
    avoidableOn: (page: string) => string;
    answerBy: string;
    timeline: string;
    mails: string;
    mailState: Record<string, string>;
    mailFailed: (error: string) => string;
    entry: {
      message_in: (channel: string) => string;
      reply: (via: string) => string;
      note: string;
      status: (status: string, visibility: string) => string;
      forward: (department: string) => string;
      assign: (who: string) => string;
      reason: (reason: string) => string;
    };
    by: (name: string) => string;
    public: string;
    internal: string;
    actions: string;
    take: string;
    taken: string;
    reply: string;
    replyVia: string;
    replyText: string;
    replySend: string;
    replied: string;
    note: string;
    noteText: string;
    noteSave: string;
    noted: string;
    setStatus: string;
    statusNote: string;
    visibility: string;
    statusSave: string;
    statusSet: (status: string) => string;
    forward: string;
    forwardTo: string;
    forwardReason: string;
    forwardSave: string;
    forwarded: (department: string) => string;
    tagReason: string;
    reasonPick: string;
    reasonPage: string;
    reasonPageHint: string;
    reasonSave: string;
    reasonTagged: (reason: string) => string;
    avoidable: string;
    notFound: string;
    changed: string;
  };
  audit: {
    heading: string;
    filters: string;
    agent: string;
    caseReference: string;
    from: string;
    to: string;
    apply: string;
    when: string;
    who: string;
    what: string;
    which: string;
    detail: string;
    none: string;
    more: string;
    shown: (count: number) => string;
  };
}
