import type { AgentRole, CasePriority, ClosingReason } from '@kontakt/core/agent';
import type { AnswerChannel, CaseChannel, Need, StaffStatus } from '@kontakt/core/schemas';

/** The languages of the console. */
export type ConsoleLocale = 'sv' | 'en';

/**
 * The console's shared texts, per language; plurals and inserted values as functions. They are
 * in the sign-in page's load: a view's own words come with its chunk instead (the inbox's, the
 * case view's, the dashboard's, the notices', the letter's, the fault section's), and only what
 * other places show too stays in their section here.
 */
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
  /** The notices' heading and the field errors every form shows; the rest are the view's (`views/notices-texts.ts`). */
  notices: {
    heading: string;
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
  /** The inbox's words the case view and the register form show too; the rest are the view's (`views/inbox-texts.ts`). */
  inbox: {
    late: string;
    /** Under a parked case's status: when it comes back by itself. */
    resumes: (date: string) => string;
    registerName: string;
    registerPhone: string;
  };
  /** A case's words other places show too; the rest are the view's (`views/case-texts.ts`). */
  caseView: {
    heading: (reference: string) => string;
    contact: string;
    /** The heading of a letter case's envelope: where the answer goes by post. */
    letterTo: string;
    notFound: string;
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
  /** The dashboard's heading, for the navigation; the rest are the view's (`views/dashboard-texts.ts`). */
  dashboard: {
    heading: string;
  };
  oidcSignIn: { link: string; or: string };
  /** The printable letter's view (its other words load with it: `views/letter-texts.ts`). */
  letter: { heading: (reference: string) => string };
}
