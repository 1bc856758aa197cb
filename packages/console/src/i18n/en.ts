import { plural } from './plural.js';
import type { ConsoleTexts } from './texts.js';

/** English. */
export const en: ConsoleTexts = {
  languageName: 'English',
  switchToThis: 'Switch language to English',
  appName: 'Contact center',
  skipToContent: 'Skip to content',
  loading: 'Loading …',
  nav: {
    label: 'Main menu',
    inbox: 'Inbox',
    notices: 'Service notices',
    audit: 'Audit log',
    chat: 'Chat',
    chatWaiting: (count) => `${count} waiting`,
    chatArrived: (count) =>
      count === 1
        ? 'A new chat is waiting in the queue.'
        : `${count} new chats are waiting in the queue.`,
    chatOffered: 'A chat is offered to you. Open Chat to take it.',
  },
  roles: { agent: 'agent', specialist: 'specialist', admin: 'administrator' },
  signedInAs: (name, role) => `Signed in as ${name} (${role})`,
  signOut: 'Sign out',
  signedOut: 'You are signed out.',
  sessionExpired: 'You were signed out because your session expired. Sign in again to go on.',
  signIn: {
    heading: 'Sign in',
    username: 'User name or e-mail address',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in …',
    required: 'Fill in this field.',
    wrong: 'Wrong user name or password. Check them and try again.',
    rateLimited: (minutes) =>
      `Too many failed attempts. Wait ${minutes} ${plural(minutes, 'minute', 'minutes')}, then try again.`,
    unreachable: 'The server does not answer. Check the network and try again.',
    failed: 'Signing in failed. Try again in a while.',
  },
  notFound: {
    heading: 'Page not found',
    text: 'There is no page at this address.',
    back: 'Go to the inbox',
  },
  forbidden: {
    heading: 'Not allowed',
    text: 'Your role does not give access to this page.',
  },
  errors: {
    load: 'The information could not be loaded.',
    retry: 'Try again',
    forbidden: 'Your role does not give access to this.',
    conflict: 'Someone else changed this in the meantime. It has been loaded again.',
    network: 'The server does not answer. Check the network and try again.',
  },
  notices: {
    heading: 'Service notices',
    fieldError: (code) =>
      ({
        required: 'Fill in this field.',
        too_long: 'The text is too long.',
        end_before_start: 'The end must come after the start.',
        in_the_past: 'Choose a time that has not passed.',
        too_far_ahead: 'Choose a time within a year.',
        only_when_paused:
          'Only a parked case, or one waiting for the citizen, can come back by itself.',
        only_when_finished: 'Only a resolved or closed case has a closing reason.',
        unknown_department: 'There is no department with that id.',
        unknown_label: "Choose a classification the case's department has.",
        invalid_option: 'Invalid value.',
      })[code] ?? 'Check the value.',
  },
  vocabulary: {
    statuses: {
      received: 'Received',
      assigned: 'Assigned',
      in_progress: 'In progress',
      parked: 'Parked',
      waiting_for_citizen: 'Waiting for the citizen',
      forwarded: 'Forwarded',
      resolved: 'Resolved',
      closed: 'Closed',
      duplicate: 'Duplicate',
    },
    channels: {
      web_form: 'Web form',
      fault_report: 'Fault report',
      chat: 'Chat',
      email: 'E-mail',
      phone: 'Phone',
      visit: 'Visit',
    },
    needs: { interpreter: 'Interpreter', sign_language: 'Sign language', easy_read: 'Easy read' },
    answerChannels: { email: 'E-mail', phone: 'Phone', visit: 'Visit', letter: 'Letter' },
    replyChannels: {
      email: 'E-mail to the citizen',
      phone: 'Call (a note)',
      letter: 'Letter (a note)',
    },
    closingReasons: {
      resolved_by_contact_center: 'Resolved by the contact center',
      call_transferred: 'Call transferred',
      referred_to_self_service: 'Referred to self-service',
      forwarded_to_department: 'Forwarded to a department',
    },
    priorities: { high: 'High', medium: 'Medium', low: 'Low' },
  },
  inbox: {
    late: 'Overdue',
    resumes: (date) => `Back on ${date}`,
    registerName: 'Name (optional)',
    registerPhone: 'Phone (optional)',
  },
  caseView: {
    heading: (reference) => `Case ${reference}`,
    contact: 'Contact details',
    letterTo: 'Send the answer by letter to',
    notFound: 'The case does not exist, or you have no access to it.',
  },
  audit: {
    heading: 'Audit log',
    filters: 'Filter',
    agent: 'Agent (id)',
    caseReference: 'Case',
    from: 'From',
    to: 'To',
    apply: 'Show',
    when: 'When',
    who: 'Who',
    what: 'What',
    which: 'Case',
    detail: 'Details',
    none: 'No entries.',
    more: 'Show more',
    shown: (count) => `${count} ${plural(count, 'entry', 'entries')} shown.`,
  },
  dashboard: {
    heading: 'Dashboard',
  },
  oidcSignIn: { link: "Sign in with the municipality's login", or: 'or with a password' },
  letter: {
    heading: (reference) => `Letter in case ${reference}`,
  },
};
