import type {
  Agent,
  AgentCase,
  AgentClient,
  AgentTimelineEntry,
  CaseActionOptions,
  CasePriority,
  ClassLabel,
  ClosingReason,
  ContactReason,
  ForwardInput,
  InboxChangeEvent,
  InboxWatch,
  ReplyChannel,
} from '@kontakt/core/agent';
import {
  CASE_PRIORITIES,
  CLOSING_REASONS,
  ForwardInputSchema,
  isPaused,
  REPLY_CHANNELS,
} from '@kontakt/core/agent';
import type { EventStreamErrorEvent } from '@kontakt/core/events';
import type { Department, Locale, StaffStatus } from '@kontakt/core/schemas';
import {
  LOCALES,
  normalizeCaseReference,
  STAFF_STATUSES,
  toFieldErrors,
} from '@kontakt/core/schemas';
import type { PropertyValues, TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import type { Classification } from '../classification.js';
import { classificationOf, escalatingLabel, labelsUnder, pathName } from '../classification.js';
import { departmentName, departmentsOf, nameIn, topicName } from '../departments.js';
import type { KcPickDuplicateEvent } from '../fault/duplicate-suggestions.js';
import { FAULT_TEXTS } from '../fault/texts.js';
import { ConsoleElement } from '../internal/console-element.js';
import { caseProblem, errorCode, isAbort, reportSessionEnd } from '../internal/errors.js';
import { KcAnnounceEvent } from '../internal/events.js';
import { languageName } from '../internal/language-name.js';
import { photoList, photoListStyles } from '../photos/photo-list.js';
import { routePath } from '../router.js';
import { mailtoLink, safeLink } from '../safe-link.js';
import { base, tokens } from '../styles/tokens.js';
import type { CaseTexts } from './case-texts.js';
import { CASE_TEXTS } from './case-texts.js';
import { fromLocalInput, toLocalInput } from './datetime.js';
import { formatDuration } from './duration.js';
import { scrollingTable } from './scrolling-table.js';
import { statusTimes } from './status-times.js';
import { choiceStyles, viewStyles } from './view.styles.js';

type Action =
  | 'reply'
  | 'note'
  | 'status'
  | 'priority'
  | 'classify'
  | 'forward'
  | 'reason'
  | 'duplicate';

/** A field's `aria-describedby`: its hint when it has one, then what `fieldState` gives. */
const hintedBy = (id: string, hint: string | undefined, describedby: string | undefined) =>
  [hint ? `${id}-hint` : '', describedby ?? ''].filter(Boolean).join(' ') || nothing;

/** How the reply most likely goes: as the citizen asked for a letter, else by e-mail if they can. */
const replyChannelOf = ({ message }: AgentCase): ReplyChannel =>
  message.answerChannel === 'letter' ? 'letter' : message.email ? 'email' : 'phone';

/** The statuses that finish a case and say how (`closingReason`). */
const closes = (status: StaffStatus): boolean => status === 'resolved' || status === 'closed';

/** The language a comment to the citizen is likely written in: the answer language they asked for. */
const noteLanguageOf = (data: AgentCase): Locale => {
  const asked = data.message?.answerLanguage;
  return (LOCALES as readonly string[]).includes(asked ?? '') ? (asked as Locale) : 'sv';
};

let faultSection: Promise<void> | undefined;
/** Defines `<kc-fault-section>` from its chunk, once; a chunk that failed is asked for again. */
function loadFaultSection(): Promise<void> {
  faultSection ??= import('../fault/define.js').then(
    ({ defineFaultElements }) => defineFaultElements(),
    () => {
      faultSection = undefined;
    },
  );
  return faultSection;
}

let chatTranscript: Promise<void> | undefined;
/** Defines `<kc-chat-transcript>` from its chunk, once; a chunk that failed is asked for again. */
function loadChatTranscript(): Promise<void> {
  chatTranscript ??= import('../chat/transcript.js').then(
    ({ KcChatTranscript }) => KcChatTranscript.define('kc-chat-transcript'),
    () => {
      chatTranscript = undefined;
    },
  );
  return chatTranscript;
}

/**
 * One case: what the citizen wrote (as text, never markup) and the photos sent with it, their
 * needs and contact details, where it came from, its state, its time in each status, the
 * timeline and its mail, and what staff do with it: take it, answer, note, set the status and the
 * priority, classify it, forward it (after a preview), mark it a duplicate, tag the reason for
 * contact.
 * Every action sends the version seen; when someone else changed the case first, the latest is
 * shown instead.
 *
 * @summary The case view.
 */
export class KcCaseView extends ConsoleElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    choiceStyles,
    photoListStyles,
    css`
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: var(--_space-l);
      }
      section {
        margin-block-end: var(--_space-l);
      }
      h2 {
        font-size: 1.25rem;
        margin-block: var(--_space-m) var(--_space-s);
      }
      .message,
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        unicode-bidi: plaintext;
      }
      .message {
        padding: var(--_space-m);
        border-inline-start: 4px solid var(--_color-primary);
        background: var(--_color-surface-raised);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem var(--_space-m);
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
        unicode-bidi: isolate;
      }
      .envelope {
        font-style: normal;
        inline-size: fit-content;
        max-inline-size: 100%;
        padding: var(--_space-m);
        border: 1px solid var(--_color-border);
        overflow-wrap: anywhere;
      }
      .envelope div {
        unicode-bidi: isolate;
      }
      .mails li {
        overflow-wrap: anywhere;
      }
      .escalates {
        margin-block-end: var(--_space-s);
      }
      .actions {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: 0 var(--_space-l);
        align-items: start;
      }
      .actions > h2,
      .actions > p {
        grid-column: 1 / -1;
      }
      .preview {
        margin-block: var(--_space-m);
        padding: var(--_space-m);
        border: 1px solid var(--_color-border);
        border-inline-start: 4px solid var(--_color-primary);
      }
      .preview h4 {
        margin-block: 0 var(--_space-s);
        font-size: 1rem;
      }
      .preview dl {
        display: block;
        margin-block-end: var(--_space-m);
      }
      .preview dd {
        margin-block-end: var(--_space-s);
      }
      ol.timeline {
        padding-inline-start: 1.25rem;
      }
      ol.timeline li {
        margin-block-end: var(--_space-s);
      }
      .failed {
        color: var(--_color-danger);
        font-weight: 600;
      }
      form {
        margin-block-end: var(--_space-l);
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    agent: { attribute: false },
    reference: { type: String },
    base: { type: String },
    data: { state: true },
    problem: { state: true },
    reasons: { state: true },
    errors: { state: true },
    busy: { state: true },
    departments: { state: true },
    confirmDuplicate: { state: true },
    forwardPreview: { state: true },
    statusChoice: { state: true },
    classification: { state: true },
    classifyChoice: { state: true },
  };

  client: AgentClient | undefined;
  /** Who is signed in: a case already theirs offers no "take". */
  agent: Agent | undefined;
  reference = '';
  /** The console's base path (`/console`), for links to a case's letters. */
  base = '';
  protected data: AgentCase | undefined;
  /** Why the case is not shown: `not-found`, or anything else that failed. */
  protected problem: 'not-found' | 'failed' | undefined;
  protected reasons: ContactReason[] = [];
  /** The status picked in the status form, until it is saved (parked asks when it comes back). */
  protected statusChoice: StaffStatus | undefined;
  /** Field errors of the last action, by `action.field`; `action.form` for the whole form. */
  protected errors: Map<string, string> = new Map();
  protected busy: Action | 'take' | 'retry' | undefined;
  /** The server's departments, for names and to forward to. */
  protected departments: Department[] = [];
  /** The reference chosen in "Markera som dubblett", asked to be confirmed before it is sent. */
  protected confirmDuplicate: string | undefined;
  /** Each department's classification labels (none configured: no classification offered). */
  protected classification: Classification = new Map();
  /** The path picked in "Klassa ärendet", level by level, until it is saved. */
  protected classifyChoice: string[] | undefined;
  /** The department and reason chosen in "Skicka vidare", shown for a last look before sending. */
  protected forwardPreview: ForwardInput | undefined;
  private loading: AbortController | undefined;
  private watch: InboxWatch | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loading?.abort();
    this.watch?.close();
    this.watch = undefined;
  }

  /** Loads once the client is there (a view rendered before its chunk arrived gets it at its first update). */
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('reference')) {
      // Another case: nothing of the one before may show under its heading while it loads.
      this.data = undefined;
      this.problem = undefined;
      this.errors = new Map();
      this.confirmDuplicate = undefined;
      this.forwardPreview = undefined;
      this.statusChoice = undefined;
      this.classifyChoice = undefined;
    }
    if (changed.has('reference') || changed.has('client')) void this.load();
    if (changed.has('client')) {
      this.follow();
      void this.loadReasons();
      void this.loadDepartments();
      void this.loadClassification();
    }
  }

  private async load(): Promise<void> {
    if (!this.client || !this.reference) return;
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    try {
      const loaded = await this.client.cases.get(this.reference, { signal: loading.signal });
      // A read that left before this person's own action can come back after its answer: the
      // case it carries is older than the one shown, and would undo the action on screen.
      const shown = this.data;
      if (shown?.reference === loaded.reference && loaded.version < shown.version) return;
      this.data = loaded;
      this.problem = undefined;
    } catch (error) {
      if (isAbort(error) || reportSessionEnd(this, error)) return;
      this.problem = caseProblem(error);
    }
  }

  private async loadReasons(): Promise<void> {
    try {
      this.reasons = (await this.client?.cases.reasons()) ?? [];
    } catch (error) {
      reportSessionEnd(this, error);
    }
  }

  private async loadDepartments(): Promise<void> {
    if (!this.client) return;
    try {
      this.departments = await departmentsOf(this.client);
    } catch (error) {
      reportSessionEnd(this, error);
    }
  }

  private async loadClassification(): Promise<void> {
    if (!this.client) return;
    try {
      this.classification = await classificationOf(this.client);
    } catch (error) {
      // Without the labels no classification is offered; the case itself shows its ids.
      reportSessionEnd(this, error);
    }
  }

  /** The case view's own words (a chunk with the view: `CASE_TEXTS`). */
  private get ct(): CaseTexts {
    return CASE_TEXTS[this.l10n.locale];
  }

  /** The classification labels of the case's department. */
  private get labels(): readonly ClassLabel[] {
    return this.classification.get(this.data?.department ?? '') ?? [];
  }

  /** A classification path by its labels' names in the case's department. */
  private pathName(path: readonly string[]): string {
    return pathName(this.labels, path, this.l10n.locale);
  }

  private department(id: string): string {
    return departmentName(this.departments, this.l10n.locale, id);
  }

  /** Changes by others (a mail sent, a colleague's note) show up without a reload. */
  private follow(): void {
    this.watch?.close();
    if (!this.client) return;
    this.watch = this.client.cases.watch();
    this.watch.addEventListener('error', (event) => {
      const { error, willRetry } = event as EventStreamErrorEvent;
      if (!willRetry) reportSessionEnd(this, error);
    });
    this.watch.addEventListener('change', (event) => {
      const { reference } = (event as InboxChangeEvent).change;
      if (reference === this.reference && !this.busy) void this.load();
    });
  }

  private announce(message: string): void {
    this.dispatchEvent(new KcAnnounceEvent(message));
  }

  private get options(): CaseActionOptions {
    return { version: this.data?.version };
  }

  /** Runs one action on the case; its answer is the case as it is now. */
  private async act(
    action: Action | 'take' | 'retry',
    run: (client: AgentClient) => Promise<AgentCase>,
    done: (updated: AgentCase) => string,
    form?: HTMLFormElement,
  ): Promise<void> {
    if (!this.client || this.busy) return;
    this.busy = action;
    this.errors = new Map();
    try {
      this.data = await run(this.client);
      form?.reset();
      this.announce(done(this.data));
    } catch (error) {
      if (reportSessionEnd(this, error)) return;
      const code = errorCode(error);
      if (code === 'version_conflict' || code === 'case_already_assigned') {
        await this.load();
        this.announce(this.ct.changed);
        return;
      }
      const fields = (error as { fieldErrors?: { field: string; code: string }[] }).fieldErrors;
      this.errors = new Map(
        fields?.length
          ? fields.map((field) => [`${action}.${field.field}`, field.code])
          : [[`${action}.form`, code]],
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } finally {
      this.busy = undefined;
    }
  }

  private submit(action: Exclude<Action, 'duplicate' | 'forward'>) {
    return (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const data = new FormData(form);
      const value = (name: string) => String(data.get(name) ?? '').trim();
      const reference = this.reference;
      const t = this.ct;
      const v = this.l10n.t.vocabulary;
      switch (action) {
        case 'reply':
          return this.act(
            action,
            (client) =>
              client.cases.reply(
                reference,
                { via: value('via') as ReplyChannel, text: value('text') },
                this.options,
              ),
            () => t.replied,
            form,
          );
        case 'note':
          return this.act(
            action,
            (client) => client.cases.note(reference, value('text'), this.options),
            () => t.noted,
            form,
          );
        case 'status': {
          const status = value('status') as StaffStatus;
          const resumeAt = isPaused(status) ? fromLocalInput(value('resumeAt')) : undefined;
          const closingReason = closes(status)
            ? (value('closingReason') as ClosingReason | '')
            : '';
          return this.act(
            action,
            (client) =>
              client.cases.setStatus(
                reference,
                {
                  status,
                  visibility: value('visibility') === 'public' ? 'public' : 'internal',
                  ...(value('note') ? { note: value('note') } : {}),
                  ...(value('note') && value('visibility') === 'public'
                    ? { noteLanguage: value('noteLanguage') as Locale }
                    : {}),
                  ...(resumeAt ? { resumeAt } : {}),
                  ...(closingReason ? { closingReason } : {}),
                },
                this.options,
              ),
            () => {
              this.statusChoice = undefined;
              return t.statusSet(v.statuses[status]);
            },
            form,
          );
        }
        case 'reason':
          return this.act(
            action,
            (client) =>
              client.cases.tagReason(
                reference,
                { reason: value('reason'), ...(value('page') ? { page: value('page') } : {}) },
                this.options,
              ),
            () => t.reasonTagged(this.reasonName(value('reason'))),
            form,
          );
        case 'classify': {
          // The levels chosen, down to the first left empty.
          const levels = [value('path'), value('type'), value('subtype')];
          const empty = levels.indexOf('');
          const path = empty === -1 ? levels : levels.slice(0, empty);
          return this.act(
            action,
            (client) => client.cases.classify(reference, path.length ? path : null, this.options),
            () => {
              this.classifyChoice = undefined;
              return path.length ? t.classifiedAs(this.pathName(path)) : t.classificationRemoved;
            },
            form,
          );
        }
        case 'priority': {
          const priority = value('priority') as CasePriority;
          return this.act(
            action,
            (client) => client.cases.setPriority(reference, priority, this.options),
            () => t.prioritySet(v.priorities[priority]),
            form,
          );
        }
      }
    };
  }

  private reasonName(id: string): string {
    const reason = this.reasons.find((each) => each.id === id);
    return (this.l10n.locale === 'en' ? reason?.name.en : undefined) ?? reason?.name.sv ?? id;
  }

  protected override render(): TemplateResult {
    const t = this.l10n.t;
    if (this.problem === 'not-found')
      return html`<p role="alert">${this.l10n.t.caseView.notFound}</p>`;
    if (this.problem === 'failed') {
      return html`<p role="alert">${t.errors.load}</p>
        <button type="button" @click=${() => this.load()}>${t.errors.retry}</button>`;
    }
    const data = this.data;
    if (!data) return html`<p>${t.loading}</p>`;
    return html`
      <div class="columns">
        <div>
          ${this.renderMessage(data)} ${this.renderCallback(data)} ${this.renderFault(data)}
          ${this.renderChat(data)}
          ${this.renderNeeds(data)}
          ${this.renderContact(data)} ${this.renderOrigin(data)}
        </div>
        <div>
          ${this.renderState(data)} ${this.renderStatusTimes(data)} ${this.renderMails(data)}
          ${this.renderTimeline(data)}
        </div>
      </div>
      ${this.renderActions(data)}
    `;
  }

  /** What the citizen wrote, and the photos they sent with it (a fault report's are its own). */
  private renderMessage(data: AgentCase): TemplateResult {
    return html`<section aria-labelledby="message-heading">
      <h2 id="message-heading">${this.ct.message}</h2>
      <p class="message" dir="auto">${data.message.text}</p>
      ${this.renderPhotos(data, data.message.photos)}
    </section>`;
  }

  /** Photos the citizen sent (`ids`, in order), or nothing when there are none. */
  private renderPhotos(data: AgentCase, ids: readonly string[]): TemplateResult | typeof nothing {
    return ids.length
      ? photoList({
          locale: this.l10n.locale,
          endpoint: this.client?.endpoint ?? '',
          reference: data.reference,
          ids,
        })
      : nothing;
  }

  /**
   * A fault report's category, answers, place, map and photos: an element of its own, in a chunk
   * loaded only when a fault case is opened (the map is a further chunk of its own).
   */
  private renderFault(data: AgentCase): TemplateResult | typeof nothing {
    if (!data.fault) return nothing;
    void loadFaultSection();
    return html`<kc-fault-section .client=${this.client} .data=${data}></kc-fault-section>`;
  }

  /** A call-back request: when to call (a slot or as soon as possible) and the number to call. */
  private renderCallback(data: AgentCase): TemplateResult | typeof nothing {
    const callback = data.callback;
    if (!callback) return nothing;
    const t = this.ct;
    const when =
      'slot' in callback.when
        ? html`<time datetime=${callback.when.slot.start}
              >${this.l10n.dateTime(callback.when.slot.start)}</time
            >–<time datetime=${callback.when.slot.end}
              >${this.l10n.dateTime(callback.when.slot.end)}</time
            >`
        : html`${t.callbackAsap}
            (<time datetime=${callback.dueAt}>${this.l10n.dateTime(callback.dueAt)}</time>)`;
    return html`<section aria-labelledby="callback-heading">
      <h2 id="callback-heading">${t.callback}</h2>
      <dl>
        <dt>${t.callbackWhen}</dt>
        <dd>${when}</dd>
        <dt>${t.phone}</dt>
        <dd><a href=${`tel:${callback.phone.replace(/[^\d+]/g, '')}`}>${callback.phone}</a></dd>
      </dl>
    </section>`;
  }

  /** A chat's transcript: an element of its own, in a chunk loaded only for a chat case. */
  private renderChat(data: AgentCase): TemplateResult | typeof nothing {
    if (!data.chat) return nothing;
    void loadChatTranscript();
    return html`<kc-chat-transcript
      .transcript=${data.chat}
      .citizenName=${data.message.name}
    ></kc-chat-transcript>`;
  }

  private renderNeeds(data: AgentCase): TemplateResult {
    const t = this.l10n.t;
    const needs = data.message.needs.map((need) =>
      need === 'interpreter' && data.message.interpreterLanguage
        ? this.ct.interpreterIn(data.message.interpreterLanguage)
        : t.vocabulary.needs[need],
    );
    return html`<section aria-labelledby="needs-heading">
      <h2 id="needs-heading">${this.ct.needs}</h2>
      ${
        needs.length
          ? html`<ul>
            ${needs.map((need) => html`<li dir="auto">${need}</li>`)}
          </ul>`
          : html`<p>${this.ct.noNeeds}</p>`
      }
    </section>`;
  }

  private renderContact(data: AgentCase): TemplateResult {
    const t = this.l10n.t;
    const { message } = data;
    return html`<section aria-labelledby="contact-heading">
      <h2 id="contact-heading">${this.l10n.t.caseView.contact}</h2>
      <dl>
        ${message.name ? html`<dt>${this.ct.name}</dt><dd dir="auto">${message.name}</dd>` : nothing}
        ${
          message.email
            ? html`<dt>${this.ct.email}</dt><dd>${mailtoLink(message.email)}</dd>`
            : nothing
        }
        ${message.phone ? html`<dt>${this.ct.phone}</dt><dd>${message.phone}</dd>` : nothing}
        <dt>${this.ct.answerChannel}</dt>
        <dd>${t.vocabulary.answerChannels[message.answerChannel] ?? message.answerChannel}</dd>
        <dt>${this.ct.answerLanguage}</dt>
        <dd>${languageName(message.answerLanguage, this.l10n.locale)}</dd>
      </dl>
      ${this.renderEnvelope(data)}
    </section>`;
  }

  /**
   * Where a letter with the answer goes, laid out as on the envelope — the name, the street, the
   * postcode and town, each on a line of its own — so a selection copies it as the post wants it.
   */
  private renderEnvelope(data: AgentCase): TemplateResult | typeof nothing {
    const { answerChannel, name, postalAddress: address } = data.message;
    if (answerChannel !== 'letter' || !address) return nothing;
    const lines = [name, address.street, `${address.postalCode} ${address.city}`];
    return html`<h3 id="letter-heading">${this.l10n.t.caseView.letterTo}</h3>
      <address class="envelope">
        ${lines.map((line) => (line ? html`<div dir="auto">${line}</div>` : nothing))}
      </address>`;
  }

  private renderOrigin(data: AgentCase): TemplateResult {
    const t = this.ct;
    return html`<section aria-labelledby="origin-heading">
      <h2 id="origin-heading">${t.origin}</h2>
      <dl>
        <dt>${t.department}</dt>
        <dd>
          ${this.department(data.origin.department)} ·
          ${topicName(this.departments, this.l10n.locale, data.origin.department, data.topic)}
        </dd>
        ${data.origin.pageUrl ? html`<dt>${t.page}</dt><dd>${safeLink(data.origin.pageUrl)}</dd>` : nothing}
        ${data.origin.widget ? html`<dt>${t.widget}</dt><dd>${data.origin.widget}</dd>` : nothing}
      </dl>
    </section>`;
  }

  private renderState(data: AgentCase): TemplateResult {
    const t = this.l10n.t;
    const reason = data.reason;
    return html`<section aria-labelledby="state-heading">
      <h2 id="state-heading">${this.ct.state}</h2>
      <dl>
        <dt>${this.ct.status}</dt>
        <dd>
          ${t.vocabulary.statuses[data.status] ?? data.status}
          ${
            data.resumeAt
              ? html`<div class="muted">
                ${t.inbox.resumes(this.l10n.dateTime(data.resumeAt))}
              </div>`
              : nothing
          }
        </dd>
        ${
          data.closingReason
            ? html`<dt>${this.ct.closingReason}</dt>
              <dd>${t.vocabulary.closingReasons[data.closingReason]}</dd>`
            : nothing
        }
        ${
          data.duplicateOf
            ? html`<dt>${this.ct.duplicateOf}</dt>
              <dd>
                <a id="duplicate-of-link" href=${encodeURIComponent(data.duplicateOf)}
                  >${data.duplicateOf}</a
                >
              </dd>`
            : nothing
        }
        <dt>${this.ct.priority}</dt>
        <dd>${t.vocabulary.priorities[data.priority]}</dd>
        ${
          this.labels.length || data.classification
            ? html`<dt>${this.ct.classification}</dt>
              <dd>
                ${data.classification ? this.pathName(data.classification) : this.ct.notClassified}
              </dd>`
            : nothing
        }
        <dt>${this.ct.assignee}</dt>
        <dd>${data.assignee?.name ?? this.ct.nobody}</dd>
        ${
          data.forwardedTo
            ? html`<dt>${this.ct.forwardedTo}</dt><dd>${this.department(data.forwardedTo)}</dd>`
            : nothing
        }
        <dt>${this.ct.reason}</dt>
        <dd>
          ${
            reason
              ? html`${this.reasonName(reason.id)}${
                  reason.avoidable && reason.page
                    ? html` (${this.ct.avoidable}: ${safeLink(reason.page)})`
                    : nothing
                }`
              : this.ct.noReason
          }
        </dd>
        ${
          data.answerBy
            ? html`<dt>${this.ct.answerBy}</dt>
              <dd>
                <time datetime=${data.answerBy}>${this.l10n.dateTime(data.answerBy)}</time>
                ${data.overdue ? html`<strong class="late">${t.inbox.late}</strong>` : nothing}
              </dd>`
            : nothing
        }
      </dl>
    </section>`;
  }

  /**
   * How long the case has spent in each status, the one it is in now counted until this render;
   * a case from before the server recorded it says from when.
   */
  private renderStatusTimes(data: AgentCase): TemplateResult | typeof nothing {
    const first = data.statusHistory[0];
    if (!first) return nothing;
    const t = this.l10n.t;
    const caption = this.ct.statusTimes;
    return html`<section aria-labelledby="status-times-heading">
      <h2 id="status-times-heading">${caption}</h2>
      ${
        Date.parse(first.from) > Date.parse(data.createdAt)
          ? html`<p class="muted">${this.ct.statusTimesFrom(this.l10n.dateTime(first.from))}</p>`
          : nothing
      }
      ${scrollingTable(
        caption,
        html`<table>
          <caption class="visually-hidden">${caption}</caption>
          <thead>
            <tr>
              <th scope="col">${this.ct.status}</th>
              <th scope="col" class="number">${this.ct.statusTime}</th>
              <th scope="col" class="number">${this.ct.statusPeriods}</th>
            </tr>
          </thead>
          <tbody>
            ${statusTimes(data.statusHistory, Date.now()).map(
              (time) => html`<tr>
                <th scope="row">
                  ${t.vocabulary.statuses[time.status]}
                  ${
                    time.currentSince
                      ? html`<div class="muted">
                        ${this.ct.statusNow(this.l10n.dateTime(time.currentSince))}
                      </div>`
                      : nothing
                  }
                </th>
                <td class="number">${formatDuration(time.ms / 60_000, this.l10n.locale)}</td>
                <td class="number">${time.periods}</td>
              </tr>`,
            )}
          </tbody>
        </table>`,
      )}
    </section>`;
  }

  private renderMails(data: AgentCase): TemplateResult | typeof nothing {
    if (data.mails.length === 0) return nothing;
    const t = this.ct;
    return html`<section aria-labelledby="mails-heading">
      <h2 id="mails-heading">${t.mails}</h2>
      <ul class="mails">
        ${data.mails.map(
          (mail) => html`<li>
            <span dir="auto">${mail.subject}</span> → ${mail.to}:
            <span class=${mail.state === 'failed' ? 'failed' : ''}
              >${t.mailState[mail.state] ?? mail.state}</span
            >
            ${
              mail.state === 'failed' && mail.lastError
                ? html`<div class="failed">${t.mailFailed(mail.lastError)}</div>`
                : nothing
            }
            ${
              mail.state === 'failed'
                ? html`<button
                    type="button"
                    aria-label=${t.mailRetryLabel(mail.subject)}
                    ?disabled=${this.busy !== undefined}
                    @click=${() =>
                      this.act(
                        'retry',
                        (client) => client.cases.retryMail(this.reference, mail.id),
                        () => t.mailRetried,
                      )}
                  >
                    ${t.mailRetry}
                  </button>`
                : nothing
            }
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderTimeline(data: AgentCase): TemplateResult {
    const t = this.ct;
    return html`<section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">${t.timeline}</h2>
      <ol class="timeline">
        ${data.timeline.map(
          (entry) => html`<li>
            <time datetime=${entry.at}>${this.l10n.dateTime(entry.at)}</time>:
            ${this.describe(entry)} ${entry.actor ? t.by(entry.actor.name) : nothing}
            ${this.entryText(entry)}
            ${entry.kind === 'message_in' ? this.renderPhotos(data, entry.photos) : nothing}
            ${this.letterLink(data, entry)}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  /** A reply by letter is printed from its own page, laid out for a window envelope. */
  private letterLink(data: AgentCase, entry: AgentTimelineEntry): TemplateResult | typeof nothing {
    if (entry.kind !== 'reply' || entry.via !== 'letter') return nothing;
    const path = routePath({ name: 'letter', reference: data.reference, seq: entry.seq });
    return html`<a class="letter-link" href=${`${this.base}${path}`}
      >${this.ct.printLetter}</a
    >`;
  }

  private describe(entry: AgentTimelineEntry): string {
    const t = this.l10n.t;
    const e = this.ct.entry;
    switch (entry.kind) {
      case 'message_in':
        return e.message_in(t.vocabulary.channels[entry.channel] ?? entry.channel);
      case 'reply':
        return e.reply(t.vocabulary.replyChannels[entry.via] ?? entry.via);
      case 'note':
        return e.note;
      case 'status': {
        const status = t.vocabulary.statuses[entry.status] ?? entry.status;
        if (entry.resumed) return e.resumed(status);
        const set = e.status(
          status,
          entry.visibility === 'public' ? this.ct.public : this.ct.internal,
        );
        if (entry.closingReason) {
          return set + e.closedAs(t.vocabulary.closingReasons[entry.closingReason]);
        }
        return entry.resumeAt ? set + e.resumesAt(this.l10n.dateTime(entry.resumeAt)) : set;
      }
      case 'forward':
        return e.forward(this.department(entry.department));
      case 'assign':
        return e.assign(entry.assignee?.name ?? this.ct.nobody);
      case 'reason':
        return e.reason(this.reasonName(entry.reason));
      case 'priority':
        return e.priority(t.vocabulary.priorities[entry.priority]);
      case 'classification':
        return (
          (entry.path ? e.classified(this.pathName(entry.path)) : e.unclassified) +
          (entry.escalated ? e.escalated : '')
        );
    }
  }

  private entryText(entry: AgentTimelineEntry): TemplateResult | typeof nothing {
    // A message_in's text: more the citizen sent later (the first message is shown above).
    const text =
      entry.kind === 'reply' || entry.kind === 'note' || entry.kind === 'message_in'
        ? entry.text
        : entry.kind === 'status'
          ? entry.note
          : entry.kind === 'forward'
            ? entry.reason
            : entry.kind === 'reason'
              ? entry.page
              : undefined;
    return text ? html`<div class="text" dir="auto">${text}</div>` : nothing;
  }

  private renderActions(data: AgentCase): TemplateResult {
    const t = this.ct;
    const v = this.l10n.t.vocabulary;
    return html`<section class="actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">${t.actions}</h2>
      ${
        data.assignee && data.assignee.id === this.agent?.id
          ? nothing
          : html`<p>
            <button
              type="button"
              ?disabled=${this.busy !== undefined}
              @click=${() =>
                this.act(
                  'take',
                  (client) => client.cases.take(this.reference, this.options),
                  () => t.taken,
                )}
            >
              ${t.take}
            </button>
          </p>`
      }
      ${this.renderForm(
        'reply',
        t.reply,
        [
          this.select(
            'reply',
            'via',
            t.replyVia,
            REPLY_CHANNELS.map((via) => [via, v.replyChannels[via]]),
            replyChannelOf(data),
          ),
          this.textarea(
            'reply',
            'text',
            t.replyText,
            data.message.needs.includes('easy_read') ? t.replyEasyRead : undefined,
          ),
        ],
        t.replySend,
      )}
      ${this.renderForm('note', t.note, [this.textarea('note', 'text', t.noteText)], t.noteSave)}
      ${this.renderForm(
        'status',
        t.setStatus,
        [
          this.select(
            'status',
            'status',
            t.status,
            STAFF_STATUSES.map((status) => [status, v.statuses[status]]),
            data.status,
            (status) => {
              this.statusChoice = status as StaffStatus;
            },
          ),
          isPaused(this.statusChoice ?? data.status)
            ? this.input('status', 'resumeAt', t.resumeAt, 'datetime-local', t.resumeAtHint, {
                value: data.resumeAt ? toLocalInput(data.resumeAt) : '',
              })
            : html``,
          closes(this.statusChoice ?? data.status)
            ? this.select(
                'status',
                'closingReason',
                t.closingReason,
                [
                  ['', t.closingReasonPick],
                  ...CLOSING_REASONS.map((reason): [string, string] => [
                    reason,
                    v.closingReasons[reason],
                  ]),
                ],
                data.closingReason ?? '',
              )
            : html``,
          this.textarea('status', 'note', t.statusNote),
          // Sent with a public comment, so the citizen's tracker reads it in its own language
          // (WCAG 3.1.2); the answer language the person asked for is the likely one.
          this.select(
            'status',
            'noteLanguage',
            t.statusNoteLanguage,
            LOCALES.map((locale) => [locale, languageName(locale, this.l10n.locale)]),
            noteLanguageOf(data),
          ),
          html`<fieldset>
          <legend>${t.visibility}</legend>
          <label class="radio"
            ><input type="radio" name="visibility" value="internal" checked /> ${t.internal}</label
          >
          <label class="radio"
            ><input type="radio" name="visibility" value="public" /> ${t.public}</label
          >
        </fieldset>`,
        ],
        t.statusSave,
      )}
      ${this.renderForm(
        'priority',
        t.setPriority,
        [
          this.select(
            'priority',
            'priority',
            t.priority,
            CASE_PRIORITIES.map((priority) => [priority, v.priorities[priority]]),
            data.priority,
          ),
        ],
        t.prioritySave,
      )}
      ${this.renderClassify(data)}
      ${this.renderForward(data)}
      ${this.renderDuplicate(data)}
      ${this.renderForm(
        'reason',
        t.tagReason,
        [
          this.select(
            'reason',
            'reason',
            t.reasonPick,
            this.reasons.map((reason) => [
              reason.id,
              `${this.reasonName(reason.id)}${reason.avoidable ? ` (${t.avoidable})` : ''}`,
            ]),
            data.reason?.id ?? '',
          ),
          this.input('reason', 'page', t.reasonPage, 'url', t.reasonPageHint),
        ],
        t.reasonSave,
      )}
    </section>`;
  }

  /**
   * "Klassa ärendet": the category, then a type and a subtype under it where the department has
   * them, each level offered once the one above is chosen. A path that escalates says so (in a
   * polite live region) before it is saved.
   */
  private renderClassify(data: AgentCase): TemplateResult | typeof nothing {
    const labels = this.labels;
    if (labels.length === 0) return nothing;
    const t = this.ct;
    const chosen = this.classifyChoice ?? data.classification ?? [];
    const level = (name: string, label: string, depth: number, none: string) => {
      const parent = depth === 0 ? null : chosen[depth - 1];
      const options = parent === undefined ? [] : labelsUnder(labels, parent);
      if (options.length === 0) return html``;
      return this.select(
        'classify',
        name,
        label,
        [
          ['', none],
          ...options.map((each): [string, string] => [
            each.id,
            nameIn(this.l10n.locale, each.name, each.id),
          ]),
        ],
        chosen[depth] ?? '',
        (value) => {
          this.classifyChoice = [...chosen.slice(0, depth), ...(value ? [value] : [])];
        },
      );
    };
    const escalates = escalatingLabel(labels, chosen);
    return this.renderForm(
      'classify',
      t.classify,
      [
        level('path', t.classifyCategory, 0, t.classifyNone),
        level('type', t.classifyType, 1, t.classifyNoLevel),
        level('subtype', t.classifySubtype, 2, t.classifyNoLevel),
        html`<p class="hint escalates" role="status">
          ${escalates ? t.classifyEscalates(this.pathName(chosen.slice(0, chosen.indexOf(escalates.id) + 1))) : nothing}
        </p>`,
      ],
      t.classifySave,
    );
  }

  /**
   * "Skicka vidare" in two steps: the department and why, then a preview of who will see what (the
   * department's staff the whole case, the citizen where it went but not why), sent only when
   * confirmed, with the version seen (sent twice, the second is refused: it is done once).
   * Changing a field takes the preview away.
   */
  private renderForward(data: AgentCase): TemplateResult {
    const t = this.ct;
    const problem = this.errors.get('forward.form');
    const preview = this.forwardPreview;
    const to = preview ? this.department(preview.department) : '';
    return html`<form
      novalidate
      aria-labelledby="forward-legend"
      @submit=${this.previewForward}
      @input=${this.editForward}
      @change=${this.editForward}
    >
      <h3 id="forward-legend">${t.forward}</h3>
      ${problem ? html`<p class="error" role="alert">${this.describeError(problem)}</p>` : nothing}
      ${this.select(
        'forward',
        'department',
        t.forwardTo,
        this.departments.map((department) => [
          department.id,
          nameIn(this.l10n.locale, department.name, department.id),
        ]),
        data.forwardedTo ?? '',
      )}
      ${this.textarea('forward', 'reason', t.forwardReason)}
      ${
        preview
          ? html`<div class="preview" role="group" aria-labelledby="forward-preview-heading">
            <h4 id="forward-preview-heading">${t.forwardPreviewHeading}</h4>
            <dl>
              <dt>${t.forwardTo}</dt>
              <dd>${to}</dd>
              <dt>${t.forwardStaff}</dt>
              <dd>${t.forwardStaffSee(to)}</dd>
              <dt>${t.forwardCitizen}</dt>
              <dd>${t.forwardCitizenSees(to)}</dd>
              <dt>${t.forwardReasonFor}</dt>
              <dd class="text" dir="auto">${preview.reason}</dd>
            </dl>
            <button
              type="button"
              id="forward-yes"
              ?disabled=${this.busy !== undefined}
              @click=${this.confirmForward}
            >
              ${t.forwardSave}
            </button>
            <button type="button" class="secondary" @click=${this.cancelForward}>
              ${t.forwardChange}
            </button>
          </div>`
          : html`<button type="submit" ?disabled=${this.busy !== undefined}>
            ${t.forwardPreview}
          </button>`
      }
    </form>`;
  }

  /** Checks the department and the reason here, as the server would, then shows the preview. */
  private readonly previewForward = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const parsed = ForwardInputSchema.safeParse({
      department: String(data.get('department') ?? ''),
      reason: String(data.get('reason') ?? ''),
    });
    this.errors = parsed.success
      ? new Map()
      : new Map(
          toFieldErrors(parsed.error.issues).map((error) => [`forward.${error.field}`, error.code]),
        );
    this.forwardPreview = parsed.success ? parsed.data : undefined;
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(
        parsed.success
          ? '#forward-yes'
          : 'form[aria-labelledby="forward-legend"] [aria-invalid="true"]',
      )
      ?.focus();
  };

  /** A field changed under the preview: it no longer shows what would be sent. */
  private readonly editForward = () => {
    this.forwardPreview = undefined;
  };

  private readonly cancelForward = async () => {
    this.forwardPreview = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#forward-department')?.focus();
  };

  private readonly confirmForward = async (event: Event) => {
    const preview = this.forwardPreview;
    if (!preview) return;
    const form = (event.target as HTMLElement).closest('form') ?? undefined;
    const reference = this.reference;
    await this.act(
      'forward',
      (client) => client.cases.forward(reference, preview, this.options),
      () => this.ct.forwarded(this.department(preview.department)),
      form,
    );
    this.forwardPreview = undefined;
    await this.updateComplete;
    // The buttons that had focus are gone: back to the form, at a field to correct if any.
    const root = this.renderRoot;
    (
      root.querySelector<HTMLElement>(
        'form[aria-labelledby="forward-legend"] [aria-invalid="true"]',
      ) ?? root.querySelector<HTMLElement>('#forward-department')
    )?.focus();
  };

  /**
   * "Markera som dubblett": the other case's reference typed, or picked from the open fault
   * reports of the same category nearby; then confirmed, then sent with the version seen.
   */
  private renderDuplicate(data: AgentCase): TemplateResult {
    const t = FAULT_TEXTS[this.l10n.locale].duplicate;
    const error = this.errors.get('duplicate.of');
    const problem = this.errors.get('duplicate.form');
    const described = ['duplicate-of-hint', error ? 'duplicate-of-error' : '']
      .filter(Boolean)
      .join(' ');
    const confirm = this.confirmDuplicate;
    return html`<form
      novalidate
      @submit=${this.askDuplicate}
      aria-labelledby="duplicate-legend"
    >
      <h3 id="duplicate-legend">${t.heading}</h3>
      ${problem ? html`<p class="error" role="alert">${this.describeError(problem)}</p>` : nothing}
      ${
        data.fault
          ? html`<kc-duplicate-suggestions
            .client=${this.client}
            .data=${data}
            @kc-pick-duplicate=${this.pickDuplicate}
          ></kc-duplicate-suggestions>`
          : nothing
      }
      <div class="field">
        <label for="duplicate-of">${t.reference}</label>
        <p class="hint" id="duplicate-of-hint">${t.referenceHint}</p>
        <input
          id="duplicate-of"
          name="of"
          autocomplete="off"
          spellcheck="false"
          ?readonly=${confirm !== undefined}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${described}
          @input=${() => {
            this.confirmDuplicate = undefined;
          }}
        />
        ${
          error
            ? html`<p class="error" id="duplicate-of-error">${this.duplicateError(error)}</p>`
            : nothing
        }
      </div>
      ${
        confirm
          ? html`<div role="group" aria-labelledby="duplicate-confirm-text">
            <p id="duplicate-confirm-text">${t.confirm(confirm)}</p>
            <button
              type="button"
              id="duplicate-yes"
              ?disabled=${this.busy !== undefined}
              @click=${(event: Event) => this.markDuplicate(confirm, event)}
            >
              ${t.confirmYes}
            </button>
            <button type="button" class="secondary" @click=${this.cancelDuplicate}>
              ${t.cancel}
            </button>
          </div>`
          : html`<button type="submit" ?disabled=${this.busy !== undefined}>${t.submit}</button>`
      }
    </form>`;
  }

  private duplicateError(code: string): string {
    const t = FAULT_TEXTS[this.l10n.locale].duplicate;
    if (code === 'same_case') return t.self;
    if (code === 'unknown_case') return t.unknown;
    return t.invalid;
  }

  private readonly pickDuplicate = async (event: KcPickDuplicateEvent) => {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#duplicate-of');
    if (!input) return;
    input.value = event.reference;
    this.errors = new Map();
    this.confirmDuplicate = undefined;
    input.focus();
  };

  /** Checks the reference here (format, not itself), then asks to confirm. */
  private readonly askDuplicate = async (event: SubmitEvent) => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#duplicate-of');
    const typed = input?.value.trim() ?? '';
    const of = normalizeCaseReference(typed);
    const problem = !of ? 'invalid_reference' : of === this.reference ? 'same_case' : undefined;
    this.errors = problem ? new Map([['duplicate.of', problem]]) : new Map();
    this.confirmDuplicate = problem ? undefined : of;
    await this.updateComplete;
    if (problem) input?.focus();
    else this.renderRoot.querySelector<HTMLButtonElement>('#duplicate-yes')?.focus();
  };

  private readonly cancelDuplicate = async () => {
    this.confirmDuplicate = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#duplicate-of')?.focus();
  };

  private async markDuplicate(of: string, event: Event): Promise<void> {
    const form = (event.target as HTMLElement).closest('form') ?? undefined;
    const reference = this.reference;
    await this.act(
      'duplicate',
      (client) => client.cases.markDuplicate(reference, of, this.options),
      () => FAULT_TEXTS[this.l10n.locale].duplicate.done(of),
      form,
    );
    this.confirmDuplicate = undefined;
    await this.updateComplete;
    // The buttons that had focus are gone: to the field to correct, or to the link to the original.
    this.renderRoot
      .querySelector<HTMLElement>(
        this.errors.has('duplicate.of') ? '#duplicate-of' : '#duplicate-of-link',
      )
      ?.focus();
  }

  private renderForm(
    action: Exclude<Action, 'duplicate' | 'forward'>,
    legend: string,
    fields: TemplateResult[],
    submit: string,
  ): TemplateResult {
    const problem = this.errors.get(`${action}.form`);
    return html`<form novalidate @submit=${this.submit(action)} aria-labelledby=${`${action}-legend`}>
      <h3 id=${`${action}-legend`}>${legend}</h3>
      ${problem ? html`<p class="error" role="alert">${this.describeError(problem)}</p>` : nothing}
      ${fields}
      <button type="submit" ?disabled=${this.busy !== undefined}>${submit}</button>
    </form>`;
  }

  private describeError(code: string): string {
    const t = this.l10n.t.errors;
    if (code === 'forbidden') return t.forbidden;
    if (code === 'network_error' || code === 'timeout') return t.network;
    return this.l10n.t.notices.fieldError(code);
  }

  private fieldState(action: Action, name: string) {
    const error = this.errors.get(`${action}.${name}`);
    const id = `${action}-${name}`;
    return { id, error, describedby: error ? `${id}-error` : undefined };
  }

  private fieldError(id: string, error: string | undefined): TemplateResult | typeof nothing {
    return error
      ? html`<p class="error" id=${`${id}-error`}>${this.l10n.t.notices.fieldError(error)}</p>`
      : nothing;
  }

  private textarea(action: Action, name: string, label: string, hint?: string): TemplateResult {
    const { id, error, describedby } = this.fieldState(action, name);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      <textarea
        id=${id}
        name=${name}
        rows="4"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${hintedBy(id, hint, describedby)}
      ></textarea>
      ${this.fieldError(id, error)}
    </div>`;
  }

  private input(
    action: Action,
    name: string,
    label: string,
    type = 'text',
    hint?: string,
    { value = '' }: { value?: string } = {},
  ): TemplateResult {
    const { id, error, describedby } = this.fieldState(action, name);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      <input
        id=${id}
        name=${name}
        type=${type}
        value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${hintedBy(id, hint, describedby)}
      />
      ${this.fieldError(id, error)}
    </div>`;
  }

  private select(
    action: Action,
    name: string,
    label: string,
    options: [string, string][],
    selected: string,
    onChange?: (value: string) => void,
  ): TemplateResult {
    const { id, error, describedby } = this.fieldState(action, name);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select
        id=${id}
        name=${name}
        @change=${(event: Event) => onChange?.((event.target as HTMLSelectElement).value)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedby ?? nothing}
      >
        ${options.map(
          ([value, text]) =>
            html`<option value=${value} ?selected=${value === selected}>${text}</option>`,
        )}
      </select>
      ${this.fieldError(id, error)}
    </div>`;
  }
}
