import type { AgentClient } from '@kontakt/core/agent';
import type { AdminNotice, NoticeInput, NoticeSeverity } from '@kontakt/core/schemas';
import { LOCALES, NOTICE_SEVERITIES } from '@kontakt/core/schemas';
import type { PropertyValues, TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import { ConsoleElement } from '../internal/console-element.js';
import { errorCode, isAbort, reportSessionEnd } from '../internal/errors.js';
import { KcAnnounceEvent } from '../internal/events.js';
import type { AdminNoticesResource } from '../notices/admin-notices.js';
import { adminNotices } from '../notices/admin-notices.js';
import { base, tokens } from '../styles/tokens.js';
import { fromLocalInput, toLocalInput } from './datetime.js';
import type { NoticesTexts } from './notices-texts.js';
import { NOTICES_TEXTS } from './notices-texts.js';

type NoticeLocale = (typeof LOCALES)[number];

/**
 * Publish, change and withdraw crisis and service notices (admins): the list of notices and
 * one form, which publishes a new notice or, after "Change", saves the one chosen.
 *
 * @summary The admin's notices view.
 */
export class KcNoticesView extends ConsoleElement {
  static override styles = [
    tokens,
    base,
    css`
      .notice {
        padding: var(--_space-m);
        margin-block-end: var(--_space-m);
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius);
      }
      .notice h3 {
        margin: 0 0 var(--_space-s);
        overflow-wrap: anywhere;
      }
      .notice p {
        overflow-wrap: anywhere;
        white-space: pre-wrap;
        unicode-bidi: plaintext;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-s);
      }
      fieldset {
        margin: 0 0 var(--_space-m);
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius);
      }
      legend {
        font-weight: 600;
      }
      input,
      textarea,
      select {
        inline-size: 100%;
      }
      .hint {
        margin: 0;
        color: var(--_color-text-muted);
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    notices: { state: true },
    failed: { state: true },
    editing: { state: true },
    errors: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  client: AgentClient | undefined;
  protected notices: AdminNotice[] | undefined;

  /** The notices view's own words (a chunk with the view: `NOTICES_TEXTS`). */
  private get nt(): NoticesTexts {
    return NOTICES_TEXTS[this.l10n.locale];
  }
  protected failed = false;
  /** The notice the form changes; `undefined`: the form publishes a new one. */
  protected editing: AdminNotice | undefined;
  /** Field errors of the last try, by field path (`title.fi`). */
  protected errors: Map<string, string> = new Map();
  protected problem = '';
  protected busy = false;
  private loading: AbortController | undefined;

  private get api(): AdminNoticesResource | undefined {
    return this.client && adminNotices(this.client);
  }

  /**
   * Loads once the client is there: a view rendered before its chunk arrived gets its properties
   * at its first update, not yet when it connects.
   */
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('client')) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loading?.abort();
  }

  private async load(): Promise<void> {
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    this.failed = false;
    try {
      this.notices = await this.api?.list({ signal: loading.signal });
    } catch (error) {
      if (isAbort(error) || reportSessionEnd(this, error)) return;
      this.failed = true;
    }
  }

  private announce(message: string): void {
    this.dispatchEvent(new KcAnnounceEvent(message));
  }

  private titleOf(notice: AdminNotice): string {
    return notice.title[this.l10n.locale];
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const api = this.api;
    if (!api || this.busy) return;
    const form = event.target as HTMLFormElement;
    const input = this.readForm(form);
    this.errors = this.missingFields(input);
    this.problem = '';
    if (this.errors.size === 0) {
      this.busy = true;
      try {
        const notice = this.editing
          ? await api.change(this.editing.id, input)
          : await api.publish(input);
        const t = this.nt;
        this.announce(
          this.editing ? t.changed(this.titleOf(notice)) : t.published(this.titleOf(notice)),
        );
        this.editing = undefined;
        form.reset();
        await this.load();
        return;
      } catch (error) {
        if (reportSessionEnd(this, error)) return;
        this.errors = this.fieldErrorsOf(error);
        if (this.errors.size === 0) this.problem = this.describe(error);
      } finally {
        this.busy = false;
      }
    }
    await this.updateComplete;
    if (this.errors.size > 0) {
      this.problem = this.nt.fixErrors(this.errors.size);
      const [first] = this.errors.keys();
      this.renderRoot.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
    }
  }

  private readForm(form: HTMLFormElement): NoticeInput {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const byLocale = (prefix: string) =>
      Object.fromEntries(LOCALES.map((locale) => [locale, text(`${prefix}.${locale}`)])) as Record<
        NoticeLocale,
        string
      >;
    const departments = text('departments')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const startsAt = fromLocalInput(text('startsAt'));
    const endsAt = fromLocalInput(text('endsAt'));
    return {
      title: byLocale('title'),
      text: byLocale('text'),
      severity: text('severity') as NoticeSeverity,
      departments: departments.length > 0 ? departments : 'all',
      ...(startsAt ? { startsAt } : {}),
      endsAt: endsAt ?? null,
    };
  }

  /** Empty texts, found before asking the server (which would refuse them the same way). */
  private missingFields(input: NoticeInput): Map<string, string> {
    const errors = new Map<string, string>();
    // In the order of the form, so focus goes to the first one a person meets.
    for (const locale of LOCALES) {
      for (const part of ['title', 'text'] as const) {
        if (!input[part][locale]) errors.set(`${part}.${locale}`, 'required');
      }
    }
    return errors;
  }

  private fieldErrorsOf(error: unknown): Map<string, string> {
    const fields = (error as { fieldErrors?: { field: string; code: string }[] }).fieldErrors ?? [];
    return new Map(fields.map((field) => [field.field, field.code]));
  }

  private describe(error: unknown): string {
    const t = this.l10n.t.errors;
    switch (errorCode(error)) {
      case 'forbidden':
        return t.forbidden;
      case 'network_error':
      case 'timeout':
        return t.network;
      default:
        return t.load;
    }
  }

  private async withdraw(notice: AdminNotice): Promise<void> {
    try {
      const withdrawn = await this.api?.withdraw(notice.id);
      if (withdrawn) this.announce(this.nt.withdrawnNotice(this.titleOf(withdrawn)));
      await this.load();
    } catch (error) {
      if (!reportSessionEnd(this, error)) this.announce(this.describe(error));
    }
  }

  private async edit(notice: AdminNotice): Promise<void> {
    this.editing = notice;
    this.errors = new Map();
    this.problem = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#form-heading')?.focus();
  }

  private cancel(): void {
    this.editing = undefined;
    this.errors = new Map();
    this.problem = '';
  }

  protected override render(): TemplateResult {
    const t = this.nt;
    return html`
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">${t.current}</h2>
        ${this.renderList()}
      </section>
      <section aria-labelledby="form-heading">
        <h2 id="form-heading" tabindex="-1">
          ${this.editing ? `${t.change}: ${this.titleOf(this.editing)}` : t.publish}
        </h2>
        ${this.renderForm()}
      </section>
    `;
  }

  private renderList(): TemplateResult {
    const t = this.l10n.t;
    if (this.failed) {
      return html`
        <p role="alert">${t.errors.load}</p>
        <button type="button" @click=${() => this.load()}>${t.errors.retry}</button>
      `;
    }
    if (!this.notices) return html`<p>${t.loading}</p>`;
    if (this.notices.length === 0) return html`<p>${this.nt.none}</p>`;
    return html`${this.notices.map((notice) => this.renderNotice(notice))}`;
  }

  private renderNotice(notice: AdminNotice): TemplateResult {
    const t = this.nt;
    const departments =
      notice.departments === 'all' ? t.allDepartments : notice.departments.join(', ');
    const period = `${this.l10n.dateTime(notice.startsAt)} – ${
      notice.endsAt ? this.l10n.dateTime(notice.endsAt) : t.until
    }`;
    return html`
      <article class="notice" aria-labelledby=${`notice-${notice.id}`}>
        <h3 id=${`notice-${notice.id}`}>${this.titleOf(notice)}</h3>
        <p>${notice.text[this.l10n.locale]}</p>
        <p>
          ${t.severities[notice.severity]} · ${departments} · ${period}
          ${notice.withdrawnAt ? html` · <strong>${t.withdrawn}</strong>` : nothing}
        </p>
        ${
          notice.withdrawnAt
            ? nothing
            : html`<div class="actions">
              <button
                type="button"
                class="secondary"
                aria-label=${`${t.change}: ${this.titleOf(notice)}`}
                @click=${() => this.edit(notice)}
              >
                ${t.change}
              </button>
              <button
                type="button"
                class="secondary"
                aria-label=${`${t.withdraw}: ${this.titleOf(notice)}`}
                @click=${() => this.withdraw(notice)}
              >
                ${t.withdraw}
              </button>
            </div>`
        }
      </article>
    `;
  }

  private renderForm(): TemplateResult {
    const t = this.nt;
    const notice = this.editing;
    const departments =
      !notice || notice.departments === 'all' ? '' : notice.departments.join(', ');
    // A new form for each notice edited, so its inputs start from that notice's values.
    return html`
      <form novalidate @submit=${this.submit} data-editing=${notice?.id ?? 'new'}>
        <div class="problem" role="alert">${this.problem}</div>
        <div class="field">
          <label for="severity">${t.severity}</label>
          <select id="severity" name="severity" data-field="severity">
            ${NOTICE_SEVERITIES.map(
              (severity) => html`<option
                value=${severity}
                ?selected=${(notice?.severity ?? 'info') === severity}
              >
                ${t.severities[severity]}
              </option>`,
            )}
          </select>
        </div>
        ${this.renderInput('departments', t.departments, departments, t.departmentsHint)}
        ${LOCALES.map(
          (locale) => html`
            <fieldset>
              <legend>${t.languages[locale]}</legend>
              ${this.renderInput(`title.${locale}`, t.title(t.languages[locale]), notice?.title[locale] ?? '', undefined, locale)}
              ${this.renderInput(`text.${locale}`, t.text(t.languages[locale]), notice?.text[locale] ?? '', undefined, locale, true)}
            </fieldset>
          `,
        )}
        ${this.renderInput('startsAt', t.startsAt, notice ? toLocalInput(notice.startsAt) : '', undefined, undefined, false, 'datetime-local')}
        ${this.renderInput('endsAt', t.endsAt, notice?.endsAt ? toLocalInput(notice.endsAt) : '', t.endsHint, undefined, false, 'datetime-local')}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${notice ? t.save : t.publish}</button>
          ${
            notice
              ? html`<button type="button" class="secondary" @click=${this.cancel}>
                ${t.cancel}
              </button>`
              : nothing
          }
        </div>
      </form>
    `;
  }

  private renderInput(
    name: string,
    label: string,
    value: string,
    hint?: string,
    lang?: NoticeLocale,
    multiline = false,
    type = 'text',
  ): TemplateResult {
    const id = name.replace('.', '-');
    const error = this.errors.get(name);
    const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
    const common = {
      id,
      describedby: described.length > 0 ? described.join(' ') : nothing,
      invalid: error ? 'true' : 'false',
      dir: lang === 'ar' ? 'rtl' : nothing,
    };
    return html`
      <div class="field">
        <label for=${id}>${label}</label>
        ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
        ${
          multiline
            ? html`<textarea
              id=${common.id}
              name=${name}
              data-field=${name}
              rows="3"
              lang=${lang ?? nothing}
              dir=${common.dir}
              aria-invalid=${common.invalid}
              aria-describedby=${common.describedby}
              .value=${value}
            ></textarea>`
            : html`<input
              id=${common.id}
              name=${name}
              data-field=${name}
              type=${type}
              lang=${lang ?? nothing}
              dir=${common.dir}
              aria-invalid=${common.invalid}
              aria-describedby=${common.describedby}
              .value=${value}
            />`
        }
        ${
          error
            ? html`<p class="error" id=${`${id}-error`}>${this.l10n.t.notices.fieldError(error)}</p>`
            : nothing
        }
      </div>
    `;
  }
}
