import type { ConsoleLocale } from '../i18n/texts.js';

/*
 * The case view's own words, in a module of their own: they come with the view's chunk, so the
 * sign-in page and the other views do not carry them. The few a case's other places share (its
 * heading, "not found", the contact and letter headings) stay in `ConsoleTexts.caseView`.
 */

/** The case view's words in one language. */
export interface CaseTexts {
  /** A call-back request's section, what to call, and "as soon as possible". */
  callback: string;
  callbackWhen: string;
  callbackAsap: string;
  message: string;
  needs: string;
  noNeeds: string;
  interpreterIn: (language: string) => string;
  name: string;
  email: string;
  phone: string;
  answerChannel: string;
  answerLanguage: string;
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
  /** Said under the answer when the person asked for one in easy-read Swedish. */
  replyEasyRead: string;
  replySend: string;
  replied: string;
  note: string;
  noteText: string;
  noteSave: string;
  noted: string;
  setStatus: string;
  statusNote: string;
  /** The language a public comment is written in (the citizen's widgets mark it with it). */
  statusNoteLanguage: string;
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
  changed: string;
}

/** The case view's words in every language the console speaks. */
export const CASE_TEXTS: Record<ConsoleLocale, CaseTexts> = {
  sv: {
    callback: 'Uppringning',
    callbackWhen: 'Ring upp',
    callbackAsap: 'Så snart som möjligt',
    message: 'Meddelande',
    needs: 'Behov',
    noNeeds: 'Inga särskilda behov angivna.',
    interpreterIn: (language) => `Tolk på ${language}`,
    name: 'Namn',
    email: 'E-post',
    phone: 'Telefon',
    answerChannel: 'Vill ha svar via',
    answerLanguage: 'Svarsspråk',
    printLetter: 'Skriv ut brevet',
    origin: 'Ursprung',
    department: 'Förvaltning',
    page: 'Sida',
    widget: 'Komponent',
    state: 'Läge',
    status: 'Status',
    statusTimes: 'Tid per status',
    statusTime: 'Tid',
    statusPeriods: 'Gånger',
    statusNow: (since) => `nu, sedan ${since}`,
    statusTimesFrom: (since) => `Räknat från ${since}, då tiden började registreras.`,
    assignee: 'Handläggare',
    nobody: 'Ingen',
    forwardedTo: 'Skickat vidare till',
    duplicateOf: 'Dubblett av',
    reason: 'Kontaktorsak',
    noReason: 'Inte angiven',
    avoidableOn: (page) => `onödig efterfrågan från ${page}`,
    answerBy: 'Svar senast',
    timeline: 'Händelser',
    mails: 'Skickad e-post',
    mailState: { queued: 'I kö', sending: 'Skickas', sent: 'Skickat', failed: 'Misslyckades' },
    mailFailed: (error) => `Kunde inte skickas: ${error}`,
    mailRetry: 'Skicka igen',
    mailRetryLabel: (subject) => `Skicka igen: ${subject}`,
    mailRetried: 'E-postmeddelandet skickas igen.',
    entry: {
      message_in: (channel) => `Meddelande inkom (${channel})`,
      reply: (via) => `Svar: ${via}`,
      note: 'Intern anteckning',
      status: (status, visibility) => `Status: ${status} (${visibility})`,
      resumesAt: (date) => `, återupptas ${date}`,
      resumed: (status) => `Kom tillbaka av sig självt: status ${status}`,
      closedAs: (reason) => `, avslutsorsak ${reason}`,
      priority: (priority) => `Prioritet: ${priority}`,
      classified: (path) => `Klassat: ${path}`,
      unclassified: 'Klassningen togs bort',
      escalated: ', eskalerat med e-post',
      forward: (department) => `Skickat vidare till ${department}`,
      assign: (who) => `Tilldelat ${who}`,
      reason: (reason) => `Kontaktorsak: ${reason}`,
    },
    by: (name) => `av ${name}`,
    public: 'visas för invånaren',
    internal: 'intern',
    actions: 'Åtgärder',
    take: 'Ta ärendet',
    taken: 'Du har tagit ärendet.',
    reply: 'Svara',
    replyVia: 'Svara via',
    replyText: 'Svar',
    replyEasyRead:
      'Personen har bett om svar på lättläst svenska: korta meningar med en sak i varje, vanliga ord, tilltala med du, säg vad personen ska göra.',
    replySend: 'Skicka svaret',
    replied: 'Svaret är registrerat.',
    note: 'Intern anteckning',
    noteText: 'Anteckning (syns bara för personal)',
    noteSave: 'Spara anteckningen',
    noted: 'Anteckningen är sparad.',
    setStatus: 'Ändra status',
    statusNote: 'Kommentar (frivillig)',
    statusNoteLanguage: 'Kommentaren är skriven på',
    resumeAt: 'Återuppta (frivilligt)',
    resumeAtHint:
      'När ärendet ska komma tillbaka av sig självt som Pågående, om inget har hänt innan dess. Inom ett år.',
    closingReason: 'Avslutsorsak',
    closingReasonPick: 'Välj hur ärendet löstes (frivilligt)',
    visibility: 'Vem ser kommentaren?',
    statusSave: 'Spara status',
    statusSet: (status) => `Status är nu ${status}.`,
    forward: 'Skicka vidare',
    forwardTo: 'Till förvaltning',
    forwardReason: 'Varför?',
    forwardSave: 'Skicka vidare',
    forwardPreview: 'Förhandsgranska',
    forwardPreviewHeading: 'Så här skickas ärendet vidare',
    forwardStaff: 'Förvaltningen',
    forwardStaffSee: (department) =>
      `Handläggarna på ${department} ser hela ärendet i sin inkorg: meddelandet, kontaktuppgifterna, behoven och bilderna.`,
    forwardCitizen: 'Invånaren',
    forwardCitizenSees: (department) =>
      `Ser att ärendet är skickat vidare till ${department}, men inte varför.`,
    forwardReasonFor: 'Varför (bara för förvaltningen)',
    forwardChange: 'Ändra',
    forwarded: (department) => `Ärendet är skickat vidare till ${department}.`,
    tagReason: 'Kontaktorsak',
    reasonPick: 'Orsak',
    reasonPage: 'Sidan som orsakade kontakten',
    reasonPageHint: 'För onödig efterfrågan: adressen till sidan som var otydlig.',
    reasonSave: 'Spara orsaken',
    reasonTagged: (reason) => `Kontaktorsaken är satt: ${reason}.`,
    priority: 'Prioritet',
    setPriority: 'Ändra prioritet',
    prioritySave: 'Spara prioriteten',
    prioritySet: (priority) => `Prioriteten är nu ${priority}.`,
    classification: 'Klassning',
    notClassified: 'Inte klassat',
    classify: 'Klassa ärendet',
    classifyCategory: 'Kategori',
    classifyType: 'Typ (frivillig)',
    classifySubtype: 'Undertyp (frivillig)',
    classifyNone: 'Ingen klassning',
    classifyNoLevel: 'Ingen',
    classifyEscalates: (label) =>
      `Klassat så skickas ärendet med e-post till den adress som gäller för ${label}.`,
    classifySave: 'Spara klassningen',
    classifiedAs: (path) => `Ärendet är klassat: ${path}.`,
    classificationRemoved: 'Klassningen är borttagen.',
    avoidable: 'onödig efterfrågan',
    changed:
      'Ärendet har ändrats av någon annan. Det senaste visas nu; gör om åtgärden om den behövs.',
  },
  en: {
    callback: 'Call-back',
    callbackWhen: 'Call',
    callbackAsap: 'As soon as possible',
    message: 'Message',
    needs: 'Needs',
    noNeeds: 'No particular needs given.',
    interpreterIn: (language) => `Interpreter in ${language}`,
    name: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    answerChannel: 'Wants the answer by',
    answerLanguage: 'Answer language',
    printLetter: 'Print the letter',
    origin: 'Origin',
    department: 'Department',
    page: 'Page',
    widget: 'Component',
    state: 'State',
    status: 'Status',
    statusTimes: 'Time in each status',
    statusTime: 'Time',
    statusPeriods: 'Times',
    statusNow: (since) => `now, since ${since}`,
    statusTimesFrom: (since) => `Counted from ${since}, when the times began to be recorded.`,
    assignee: 'Assigned to',
    nobody: 'Nobody',
    forwardedTo: 'Forwarded to',
    duplicateOf: 'Duplicate of',
    reason: 'Reason for contact',
    noReason: 'Not given',
    avoidableOn: (page) => `avoidable demand from ${page}`,
    answerBy: 'Answer by',
    timeline: 'Timeline',
    mails: 'E-mail sent',
    mailState: { queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed' },
    mailFailed: (error) => `Could not be sent: ${error}`,
    mailRetry: 'Send again',
    mailRetryLabel: (subject) => `Send again: ${subject}`,
    mailRetried: 'The e-mail is being sent again.',
    entry: {
      message_in: (channel) => `Message received (${channel})`,
      reply: (via) => `Answer: ${via}`,
      note: 'Internal note',
      status: (status, visibility) => `Status: ${status} (${visibility})`,
      resumesAt: (date) => `, back on ${date}`,
      resumed: (status) => `Came back by itself: status ${status}`,
      closedAs: (reason) => `, closed as ${reason}`,
      priority: (priority) => `Priority: ${priority}`,
      classified: (path) => `Classified: ${path}`,
      unclassified: 'The classification was removed',
      escalated: ', escalated by e-mail',
      forward: (department) => `Forwarded to ${department}`,
      assign: (who) => `Assigned to ${who}`,
      reason: (reason) => `Reason for contact: ${reason}`,
    },
    by: (name) => `by ${name}`,
    public: 'shown to the citizen',
    internal: 'internal',
    actions: 'Actions',
    take: 'Take the case',
    taken: 'You have taken the case.',
    reply: 'Answer',
    replyVia: 'Answer by',
    replyText: 'Answer',
    replyEasyRead:
      'The person asked for an answer in easy-read Swedish: short sentences with one thing in each, everyday words, address them as du, say what they are to do.',
    replySend: 'Send the answer',
    replied: 'The answer is recorded.',
    note: 'Internal note',
    noteText: 'Note (staff only)',
    noteSave: 'Save the note',
    noted: 'The note is saved.',
    setStatus: 'Change status',
    statusNote: 'Comment (optional)',
    statusNoteLanguage: 'The comment is written in',
    resumeAt: 'Bring back (optional)',
    resumeAtHint:
      'When the case comes back by itself as In progress, unless something happens first. Within a year.',
    closingReason: 'How it was resolved',
    closingReasonPick: 'Choose how the case was resolved (optional)',
    visibility: 'Who sees the comment?',
    statusSave: 'Save the status',
    statusSet: (status) => `The status is now ${status}.`,
    forward: 'Forward',
    forwardTo: 'To department',
    forwardReason: 'Why?',
    forwardSave: 'Forward',
    forwardPreview: 'Preview',
    forwardPreviewHeading: 'This is how the case is forwarded',
    forwardStaff: 'The department',
    forwardStaffSee: (department) =>
      `The staff of ${department} see the whole case in their inbox: the message, the contact details, the needs and the photos.`,
    forwardCitizen: 'The citizen',
    forwardCitizenSees: (department) =>
      `Sees that the case was forwarded to ${department}, but not why.`,
    forwardReasonFor: 'Why (for the department only)',
    forwardChange: 'Change',
    forwarded: (department) => `The case is forwarded to ${department}.`,
    tagReason: 'Reason for contact',
    reasonPick: 'Reason',
    reasonPage: 'The page that caused the contact',
    reasonPageHint: 'For avoidable demand: the address of the page that was unclear.',
    reasonSave: 'Save the reason',
    reasonTagged: (reason) => `The reason for contact is set: ${reason}.`,
    priority: 'Priority',
    setPriority: 'Change the priority',
    prioritySave: 'Save the priority',
    prioritySet: (priority) => `The priority is now ${priority}.`,
    classification: 'Classification',
    notClassified: 'Not classified',
    classify: 'Classify the case',
    classifyCategory: 'Category',
    classifyType: 'Type (optional)',
    classifySubtype: 'Subtype (optional)',
    classifyNone: 'No classification',
    classifyNoLevel: 'None',
    classifyEscalates: (label) =>
      `Classified so, the case is e-mailed to the address set for ${label}.`,
    classifySave: 'Save the classification',
    classifiedAs: (path) => `The case is classified: ${path}.`,
    classificationRemoved: 'The classification is removed.',
    avoidable: 'avoidable demand',
    changed:
      'Someone else changed the case. The latest is shown now; do the action again if needed.',
  },
};
