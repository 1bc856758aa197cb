import type { AgentRole } from '@kontakt/core/agent';
import type { NoticeSeverity } from '@kontakt/core/schemas';

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
