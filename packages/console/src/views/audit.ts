import type { AgentClient, AuditEntry, AuditQuery } from '@kontakt/core/agent';
import type { PropertyValues, TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import { ConsoleElement } from '../internal/console-element.js';
import { isAbort, reportSessionEnd } from '../internal/errors.js';
import { KcAnnounceEvent } from '../internal/events.js';
import { base, tokens } from '../styles/tokens.js';
import { fromLocalInput } from './datetime.js';
import { scrollingTable } from './scrolling-table.js';
import { fieldRowStyles } from './view.styles.js';

/**
 * The audit log (admins): every agent action, newest first, filtered by agent, case and period,
 * a page at a time ("Show more" follows the server's cursor).
 *
 * @summary The admin's audit log view.
 */
export class KcAuditView extends ConsoleElement {
  static override styles = [
    tokens,
    base,
    fieldRowStyles,
    css`
      .table {
        overflow-x: auto;
      }
      code {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    entries: { state: true },
    next: { state: true },
    failed: { state: true },
  };

  client: AgentClient | undefined;
  protected entries: AuditEntry[] | undefined;
  protected next: string | null = null;
  protected failed = false;
  private query: AuditQuery = {};
  private loading: AbortController | undefined;

  /**
   * Loads once the client is there: a view rendered before its chunk arrived gets its properties
   * at its first update, not yet when it connects.
   */
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('client')) void this.load(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loading?.abort();
  }

  private async load(more: boolean): Promise<void> {
    if (!this.client) return;
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    this.failed = false;
    try {
      const page = await this.client.audit.list(
        { ...this.query, ...(more && this.next ? { cursor: this.next } : {}) },
        { signal: loading.signal },
      );
      this.entries = more ? [...(this.entries ?? []), ...page.entries] : page.entries;
      this.next = page.next;
      this.dispatchEvent(new KcAnnounceEvent(this.l10n.t.audit.shown(this.entries.length)));
    } catch (error) {
      if (isAbort(error) || reportSessionEnd(this, error)) return;
      this.failed = true;
    }
  }

  private filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const from = fromLocalInput(text('from'));
    const to = fromLocalInput(text('to'));
    this.query = {
      ...(text('agent') ? { agent: text('agent') } : {}),
      ...(text('case') ? { case: text('case') } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
    void this.load(false);
  }

  protected override render(): TemplateResult {
    const t = this.l10n.t;
    return html`
      <form role="search" aria-label=${t.audit.filters} @submit=${this.filter}>
        ${this.field('agent', t.audit.agent, 'text')} ${this.field('case', t.audit.caseReference, 'text')}
        ${this.field('from', t.audit.from, 'datetime-local')} ${this.field('to', t.audit.to, 'datetime-local')}
        <button type="submit">${t.audit.apply}</button>
      </form>
      ${this.renderEntries()}
    `;
  }

  private field(name: string, label: string, type: string): TemplateResult {
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} type=${type} />
    </div>`;
  }

  private renderEntries(): TemplateResult {
    const t = this.l10n.t;
    if (this.failed) {
      return html`<p role="alert">${t.errors.load}</p>
        <button type="button" @click=${() => this.load(false)}>${t.errors.retry}</button>`;
    }
    if (!this.entries) return html`<p>${t.loading}</p>`;
    if (this.entries.length === 0) return html`<p>${t.audit.none}</p>`;
    return html`
      ${scrollingTable(
        t.audit.heading,
        html`<table>
          <caption class="visually-hidden">${t.audit.heading}</caption>
          <thead>
            <tr>
              <th scope="col">${t.audit.when}</th>
              <th scope="col">${t.audit.who}</th>
              <th scope="col">${t.audit.what}</th>
              <th scope="col">${t.audit.which}</th>
              <th scope="col">${t.audit.detail}</th>
            </tr>
          </thead>
          <tbody>
            ${this.entries.map(
              (entry) => html`<tr>
                <td><time datetime=${entry.at}>${this.l10n.dateTime(entry.at)}</time></td>
                <td>${entry.agentId}</td>
                <td>${entry.action}</td>
                <td>${entry.caseReference ?? ''}</td>
                <td><code>${Object.keys(entry.detail).length ? JSON.stringify(entry.detail) : ''}</code></td>
              </tr>`,
            )}
          </tbody>
        </table>`,
      )}
      ${
        this.next
          ? html`<button type="button" class="secondary" @click=${() => this.load(true)}>
            ${t.audit.more}
          </button>`
          : nothing
      }
    `;
  }
}
