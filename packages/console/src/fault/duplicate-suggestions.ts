import type { AgentCase, AgentClient } from '@kontakt/core/agent';
import type { NearbyReport } from '@kontakt/core/schemas';
import type { PropertyValues, TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import { ConsoleElement } from '../internal/console-element.js';
import { isAbort, reportSessionEnd } from '../internal/errors.js';
import { base, tokens } from '../styles/tokens.js';
import { viewStyles } from '../views/view.styles.js';
import { nearbyReports } from './nearby.js';
import { FAULT_TEXTS } from './texts.js';

/** A suggestion was chosen: `reference` is the case to mark this one a duplicate of. */
export class KcPickDuplicateEvent extends Event {
  constructor(readonly reference: string) {
    super('kc-pick-duplicate', { bubbles: true, composed: true });
  }
}

/**
 * Candidates for "Markera som dubblett" on a fault case: the open reports of the same category
 * near its point, nearest first, each linked (to look at it first; the link is relative to the
 * case view's URL, `/console/cases/<reference>`) and with a button that puts its reference in the
 * form (`kc-pick-duplicate`). Nothing is shown for a case without a point.
 *
 * @summary Open fault reports nearby, to pick the original from.
 * @fires kc-pick-duplicate - A suggestion was chosen.
 */
export class KcDuplicateSuggestions extends ConsoleElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    css`
      h4 {
        font-size: 1rem;
        margin-block: var(--_space-s);
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_space-m);
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-s);
        align-items: center;
        margin-block-end: var(--_space-s);
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    data: { attribute: false },
    reports: { state: true },
  };

  client: AgentClient | undefined;
  /** The case being marked: its department, category and point. */
  data: AgentCase | undefined;
  protected reports: NearbyReport[] | undefined;
  private loading: AbortController | undefined;
  private loadedFor = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loading?.abort();
    this.loadedFor = '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('data') && !changed.has('client')) return;
    const fault = this.data?.fault;
    const { lat, lon } = fault?.location ?? {};
    const key =
      this.data && fault && typeof lat === 'number' && typeof lon === 'number'
        ? `${this.data.reference}|${fault.category}|${lat}|${lon}`
        : '';
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    this.reports = undefined;
    if (key && this.data && fault && typeof lat === 'number' && typeof lon === 'number') {
      void this.load(this.data.origin.department, fault.category, lat, lon, this.data.reference);
    }
  }

  private async load(
    department: string,
    category: string,
    lat: number,
    lon: number,
    own: string,
  ): Promise<void> {
    if (!this.client) return;
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    try {
      const reports = await nearbyReports(
        this.client,
        { department, category, lat, lon },
        loading.signal,
      );
      this.reports = reports.filter((report) => report.reference !== own);
    } catch (error) {
      // Suggestions only help: without them the reference is typed.
      if (!isAbort(error)) reportSessionEnd(this, error);
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.loadedFor || !this.reports) return nothing;
    const t = FAULT_TEXTS[this.l10n.locale].duplicate;
    return html`<h4 id="suggestions-heading">${t.suggestions}</h4>
      ${
        this.reports.length
          ? html`<ul aria-labelledby="suggestions-heading">
            ${this.reports.map(
              (report) => html`<li>
                <span>
                  <a href=${encodeURIComponent(report.reference)}>${report.reference}</a>${t.suggestion(
                    report.distanceMeters,
                    this.l10n.dateTime(report.createdAt),
                  )}
                </span>
                <button
                  type="button"
                  class="secondary"
                  @click=${() => this.dispatchEvent(new KcPickDuplicateEvent(report.reference))}
                >
                  ${t.use(report.reference)}
                </button>
              </li>`,
            )}
          </ul>`
          : html`<p class="hint">${t.noSuggestions}</p>`
      }`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-pick-duplicate': KcPickDuplicateEvent;
  }
}
