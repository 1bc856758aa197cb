import type {
  AgentClient,
  ClosingReason,
  ContactReason,
  Dashboard,
  DashboardBreakdown,
  DashboardShare,
  DashboardTable,
} from '@kontakt/core/agent';
import type { CaseChannel } from '@kontakt/core/schemas';
import type { PropertyValues, TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import type { BarRow } from '../charts/bar-chart.js';
import { barChart, barChartStyles } from '../charts/bar-chart.js';
import type { Classification } from '../classification.js';
import { classificationOf, pathNameAnywhere } from '../classification.js';
import { ConsoleElement } from '../internal/console-element.js';
import { errorCode, isAbort, reportSessionEnd } from '../internal/errors.js';
import { KcAnnounceEvent } from '../internal/events.js';
import { safeLink } from '../safe-link.js';
import { base, tokens } from '../styles/tokens.js';
import type { Period, PeriodKind, PeriodProblem } from './dashboard-period.js';
import {
  checkPeriod,
  PERIOD_KINDS,
  parseDay,
  periodBounds,
  periodFromQuery,
  periodQuery,
  presetPeriod,
  today,
} from './dashboard-period.js';
import type { DashboardTexts } from './dashboard-texts.js';
import { DASHBOARD_TEXTS } from './dashboard-texts.js';
import { formatDuration } from './duration.js';
import { scrollingTable } from './scrolling-table.js';
import { fieldRowStyles, viewStyles } from './view.styles.js';

type LoadState = 'loading' | 'loaded' | 'failed' | 'forbidden';

/** A breakdown's rows' keys: what kind of id they are, so they can be named. */
type KeyKind =
  | 'department'
  | 'page'
  | 'topic'
  | 'channel'
  | 'reason'
  | 'closing'
  | 'classification';
/** A name as departments, topics and reasons are configured: Swedish, perhaps English. */
type LocalizedName = { sv: string; en?: string | undefined };

/**
 * The dashboard (agents and admins): contacts by department, page, topic, channel, reason and
 * classification over a period; avoidable demand by page; the KKiK promises (e-mail answered
 * within two working days, chats answered directly); time to first answer; overdue cases now;
 * the cases finished in the period by closing reason, and their time in each status. Every chart
 * is drawn beside its table, and every table can be downloaded as CSV. The period is in the URL
 * query, so a view of the dashboard can be linked and reloaded.
 *
 * @summary The dashboard view.
 */
export class KcDashboardView extends ConsoleElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    barChartStyles,
    fieldRowStyles,
    css`
      .period-shown {
        font-weight: 600;
      }
      section {
        margin-block: var(--_space-l, 2rem);
      }
      h2 {
        font-size: 1.25rem;
      }
      .figures {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
        gap: var(--_space-m);
        margin: 0;
      }
      .figures div {
        padding: var(--_space-m);
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius, 4px);
      }
      .figures dt {
        font-weight: 400;
      }
      .figures dd {
        margin: 0;
        font-size: 1.75rem;
        font-weight: 700;
      }
      .figures dd.detail {
        font-size: 0.875rem;
        font-weight: 400;
        color: var(--_color-text-muted);
      }
      td {
        overflow-wrap: anywhere;
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    kind: { state: true },
    period: { state: true },
    problem: { state: true },
    state: { state: true },
    dashboard: { state: true },
  };

  client: AgentClient | undefined;
  /** The period chosen in the picker (custom dates show only for `custom`). */
  protected kind: PeriodKind = 'this-month';
  /** The period shown (or being loaded). */
  protected period: Period = presetPeriod('this-month', today());
  protected problem: PeriodProblem | undefined;
  protected state: LoadState = 'loading';
  protected dashboard: Dashboard | undefined;
  private reasons = new Map<string, ContactReason>();
  /** Department and topic names by id, as the departments are configured. */
  private departmentNames = new Map<string, LocalizedName>();
  private topicNames = new Map<string, LocalizedName>();
  /** Each department's classification labels, so paths show by their names. */
  private classification: Classification = new Map();
  private loading: AbortController | undefined;

  /** The dashboard's own words (a chunk with the view: `DASHBOARD_TEXTS`). */
  private get dt(): DashboardTexts {
    return DASHBOARD_TEXTS[this.l10n.locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.period = periodFromQuery(location.search);
    this.kind = this.period.kind;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loading?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('client') && this.client) {
      void this.loadReasons(this.client);
      void this.loadDepartments(this.client);
      void this.loadClassification(this.client);
      void this.load();
    }
  }

  /** Reason names, so reasons show by name; without them their ids are shown. */
  private async loadReasons(client: AgentClient): Promise<void> {
    try {
      const reasons = await client.cases.reasons();
      this.reasons = new Map(reasons.map((reason) => [reason.id, reason]));
      this.requestUpdate();
    } catch {
      // Ids it is, then; the dashboard itself reports what went wrong.
    }
  }

  /** Department and topic names, so they show by name; without them their ids are shown. */
  private async loadDepartments(client: AgentClient): Promise<void> {
    try {
      const departments = await client.departments.list();
      this.departmentNames = new Map(departments.map((each) => [each.id, each.name]));
      // A topic id may be used by more than one department; the first one's name is as good.
      this.topicNames = new Map(
        departments
          .flatMap((each) => each.categories)
          .reverse()
          .map((category) => [category.id, category.name]),
      );
      this.requestUpdate();
    } catch {
      // Ids it is, then.
    }
  }

  /** Classification labels, so paths show by name; without them their ids are shown. */
  private async loadClassification(client: AgentClient): Promise<void> {
    try {
      this.classification = await classificationOf(client);
      this.requestUpdate();
    } catch {
      // Ids it is, then.
    }
  }

  private async load(): Promise<void> {
    if (!this.client) return;
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    const t = this.dt;
    this.state = 'loading';
    this.dispatchEvent(new KcAnnounceEvent(t.loading));
    try {
      this.dashboard = await this.client.dashboard.get(periodBounds(this.period), {
        signal: loading.signal,
      });
      this.state = 'loaded';
      this.dispatchEvent(
        new KcAnnounceEvent(
          this.dashboard.contacts === 0 ? t.empty : t.shown(this.periodText(this.period)),
        ),
      );
    } catch (error) {
      if (isAbort(error) || reportSessionEnd(this, error)) return;
      this.state = errorCode(error) === 'forbidden' ? 'forbidden' : 'failed';
      this.dispatchEvent(new KcAnnounceEvent(this.state === 'forbidden' ? t.forbidden : t.failed));
    }
  }

  private choose(event: Event): void {
    this.kind = (event.target as HTMLSelectElement).value as PeriodKind;
    this.problem = undefined;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    let period: Period;
    if (this.kind === 'custom') {
      const from = parseDay(String(data.get('from') ?? ''));
      const to = parseDay(String(data.get('to') ?? ''));
      this.problem = checkPeriod(from, to);
      if (this.problem || !from || !to) {
        await this.updateComplete;
        this.renderRoot
          .querySelector<HTMLInputElement>(this.problem === 'required' && !from ? '#from' : '#to')
          ?.focus();
        return;
      }
      period = { kind: 'custom', from, to };
    } else {
      period = presetPeriod(this.kind, today());
    }
    this.problem = undefined;
    this.period = period;
    // Replaced, not pushed: the period is part of this view, not a new place to go back from.
    history.replaceState(history.state, '', `${location.pathname}${periodQuery(period)}`);
    void this.load();
  }

  /** `1 dec. 2026 – 31 dec. 2026`: calendar days, so formatted as such (no time zone shift). */
  private periodText(period: Period): string {
    const format = new Intl.DateTimeFormat(this.l10n.locale === 'sv' ? 'sv-SE' : 'en-GB', {
      dateStyle: 'medium',
      timeZone: 'UTC',
    });
    const day = (text: string) => format.format(new Date(`${text}T00:00:00Z`));
    return this.dt.periodShown(day(period.from), day(period.to));
  }

  protected override render(): TemplateResult {
    return html`${this.renderPicker()} ${this.renderBody()}`;
  }

  private renderPicker(): TemplateResult {
    const t = this.dt;
    const custom = this.kind === 'custom';
    const day = (name: 'from' | 'to', label: string, value: string) => html`
      <div class="field">
        <label for=${name}>${label}</label>
        <input
          id=${name}
          name=${name}
          type="date"
          .value=${value}
          required
          aria-invalid=${this.problem ? 'true' : 'false'}
          aria-describedby=${this.problem ? 'period-problem' : nothing}
        />
      </div>
    `;
    return html`
      <form aria-label=${t.period} @submit=${this.submit} novalidate>
        <div class="field">
          <label for="period">${t.period}</label>
          <select id="period" name="period" @change=${this.choose}>
            ${PERIOD_KINDS.map(
              (kind) =>
                html`<option value=${kind} ?selected=${kind === this.kind}>${t.periods[kind]}</option>`,
            )}
          </select>
        </div>
        ${custom ? day('from', t.from, this.period.from) : nothing}
        ${custom ? day('to', t.to, this.period.to) : nothing}
        <button type="submit">${t.show}</button>
      </form>
      ${this.problem ? html`<p class="error" id="period-problem" role="alert">${t.problems[this.problem]}</p>` : nothing}
      <p class="period-shown">${this.periodText(this.period)}</p>
    `;
  }

  private renderBody(): TemplateResult {
    const t = this.l10n.t;
    switch (this.state) {
      case 'loading':
        return html`<p>${this.dt.loading}</p>`;
      case 'forbidden':
        return html`<p>${this.dt.forbidden}</p>`;
      case 'failed':
        return html`
          <p>${this.dt.failed}</p>
          <button type="button" @click=${() => this.load()}>${t.errors.retry}</button>
        `;
      case 'loaded':
        return this.dashboard ? this.renderDashboard(this.dashboard) : html``;
    }
  }

  private renderDashboard(data: Dashboard): TemplateResult {
    const t = this.dt;
    if (data.contacts === 0) {
      return html`
        <p>${t.empty}</p>
        ${this.renderOverdue(data)}
      `;
    }
    return html`
      ${this.renderTotals(data)} ${this.renderPromises(data)} ${this.renderFirstAnswer(data)}
      ${this.renderOverdue(data)}
      ${this.renderBreakdown('departments', t.byDepartment, t.department, data.byDepartment, 'department')}
      ${this.renderBreakdown('avoidable-pages', t.avoidableByPage, t.page, data.avoidableByPage, 'page', false)}
      ${this.renderBreakdown('pages', t.byPage, t.page, data.byPage, 'page')}
      ${this.renderBreakdown('topics', t.byTopic, t.topic, data.byTopic, 'topic')}
      ${this.renderBreakdown('channels', t.byChannel, t.channel, data.byChannel, 'channel')}
      ${this.renderBreakdown('reasons', t.byReason, t.reason, data.byReason, 'reason')}
      ${
        data.byClosingReason.rows.length
          ? this.renderBreakdown(
              'closing-reasons',
              t.byClosingReason,
              t.closingReason,
              data.byClosingReason,
              'closing',
            )
          : nothing
      }
      ${
        data.byClassification.rows.some((row) => row.key !== '')
          ? this.renderBreakdown(
              'classifications',
              t.byClassification,
              t.classification,
              data.byClassification,
              'classification',
            )
          : nothing
      }
      ${this.renderTimeInStatus(data)}
    `;
  }

  private get numbers(): Intl.NumberFormat {
    return new Intl.NumberFormat(this.l10n.locale === 'sv' ? 'sv-SE' : 'en-GB');
  }

  private percent(share: number): string {
    return new Intl.NumberFormat(this.l10n.locale === 'sv' ? 'sv-SE' : 'en-GB', {
      style: 'percent',
      maximumFractionDigits: 0,
    }).format(share);
  }

  private renderTotals(data: Dashboard): TemplateResult {
    const t = this.dt;
    const n = (value: number) => this.numbers.format(value);
    return html`
      <section aria-labelledby="totals">
        <h2 id="totals">${t.totals}</h2>
        <dl class="figures">
          <div><dt>${t.contacts}</dt><dd>${n(data.contacts)}</dd></div>
          <div><dt>${t.tagged}</dt><dd>${n(data.tagged)}</dd></div>
          <div>
            <dt>${t.avoidable}</dt>
            <dd>${n(data.avoidable)}</dd>
            ${
              data.tagged > 0
                ? html`<dd class="detail">${t.avoidableShare(this.percent(data.avoidable / data.tagged))}</dd>`
                : nothing
            }
          </div>
        </dl>
      </section>
    `;
  }

  private renderPromises(data: Dashboard): TemplateResult {
    const t = this.dt;
    const figure = (label: string, share: DashboardShare) => html`
      <div>
        <dt>${label}</dt>
        <dd>${share.share === null ? t.noData : this.percent(share.share)}</dd>
        ${share.counted > 0 ? html`<dd class="detail">${t.keptOf(share.kept, share.counted)}</dd>` : nothing}
        ${share.pending > 0 ? html`<dd class="detail">${t.pending(share.pending)}</dd>` : nothing}
      </div>
    `;
    return html`
      <section aria-labelledby="promises">
        <h2 id="promises">${t.promises}</h2>
        <dl class="figures">
          ${figure(t.emailInTime, data.emailAnsweredInTime)}
          ${figure(t.chatsDirect, data.chatsAnsweredDirectly)}
          ${
            data.resolvedByContactCenter.counted > 0
              ? figure(t.resolvedByContactCenter, data.resolvedByContactCenter)
              : nothing
          }
        </dl>
      </section>
    `;
  }

  /** A median or percentile in the element's language; `null` (none counted) as "no data". */
  private duration(minutes: number | null): string {
    return minutes === null ? this.dt.noData : formatDuration(minutes, this.l10n.locale);
  }

  private renderFirstAnswer(data: Dashboard): TemplateResult {
    const t = this.dt;
    const n = (value: number) => this.numbers.format(value);
    return html`
      <section aria-labelledby="first-answer">
        <h2 id="first-answer">${t.firstAnswer}</h2>
        ${scrollingTable(
          t.firstAnswer,
          html`<table>
            <caption class="visually-hidden">${t.firstAnswer}</caption>
            <thead>
              <tr>
                <th scope="col">${t.channel}</th>
                <th scope="col" class="number">${t.answered}</th>
                <th scope="col" class="number">${t.unanswered}</th>
                <th scope="col" class="number">${t.median}</th>
                <th scope="col" class="number">${t.p90}</th>
              </tr>
            </thead>
            <tbody>
              ${data.firstAnswer.map(
                (row) => html`<tr>
                  <th scope="row">${this.nameOf('channel', row.channel)}</th>
                  <td class="number">${n(row.answered)}</td>
                  <td class="number">${n(row.unanswered)}</td>
                  <td class="number">${this.duration(row.medianMinutes)}</td>
                  <td class="number">${this.duration(row.p90Minutes)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`,
        )}
        ${this.renderCsv('first-answer', t.firstAnswer)}
      </section>
    `;
  }

  /**
   * Where the cases finished in the period spent their time, status by status; shown once a
   * finished case has a recorded history (a server without it sends no rows).
   */
  private renderTimeInStatus(data: Dashboard): TemplateResult | typeof nothing {
    if (!data.timeInStatus.some((row) => row.cases > 0)) return nothing;
    const t = this.l10n.t;
    const n = (value: number) => this.numbers.format(value);
    return html`
      <section aria-labelledby="time-in-status">
        <h2 id="time-in-status">${this.dt.timeInStatus}</h2>
        <p class="hint">${this.dt.timeInStatusHint}</p>
        ${scrollingTable(
          this.dt.timeInStatus,
          html`<table>
            <caption class="visually-hidden">${this.dt.timeInStatus}</caption>
            <thead>
              <tr>
                <th scope="col">${this.dt.status}</th>
                <th scope="col" class="number">${this.dt.statusCases}</th>
                <th scope="col" class="number">${this.dt.median}</th>
                <th scope="col" class="number">${this.dt.p90}</th>
              </tr>
            </thead>
            <tbody>
              ${data.timeInStatus.map(
                (row) => html`<tr>
                  <th scope="row">${t.vocabulary.statuses[row.status]}</th>
                  <td class="number">${n(row.cases)}</td>
                  <td class="number">${this.duration(row.medianMinutes)}</td>
                  <td class="number">${this.duration(row.p90Minutes)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`,
        )}
        ${this.renderCsv('status-times', this.dt.timeInStatus)}
      </section>
    `;
  }

  private renderOverdue(data: Dashboard): TemplateResult {
    const t = this.dt;
    const rows: BarRow[] = data.overdue.rows.map((row) => ({
      label: this.nameOf('department', row.key),
      value: row.contacts,
    }));
    return html`
      <section aria-labelledby="overdue">
        <h2 id="overdue">${t.overdue}</h2>
        ${barChart(rows, { valueText: (row) => t.overdueValue(row.value) })}
        ${scrollingTable(
          t.overdue,
          html`<table>
            <caption class="visually-hidden">${t.overdue}</caption>
            <thead>
              <tr>
                <th scope="col">${t.department}</th>
                <th scope="col" class="number">${t.overdueCases}</th>
              </tr>
            </thead>
            <tbody>
              ${data.overdue.rows.map(
                (row) => html`<tr>
                  <th scope="row">${this.nameOf('department', row.key)}</th>
                  <td class="number">${this.numbers.format(row.contacts)}</td>
                </tr>`,
              )}
              ${data.overdue.rows.length === 0 ? html`<tr><td colspan="2">0</td></tr>` : nothing}
            </tbody>
          </table>`,
        )}
        ${this.renderCsv('overdue', t.overdue)}
      </section>
    `;
  }

  /**
   * One breakdown: its chart (contacts, and avoidable demand as a second bar) and its table.
   * `withAvoidable: false` for a breakdown that is avoidable demand already.
   */
  private renderBreakdown(
    table: DashboardTable,
    title: string,
    keyLabel: string,
    breakdown: DashboardBreakdown,
    kind: KeyKind,
    withAvoidable = true,
  ): TemplateResult {
    const t = this.dt;
    const n = (value: number) => this.numbers.format(value);
    const id = `table-${table}`;
    const rows: BarRow[] = breakdown.rows.map((row) => ({
      label: this.nameOf(kind, row.key),
      value: row.contacts,
      ...(withAvoidable ? { part: row.avoidable } : {}),
    }));
    if (breakdown.otherContacts > 0) rows.push({ label: t.others, value: breakdown.otherContacts });
    return html`
      <section aria-labelledby=${id}>
        <h2 id=${id}>${title}</h2>
        ${barChart(rows, {
          valueText: (row) => t.barValue(row.value, row.part ?? 0),
          ...(withAvoidable
            ? { legend: { value: t.legendContacts, part: t.legendAvoidable } }
            : {}),
        })}
        ${scrollingTable(
          title,
          html`<table>
            <caption class="visually-hidden">${title}</caption>
            <thead>
              <tr>
                <th scope="col">${keyLabel}</th>
                <th scope="col" class="number">${withAvoidable ? t.contacts : t.avoidable}</th>
                ${withAvoidable ? html`<th scope="col" class="number">${t.avoidable}</th>` : nothing}
              </tr>
            </thead>
            <tbody>
              ${breakdown.rows.map(
                (row) => html`<tr>
                  <th scope="row">${kind === 'page' && row.key ? safeLink(row.key) : this.nameOf(kind, row.key)}</th>
                  <td class="number">${n(row.contacts)}</td>
                  ${withAvoidable ? html`<td class="number">${n(row.avoidable)}</td>` : nothing}
                </tr>`,
              )}
              ${
                breakdown.otherContacts > 0
                  ? html`<tr>
                    <th scope="row">${t.others}</th>
                    <td class="number">${n(breakdown.otherContacts)}</td>
                    ${withAvoidable ? html`<td class="number"></td>` : nothing}
                  </tr>`
                  : nothing
              }
            </tbody>
          </table>`,
        )}
        ${this.renderCsv(table, title)}
      </section>
    `;
  }

  /**
   * A download link of one table as CSV, named with the table and the period. The session
   * cookie goes along (same origin); `download` keeps the console's router off it.
   */
  private renderCsv(table: DashboardTable, title: string): TemplateResult | typeof nothing {
    if (!this.client) return nothing;
    const href = this.client.dashboard.exportUrl({ ...periodBounds(this.period), table });
    const name = `kontakt-${table}-${this.period.from}-${this.period.to}.csv`;
    return html`<p><a href=${href} download=${name}>${this.dt.csv(title)}</a></p>`;
  }

  /** A row's key by its name where the console knows it; else the id. */
  private nameOf(kind: KeyKind, key: string): string {
    const t = this.l10n.t;
    if (key === '') return this.dt.notGiven;
    if (kind === 'channel') return t.vocabulary.channels[key as CaseChannel] ?? key;
    if (kind === 'closing') return t.vocabulary.closingReasons[key as ClosingReason] ?? key;
    if (kind === 'classification') {
      return pathNameAnywhere(this.classification, key, this.l10n.locale);
    }
    if (kind === 'reason') {
      const reason = this.reasons.get(key);
      if (reason) return this.localized(reason.name);
    }
    const names =
      kind === 'department' ? this.departmentNames : kind === 'topic' ? this.topicNames : undefined;
    const name = names?.get(key);
    return name ? this.localized(name) : key;
  }

  /** A configured name in the console's language: English where given, else Swedish. */
  private localized(name: LocalizedName): string {
    return (this.l10n.locale === 'en' ? name.en : undefined) ?? name.sv;
  }
}
