import type {
  Agent,
  AgentCase,
  AgentClient,
  AgentTimelineEntry,
  Letterhead,
} from '@kontakt/core/agent';
import type { Department, Locale } from '@kontakt/core/schemas';
import { DEFAULT_TIME_ZONE, LOCALES } from '@kontakt/core/schemas';
import type { PropertyValues, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { departmentsOf } from '../departments.js';
import { ConsoleElement } from '../internal/console-element.js';
import { caseProblem, isAbort, reportSessionEnd } from '../internal/errors.js';
import { oncePerClient } from '../internal/once-per-client.js';
import { routePath } from '../router.js';
import { base, tokens } from '../styles/tokens.js';
import { letterStyles, pageStyles } from './letter.styles.js';
import { LETTER_TEXTS, LETTER_VIEW_TEXTS, RETURN_ADDRESS_LABEL } from './letter-texts.js';
import { viewStyles } from './view.styles.js';

type LetterEntry = Extract<AgentTimelineEntry, { kind: 'reply' }>;

/** The server's letterhead, asked once per client (`null`: none is set). */
const letterheadOf = oncePerClient((client) => client.letterhead.get());

/**
 * The letter of one reply by letter, ready to print on A4 and post in a window envelope: the
 * sender's letterhead, the date and case reference, the citizen's address where the window is,
 * the answer as the agent wrote it (as text, never markup) and who wrote it. The letter's own
 * words are in the language the citizen asked to be answered in, right to left for Arabic; the
 * window stays on the left, where the envelope has it.
 *
 * On screen the letter flows like any page (it reflows at 320 px); on paper each block has its
 * place on the sheet, measured in millimetres from the paper's edge. The window's place suits
 * C5 and E65 envelopes with a left window; a municipality with other envelopes moves it with
 * `--kc-letter-window-top` and `--kc-letter-window-left`.
 *
 * @summary A reply by letter, laid out for printing.
 * @cssprop --kc-letter-window-top - The address's distance from the top of the paper (45mm).
 * @cssprop --kc-letter-window-left - The address's distance from the left of the paper (20mm).
 */
export class KcLetterView extends ConsoleElement {
  static override styles = [tokens, base, viewStyles, letterStyles];

  static override properties = {
    client: { attribute: false },
    agent: { attribute: false },
    reference: { type: String },
    seq: { type: Number },
    base: { type: String },
    data: { state: true },
    letterhead: { state: true },
    departments: { state: true },
    problem: { state: true },
  };

  client: AgentClient | undefined;
  /** Who is signed in: the signature when the reply names no one. */
  agent: Agent | undefined;
  reference = '';
  /** The timeline entry of the reply by letter. */
  seq = 0;
  /** The console's base path (`/console`), for the link back to the case. */
  base = '';
  protected data: AgentCase | undefined;
  /** `null`: the server has no letterhead set. */
  protected letterhead: Letterhead | null = null;
  protected departments: Department[] = [];
  protected problem: 'not-found' | 'failed' | undefined;
  private loading: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // `@page` applies only from the document's own style sheets, not from a shadow root.
    const sheets = document.adoptedStyleSheets;
    if (!sheets.includes(pageStyles)) document.adoptedStyleSheets = [...sheets, pageStyles];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loading?.abort();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter(
      (sheet) => sheet !== pageStyles,
    );
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('reference') || changed.has('client')) {
      this.data = undefined;
      this.problem = undefined;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const client = this.client;
    if (!client || !this.reference) return;
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    try {
      const [data, letterhead, departments] = await Promise.all([
        client.cases.get(this.reference, { signal: loading.signal }),
        letterheadOf(client),
        // Without the departments the letter still prints, naming the department by its id.
        departmentsOf(client).catch(() => []),
      ]);
      if (loading.signal.aborted) return;
      this.data = data;
      this.letterhead = letterhead;
      this.departments = departments;
      this.problem = undefined;
    } catch (error) {
      if (isAbort(error) || reportSessionEnd(this, error)) return;
      this.problem = caseProblem(error);
    }
  }

  protected override render(): TemplateResult {
    const t = this.l10n.t;
    if (this.problem === 'failed') {
      return html`<p role="alert">${t.errors.load}</p>
        <button type="button" @click=${() => this.load()}>${t.errors.retry}</button>`;
    }
    if (this.problem === 'not-found') {
      return html`<p role="alert">${t.caseView.notFound}</p>`;
    }
    const data = this.data;
    if (!data) return html`<p>${t.loading}</p>`;
    const own = LETTER_VIEW_TEXTS[this.l10n.locale];
    const back = html`<a href=${`${this.base}${routePath({ name: 'case', reference: data.reference })}`}
      >${own.back}</a
    >`;
    const entry = data.timeline.find(
      (each): each is LetterEntry =>
        each.kind === 'reply' && each.via === 'letter' && each.seq === this.seq,
    );
    if (!entry) return html`<p role="alert">${own.notFound}</p><p>${back}</p>`;
    return html`
      <div class="toolbar">
        <button type="button" @click=${() => window.print()}>${own.print}</button>
        ${back}
      </div>
      <p class="hint howto">${own.howTo}</p>
      ${this.letterhead ? nothing : html`<p class="warning">${own.noLetterhead}</p>`}
      ${data.message.postalAddress ? nothing : html`<p class="warning">${own.noAddress}</p>`}
      ${this.renderSheet(data, entry)}
    `;
  }

  private renderSheet(data: AgentCase, entry: LetterEntry): TemplateResult {
    const language = letterLanguage(data.message.answerLanguage);
    const words = LETTER_TEXTS[language];
    const letterhead = this.letterhead;
    const sender = letterhead ? (letterhead.sender[language] ?? letterhead.sender.sv) : undefined;
    const departmentId = data.forwardedTo ?? data.department;
    const department = this.departments.find((each) => each.id === departmentId);
    const departmentName = department
      ? (department.name[language] ?? department.name.sv)
      : departmentId;
    const signedBy = entry.actor?.name ?? this.agent?.name;
    return html`
      <article
        class="sheet"
        lang=${language}
        dir=${language === 'ar' ? 'rtl' : 'ltr'}
        aria-label=${LETTER_VIEW_TEXTS[this.l10n.locale].sheet}
      >
        <header class="letterhead">
          ${sender ? html`<p class="sender">${sender}</p>` : nothing}
          <p>${departmentName}</p>
        </header>
        <dl class="meta">
          <dt>${words.date}</dt>
          <dd>${letterDate(entry.at, language)}</dd>
          <dt>${words.reference}</dt>
          <dd dir="ltr">${data.reference}</dd>
        </dl>
        ${letterhead ? this.renderContact(letterhead, language) : nothing}
        ${this.renderWindow(data)}
        <div class="body" dir="auto">${entry.text}</div>
        <p class="closing">
          ${words.regards}${signedBy ? html`<br /><span dir="auto">${signedBy}</span>` : nothing}
          ${sender ? html`<br />${sender}` : nothing}
        </p>
      </article>
    `;
  }

  /** How to reach the contact center: beside the window on paper, under the date. */
  private renderContact(letterhead: Letterhead, language: Locale): TemplateResult {
    const words = LETTER_TEXTS[language];
    const { postalAddress: from, phone, email, web } = letterhead;
    return html`<address class="contact">
      <span dir="ltr">${from.street}, ${from.postalCode} ${from.city}</span>
      ${phone ? html`<br />${words.phone} <span dir="ltr">${phone}</span>` : nothing}
      ${email ? html`<br />${words.email} <span dir="ltr">${email}</span>` : nothing}
      ${web ? html`<br />${words.web} <span dir="ltr">${web}</span>` : nothing}
    </address>`;
  }

  /**
   * What shows through the envelope's window: a line with the return address for the post,
   * then the citizen's name and address, one line each, as the post wants them.
   */
  private renderWindow(data: AgentCase): TemplateResult {
    const { name, postalAddress: to } = data.message;
    const from = this.letterhead?.postalAddress;
    const lines = to ? [name, to.street, `${to.postalCode} ${to.city}`] : [];
    return html`<address class="window" dir="ltr">
      ${
        from
          ? html`<span class="return"
            >${RETURN_ADDRESS_LABEL} ${this.letterhead?.sender.sv}, ${from.street},
            ${from.postalCode} ${from.city}</span
          >`
          : nothing
      }
      ${lines.map((line) => (line ? html`<span class="line" dir="auto">${line}</span>` : nothing))}
    </address>`;
  }
}

/** The language asked for, when the letter has words in it (a newer server may know more): else Swedish. */
function letterLanguage(asked: string): Locale {
  return (LOCALES as readonly string[]).includes(asked) ? (asked as Locale) : 'sv';
}

/** The letter's date as written in its language, on the contact center's calendar. */
function letterDate(at: string, language: Locale): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeZone: DEFAULT_TIME_ZONE,
  }).format(new Date(at));
}
