import type { AgentRole, CasePriority, ClosingReason } from '@kontakt/core/agent';
import type {
  AnswerChannel,
  CaseChannel,
  Need,
  NoticeSeverity,
  StaffStatus,
} from '@kontakt/core/schemas';
import type { PeriodKind, PeriodProblem } from '../views/dashboard-period.js';

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
  nav: {
    label: string;
    inbox: string;
    notices: string;
    audit: string;
    chat: string;
    /** After the chat link's name: how many chats wait (read out; shown as a number). */
    chatWaiting: (count: number) => string;
    /** Announced while another view is shown. */
    chatArrived: (count: number) => string;
    chatOffered: string;
  };
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
    closingReasons: Record<ClosingReason, string>;
    priorities: Record<CasePriority, string>;
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
    priority: string;
    anyPriority: string;
    classification: string;
    anyClassification: string;
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
    late: string;
    /** Under a parked case's status: when it comes back by itself. */
    resumes: (date: string) => string;
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
    /** A call-back request's section, what to call, and "as soon as possible". */
    callback: string;
    callbackWhen: string;
    callbackAsap: string;
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
    /** The heading of a letter case's envelope: where the answer goes by post. */
    letterTo: string;
    /** The link beside a reply by letter, to its printable page. */
    printLetter: string;
    origin: string;
    department: string;
    page: string;
    widget: string;
    state: string;
    status: string;
    /** The time the case spent in each status: the table's caption and columns. */
    statusTimes: string;
    statusTime: string;
    statusPeriods: string;
    /** Under the status the case is in now: since when. */
    statusNow: (since: string) => string;
    /** A case from before the server recorded its statuses: from when the table counts. */
    statusTimesFrom: (since: string) => string;
    assignee: string;
    nobody: string;
    forwardedTo: string;
    /** Where a case marked as a duplicate points: `Dubblett av KC-…`. */
    duplicateOf: string;
    reason: string;
    noReason: string;
    avoidableOn: (page: string) => string;
    answerBy: string;
    timeline: string;
    mails: string;
    mailState: Record<string, string>;
    mailFailed: (error: string) => string;
    /** The button that sends a failed mail again, and its name with the mail's subject. */
    mailRetry: string;
    mailRetryLabel: (subject: string) => string;
    mailRetried: string;
    entry: {
      message_in: (channel: string) => string;
      reply: (via: string) => string;
      note: string;
      status: (status: string, visibility: string) => string;
      /** After a status entry that parked the case with a date. */
      resumesAt: (date: string) => string;
      /** The case came back by itself from being parked. */
      resumed: (status: string) => string;
      /** After a status entry that resolved or closed the case: how. */
      closedAs: (reason: string) => string;
      priority: (priority: string) => string;
      /** Classified at a path (its names), or the classification taken away; `escalated` after. */
      classified: (path: string) => string;
      unclassified: string;
      escalated: string;
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
    /** With "parked": when the case comes back by itself, and its hint. */
    resumeAt: string;
    resumeAtHint: string;
    /** With "resolved" or "closed": how it was resolved (for the statistics). */
    closingReason: string;
    closingReasonPick: string;
    visibility: string;
    statusSave: string;
    statusSet: (status: string) => string;
    forward: string;
    forwardTo: string;
    forwardReason: string;
    forwardSave: string;
    /** "Skicka vidare" asks for a last look first: the preview's button, heading and lines. */
    forwardPreview: string;
    forwardPreviewHeading: string;
    forwardStaff: string;
    forwardStaffSee: (department: string) => string;
    forwardCitizen: string;
    forwardCitizenSees: (department: string) => string;
    forwardReasonFor: string;
    forwardChange: string;
    forwarded: (department: string) => string;
    tagReason: string;
    reasonPick: string;
    reasonPage: string;
    reasonPageHint: string;
    reasonSave: string;
    reasonTagged: (reason: string) => string;
    priority: string;
    setPriority: string;
    prioritySave: string;
    prioritySet: (priority: string) => string;
    /** The case's classification in its department's tree: the state's line and the form. */
    classification: string;
    notClassified: string;
    classify: string;
    classifyCategory: string;
    classifyType: string;
    classifySubtype: string;
    classifyNone: string;
    classifyNoLevel: string;
    /** Under the form when the chosen path escalates: the label whose address gets the mail. */
    classifyEscalates: (label: string) => string;
    classifySave: string;
    classifiedAs: (path: string) => string;
    classificationRemoved: string;
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
  dashboard: {
    heading: string;
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
  };
  oidcSignIn: { link: string; or: string };
  /** The printable letter's view (its other words load with it: `views/letter-texts.ts`). */
  letter: { heading: (reference: string) => string };
}
