import type {
  AgentCasePage,
  AgentCaseSummary,
  AgentClient,
  CasePriority,
  InboxChangeEvent,
  InboxFilters,
  InboxWatch,
  RegisterCaseInput,
} from '@kontakt/core/agent';
import {
  CASE_PRIORITIES,
  INBOX_MAX_PAGE_SIZE,
  INBOX_ORDERS,
  INBOX_PAGE_SIZE,
  REGISTERED_CHANNELS,
} from '@kontakt/core/agent';
import type { EventStreamErrorEvent } from '@kontakt/core/events';
import type {
  AnswerChannel,
  CaseChannel,
  Department,
  FaultCatalog,
  Need,
  StaffStatus,
} from '@kontakt/core/schemas';
import { CASE_CHANNELS, isFinishedStatus, NEEDS, STAFF_STATUSES } from '@kontakt/core/schemas';
import type { PropertyValues, TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import type { Classification } from '../classification.js';
import { allPaths, classificationOf, pathName } from '../classification.js';
import { departmentName, departmentsOf, nameIn, topicName } from '../departments.js';
import { FAULT_TEXTS } from '../fault/texts.js';
import { ConsoleElement } from '../internal/console-element.js';
import { isAbort, reportSessionEnd } from '../internal/errors.js';
import { KcAnnounceEvent, KcNavigateEvent } from '../internal/events.js';
import { base, tokens } from '../styles/tokens.js';
import { formatDuration } from './duration.js';
import type { InboxTexts } from './inbox-texts.js';
import { INBOX_TEXTS } from './inbox-texts.js';
import {
  answerFields,
  answerInput,
  answerStyles,
  formField,
  missingDetails,
  withoutAnswerErrors,
} from './register-answer.js';
import type { RegisterFieldContext } from './register-field.js';
import { registerField } from './register-field.js';
import { REGISTER_TEXTS, registerErrorText } from './register-texts.js';
import { scrollingTable } from './scrolling-table.js';
import { viewStyles } from './view.styles.js';

/** New arrivals are gathered this long before the list is read again and they are announced. */
const ARRIVAL_BATCH_MS = 400;

/**
 * Every case from every channel in one list: filters, search, paging by the server's cursor,
 * and cases that arrive or change while it is open, announced politely. Registers a call or a
 * visit as a case too. (Its styles: a reference reads as one word; what a citizen wrote may hold
 * a long address without a space, so it breaks anywhere; the register form's summary stays a
 * list item, which keeps the triangle that says it opens.)
 *
 * @summary The inbox view.
 */
export class KcInboxView extends ConsoleElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    ...answerStyles,
    css`
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
        gap: 0 var(--_space-m);
        align-items: end;
      }
      .filters .search {
        grid-column: 1 / -1;
      }
      .check {
        display: flex;
        gap: var(--_space-s);
        align-items: center;
        min-block-size: 2.75rem;
        margin-block-end: var(--_space-m);
        font-weight: 600;
      }
      .check input {
        min-block-size: auto;
        inline-size: 1.25rem;
        block-size: 1.25rem;
      }
      .excerpt {
        max-inline-size: 30ch;
        overflow-wrap: anywhere;
      }
      tbody th {
        white-space: nowrap;
      }
      tr.overdue td:first-child {
        border-inline-start: 4px solid var(--_color-danger);
      }
      details {
        margin-block: var(--_space-l);
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        padding-block: 0.625rem;
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    base: { type: String },
    page: { state: true },
    failed: { state: true },
    registerErrors: { state: true },
    departments: { state: true },
    registerDepartment: { state: true },
    registerAnswer: { state: true },
    faultCatalogs: { state: true },
    classification: { state: true },
  };

  client: AgentClient | undefined;
  /** The console's base path, for links to cases. */
  base = '/console';
  protected page: { cases: AgentCaseSummary[]; next: string | null } | undefined;
  /** The fault catalogs of departments with fault reports listed: their categories' names. */
  protected faultCatalogs: Map<string, FaultCatalog> = new Map();
  private askedCatalogs = new Set<string>();
  protected failed = false;
  protected registerErrors: Map<string, string> = new Map();
  /** The server's departments, for names and to pick from. */
  protected departments: Department[] = [];
  /** Each department's classification labels, to filter by (none configured: no filter). */
  protected classification: Classification = new Map();
  /** The department chosen in the register form: its topics are offered. */
  protected registerDepartment = '';
  /** How the person wants the answer, as chosen in the register form: its details are asked. */
  protected registerAnswer: AnswerChannel = 'phone';
  private filters: InboxFilters = { status: 'open' };
  private loading: AbortController | undefined;
  private watch: InboxWatch | undefined;
  private arrivals = new Set<string>();
  private arrivalTimer: ReturnType<typeof setTimeout> | undefined;

  /** The inbox's own words (a chunk with the view: `INBOX_TEXTS`). */
  private get it(): InboxTexts {
    return INBOX_TEXTS[this.l10n.locale];
  }

  /**
   * Loads once the client is there: a view rendered before its chunk arrived gets its properties
   * at its first update, not yet when it connects.
   */
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('client')) {
      void this.load();
      void this.loadDepartments();
      void this.loadClassification();
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('page')) void this.loadFaultCatalogs();
  }

  /**
   * The catalogs of the departments whose fault reports are listed, for the categories' names
   * (a fault report's topic is its category); the loader is a chunk of its own, asked for only
   * when a fault report is listed.
   */
  private async loadFaultCatalogs(): Promise<void> {
    const client = this.client;
    const departments = new Set(
      (this.page?.cases ?? [])
        .filter((row) => row.channel === 'fault_report')
        .map((row) => row.department),
    );
    const missing = [...departments].filter((id) => !this.askedCatalogs.has(id));
    if (!client || missing.length === 0) return;
    for (const id of missing) this.askedCatalogs.add(id);
    try {
      const { faultCatalogOf } = await import('../fault/catalog.js');
      const loaded = await Promise.allSettled(missing.map((id) => faultCatalogOf(client, id)));
      const catalogs = new Map(this.faultCatalogs);
      loaded.forEach((result, index) => {
        const id = missing[index] as string;
        if (result.status === 'fulfilled') catalogs.set(id, result.value);
        // Not found again next time: the ids stand in for the names meanwhile.
        else this.askedCatalogs.delete(id);
      });
      this.faultCatalogs = catalogs;
    } catch {
      for (const id of missing) this.askedCatalogs.delete(id);
    }
  }

  /** A row's topic: a fault report's category by its catalog name, else the department's topic. */
  private topic(row: AgentCaseSummary): string {
    if (row.channel !== 'fault_report') {
      return topicName(this.departments, this.l10n.locale, row.department, row.topic);
    }
    const category = this.faultCatalogs
      .get(row.department)
      ?.categories.find((each) => each.id === row.topic);
    return nameIn(this.l10n.locale, category?.name, row.topic);
  }

  /** A fault report's place in a line: the address, else the point. */
  private place(row: AgentCaseSummary): TemplateResult | typeof nothing {
    const place = row.place;
    if (!place) return nothing;
    const text =
      place.address ??
      (place.lat !== null && place.lon !== null
        ? `${place.lat.toFixed(5)}, ${place.lon.toFixed(5)}`
        : undefined);
    if (!text) return nothing;
    return html`<div class="muted">
      ${FAULT_TEXTS[this.l10n.locale].place}: <span dir="auto">${text}</span>
    </div>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loading?.abort();
    this.watch?.close();
    this.watch = undefined;
    clearTimeout(this.arrivalTimer);
  }

  private async load(more = false): Promise<void> {
    if (!this.client) return;
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    this.failed = false;
    try {
      const after = more ? this.page?.next : undefined;
      const page = await this.client.cases.list(
        { ...this.filters, ...(after ? { after } : {}) },
        { signal: loading.signal },
      );
      this.page = {
        cases: more ? [...(this.page?.cases ?? []), ...page.cases] : page.cases,
        next: page.next,
      };
      if (!more) this.follow(page);
      this.announce(this.it.shown(this.page.cases.length));
    } catch (error) {
      if (isAbort(error) || reportSessionEnd(this, error)) return;
      this.failed = true;
    }
  }

  private async loadClassification(): Promise<void> {
    if (!this.client) return;
    try {
      this.classification = await classificationOf(this.client);
    } catch (error) {
      // Without the labels there is no filter by them; the rest of the inbox works.
      reportSessionEnd(this, error);
    }
  }

  private async loadDepartments(): Promise<void> {
    if (!this.client) return;
    try {
      this.departments = await departmentsOf(this.client);
      this.registerDepartment ||= this.departments[0]?.id ?? '';
    } catch (error) {
      reportSessionEnd(this, error);
    }
  }

  /** Follows the inbox from where this page was read, so nothing in between is missed. */
  private follow(page: AgentCasePage): void {
    this.watch?.close();
    if (!this.client) return;
    this.watch = this.client.cases.watch({ after: page.cursor });
    this.watch.addEventListener('change', (event) => this.onChange(event as InboxChangeEvent));
    // A stream the server ends for good with 401 is a session that has ended (expired, or signed
    // out elsewhere): say so now rather than at the next click.
    this.watch.addEventListener('error', (event) => {
      const { error, willRetry } = event as EventStreamErrorEvent;
      if (!willRetry) reportSessionEnd(this, error);
    });
  }

  private onChange(event: InboxChangeEvent): void {
    this.arrivals.add(`${event.change.type} ${event.change.reference}`);
    clearTimeout(this.arrivalTimer);
    this.arrivalTimer = setTimeout(() => void this.refresh(), ARRIVAL_BATCH_MS);
  }

  /**
   * Newest first: reads the first page again and merges it in (rows already shown are updated,
   * new ones come first), keeping the pages loaded below. Oldest first, new cases come last: the
   * rows shown are read again, with room for what arrived. Then says how many cases arrived.
   */
  private async refresh(): Promise<void> {
    if (!this.client || !this.page) return;
    const changes = [...this.arrivals];
    this.arrivals.clear();
    const oldest = this.filters.order === 'oldest';
    try {
      const shown = this.page.cases.length + changes.length;
      const first = await this.client.cases.list(
        oldest
          ? {
              ...this.filters,
              limit: Math.min(Math.max(shown, INBOX_PAGE_SIZE), INBOX_MAX_PAGE_SIZE),
            }
          : this.filters,
      );
      const fresh = new Set(first.cases.map((row) => row.reference));
      const known = new Set(this.page.cases.map((row) => row.reference));
      this.page = oldest
        ? first
        : {
            cases: [...first.cases, ...this.page.cases.filter((row) => !fresh.has(row.reference))],
            next: this.page.next ?? first.next,
          };
      const arrived = changes.filter((change) => {
        const [type, reference] = change.split(' ');
        return (
          type === 'case.created' && reference && fresh.has(reference) && !known.has(reference)
        );
      }).length;
      if (arrived > 0) this.announce(this.it.arrived(arrived));
    } catch (error) {
      reportSessionEnd(this, error);
    }
  }

  private announce(message: string): void {
    this.dispatchEvent(new KcAnnounceEvent(message));
  }

  private applyFilters(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const filters: InboxFilters = {};
    if (value('q')) filters.q = value('q');
    if (value('order') === 'oldest') filters.order = 'oldest';
    if (value('status') !== 'any') filters.status = (value('status') || 'open') as StaffStatus;
    if (value('channel')) filters.channel = value('channel') as CaseChannel;
    if (value('need')) filters.need = value('need') as Need;
    if (value('priority')) filters.priority = value('priority') as CasePriority;
    if (value('topic')) filters.topic = value('topic');
    if (value('classification')) filters.classification = value('classification');
    if (value('department')) filters.department = value('department');
    if (value('assigned')) filters.assigned = value('assigned');
    if (data.get('overdue')) filters.overdue = true;
    this.filters = filters;
    void this.load();
  }

  private async register(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.client) return;
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const input: RegisterCaseInput = {
      channel: value('channel') as RegisterCaseInput['channel'],
      department: value('department'),
      topic: value('topic'),
      notes: value('notes'),
      ...answerInput(this.registerAnswer, value),
    };
    const missing = missingDetails(input);
    if (missing.length > 0) {
      await this.showRegisterErrors(missing);
      return;
    }
    try {
      const registered = await this.client.cases.register(input);
      this.registerErrors = new Map();
      this.dispatchEvent(new KcNavigateEvent(`/cases/${encodeURIComponent(registered.reference)}`));
    } catch (error) {
      if (reportSessionEnd(this, error)) return;
      const fields = (error as { fieldErrors?: { field: string; code: string }[] }).fieldErrors;
      await this.showRegisterErrors(
        fields?.length
          ? fields.map((field) => [formField(field.field), field.code])
          : [['form', 'failed']],
      );
    }
  }

  /** Shows each field's first error on it, and moves focus to the first field to correct. */
  private async showRegisterErrors(errors: [string, string][]): Promise<void> {
    const shown = new Map<string, string>();
    for (const [field, code] of errors) if (!shown.has(field)) shown.set(field, code);
    this.registerErrors = shown;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  protected override render(): TemplateResult {
    return html`${this.renderFilters()} ${this.renderList()} ${this.renderRegister()}`;
  }

  private renderFilters(): TemplateResult {
    const t = this.l10n.t;
    const v = t.vocabulary;
    const select = (
      name: string,
      label: string,
      options: [string, string][],
      selected = '',
    ) => html`
      <div class="field">
        <label for=${`filter-${name}`}>${label}</label>
        <select id=${`filter-${name}`} name=${name}>
          ${options.map(
            ([value, text]) =>
              html`<option value=${value} ?selected=${value === selected}>${text}</option>`,
          )}
        </select>
      </div>
    `;
    return html`
      <form class="filters" role="search" aria-label=${this.it.filters} @submit=${this.applyFilters}>
        <div class="field search">
          <label for="filter-q">${this.it.search}</label>
          <p class="hint" id="filter-q-hint">${this.it.searchHint}</p>
          <input id="filter-q" name="q" type="search" aria-describedby="filter-q-hint" />
        </div>
        ${select(
          'status',
          this.it.status,
          [
            ['open', this.it.openStatuses],
            ['any', this.it.anyStatus],
            ...STAFF_STATUSES.map((status): [string, string] => [status, v.statuses[status]]),
          ],
          'open',
        )}
        ${select('channel', this.it.channel, [
          ['', this.it.anyChannel],
          ...CASE_CHANNELS.map((channel): [string, string] => [channel, v.channels[channel]]),
        ])}
        ${select('need', this.it.need, [
          ['', this.it.anyNeed],
          ...NEEDS.map((need): [string, string] => [need, v.needs[need]]),
        ])}
        ${select('priority', this.it.priority, [
          ['', this.it.anyPriority],
          ...CASE_PRIORITIES.map((priority): [string, string] => [
            priority,
            v.priorities[priority],
          ]),
        ])}
        ${this.renderTopicFilter()} ${this.renderClassificationFilter()}
        ${select(
          'order',
          this.it.order,
          INBOX_ORDERS.map((order): [string, string] => [order, this.it.orders[order]]),
          this.filters.order ?? 'newest',
        )}
        ${select('assigned', this.it.assigned, [
          ['', this.it.anyone],
          ['me', this.it.me],
          ['none', this.it.nobody],
        ])}
        ${select('department', this.it.department, [
          ['', this.it.anyDepartment],
          ...this.departments.map((department): [string, string] => [
            department.id,
            nameIn(this.l10n.locale, department.name, department.id),
          ]),
        ])}
        <label class="check"><input type="checkbox" name="overdue" /> ${this.it.overdue}</label>
        <div class="field"><button type="submit">${this.it.apply}</button></div>
      </form>
    `;
  }

  /** Every department's topics, grouped by department (a topic id means the same in each). */
  private renderTopicFilter(): TemplateResult {
    const { locale } = this.l10n;
    return html`
      <div class="field">
        <label for="filter-topic">${this.it.topic}</label>
        <select id="filter-topic" name="topic">
          <option value="">${this.it.anyTopic}</option>
          ${this.departments.map(
            (department) => html`<optgroup label=${nameIn(locale, department.name, department.id)}>
              ${department.categories.map(
                (topic) =>
                  html`<option value=${topic.id}>${nameIn(locale, topic.name, topic.id)}</option>`,
              )}
            </optgroup>`,
          )}
        </select>
      </div>
    `;
  }

  /**
   * The classification filter: every label of each department that has any, under its category
   * (a category finds its whole subtree); none when no department is classified.
   */
  private renderClassificationFilter(): TemplateResult | typeof nothing {
    if (this.classification.size === 0) return nothing;
    const { locale } = this.l10n;
    return html`
      <div class="field">
        <label for="filter-classification">${this.it.classification}</label>
        <select id="filter-classification" name="classification">
          <option value="">${this.it.anyClassification}</option>
          ${[...this.classification].map(
            ([
              department,
              labels,
            ]) => html`<optgroup label=${departmentName(this.departments, locale, department)}>
              ${allPaths(labels).map(
                (path) =>
                  html`<option value=${path.join('/')}>${pathName(labels, path, locale)}</option>`,
              )}
            </optgroup>`,
          )}
        </select>
      </div>
    `;
  }

  private renderList(): TemplateResult {
    const t = this.l10n.t;
    if (this.failed) {
      return html`<p role="alert">${t.errors.load}</p>
        <button type="button" @click=${() => this.load()}>${t.errors.retry}</button>`;
    }
    if (!this.page) return html`<p>${t.loading}</p>`;
    if (this.page.cases.length === 0) return html`<p>${this.it.none}</p>`;
    return html`
      ${scrollingTable(
        this.it.caption,
        html`<table>
          <caption class="visually-hidden">${this.it.caption}</caption>
          <thead>
            <tr>
              <th scope="col">${this.it.reference}</th>
              <th scope="col">${this.it.received}</th>
              <th scope="col">${this.it.channel}</th>
              <th scope="col">${this.it.from}</th>
              <th scope="col">${this.it.message}</th>
              <th scope="col">${this.it.status}</th>
              <th scope="col">${this.it.assignee}</th>
              <th scope="col">${this.it.answerBy}</th>
            </tr>
          </thead>
          <tbody>
            ${this.page.cases.map((row) => this.renderRow(row))}
          </tbody>
        </table>`,
      )}
      ${
        this.page.next
          ? html`<button type="button" class="secondary" @click=${() => this.load(true)}>
            ${this.it.more}
          </button>`
          : nothing
      }
    `;
  }

  private renderRow(row: AgentCaseSummary): TemplateResult {
    const t = this.l10n.t;
    const v = t.vocabulary;
    const needs = row.needs.map((need) => v.needs[need]).join(', ');
    return html`
      <tr class=${row.overdue ? 'overdue' : ''}>
        <th scope="row">
          <a href=${`${this.base}/cases/${encodeURIComponent(row.reference)}`}>${row.reference}</a>
        </th>
        <td><time datetime=${row.createdAt}>${this.l10n.dateTime(row.createdAt)}</time></td>
        <td>${v.channels[row.channel] ?? row.channel}</td>
        <td>
          ${row.name ?? ''}
          <div class="muted">
            ${this.department(row.department)}${
              row.forwardedTo ? ` → ${this.department(row.forwardedTo)}` : ''
            }
            · ${this.topic(row)}
          </div>
          ${
            row.classification
              ? html`<div class="muted">
                ${this.it.classification}:
                ${pathName(this.classification.get(row.department) ?? [], row.classification, this.l10n.locale)}
              </div>`
              : nothing
          }
        </td>
        <td class="excerpt">
          ${row.excerpt}${this.place(row)}${needs ? html`<div class="muted">${needs}</div>` : nothing}
        </td>
        <td>
          ${v.statuses[row.status] ?? row.status}
          ${
            row.statusSince && !isFinishedStatus(row.status)
              ? html`<div class="muted">
                ${this.it.statusFor(
                  formatDuration(
                    Math.max(0, Date.now() - Date.parse(row.statusSince)) / 60_000,
                    this.l10n.locale,
                  ),
                )}
              </div>`
              : nothing
          }
          ${
            row.priority === 'medium'
              ? nothing
              : html`<div class=${row.priority === 'high' ? 'late' : 'muted'}>
                ${this.it.priority}: ${v.priorities[row.priority]}
              </div>`
          }
          ${
            row.resumeAt
              ? html`<div class="muted">${this.l10n.t.inbox.resumes(this.l10n.dateTime(row.resumeAt))}</div>`
              : nothing
          }
        </td>
        <td>${row.assignee?.name ?? ''}</td>
        <td>
          ${
            row.answerBy
              ? html`<time datetime=${row.answerBy}>${this.l10n.dateTime(row.answerBy)}</time>`
              : nothing
          }
          ${row.overdue ? html`<strong class="late">${this.l10n.t.inbox.late}</strong>` : nothing}
        </td>
      </tr>
    `;
  }

  private department(id: string): string {
    return departmentName(this.departments, this.l10n.locale, id);
  }

  private renderRegister(): TemplateResult {
    const t = this.it;
    const v = this.l10n.t.vocabulary;
    const texts = REGISTER_TEXTS[this.l10n.locale];
    const fields: RegisterFieldContext = {
      errors: this.registerErrors,
      errorText: (field, code) => registerErrorText(texts, this.l10n.t, field, code),
    };
    return html`
      <details>
        <summary>${t.register}</summary>
        <form @submit=${this.register} novalidate>
          ${
            this.registerErrors.has('form')
              ? html`<p class="error" role="alert">${this.l10n.t.errors.load}</p>`
              : nothing
          }
          <div class="field">
            <label for="register-channel">${t.registerChannel}</label>
            <select id="register-channel" name="channel">
              ${REGISTERED_CHANNELS.map(
                (channel) => html`<option value=${channel}>${v.channels[channel]}</option>`,
              )}
            </select>
          </div>
          <div class="field">
            <label for="register-department">${t.registerDepartment}</label>
            <select
              id="register-department"
              name="department"
              @change=${(event: Event) => {
                this.registerDepartment = (event.target as HTMLSelectElement).value;
              }}
            >
              ${this.departments.map(
                (department) => html`<option
                  value=${department.id}
                  ?selected=${department.id === this.registerDepartment}
                >
                  ${nameIn(this.l10n.locale, department.name, department.id)}
                </option>`,
              )}
            </select>
          </div>
          <div class="field">
            <label for="register-topic">${t.registerTopic}</label>
            <select id="register-topic" name="topic">
              ${(
                this.departments.find((each) => each.id === this.registerDepartment)?.categories ??
                  []
              ).map(
                (topic) =>
                  html`<option value=${topic.id}>
                    ${nameIn(this.l10n.locale, topic.name, topic.id)}
                  </option>`,
              )}
            </select>
          </div>
          ${registerField(fields, 'notes', t.registerNotes, { multiline: true })}
          ${answerFields({
            ...fields,
            channel: this.registerAnswer,
            t: this.l10n.t,
            texts,
            choose: (channel) => {
              this.registerAnswer = channel;
              this.registerErrors = withoutAnswerErrors(this.registerErrors);
            },
          })}
          <button type="submit">${t.registerSubmit}</button>
        </form>
      </details>
    `;
  }
}
