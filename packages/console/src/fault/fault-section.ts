import type { AgentCase, AgentClient, AgentFault } from '@kontakt/core/agent';
import type {
  FaultAnswer,
  FaultAttribute,
  FaultCatalog,
  ReverseGeocode,
} from '@kontakt/core/schemas';
import type { PropertyValues, TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import { ConsoleElement } from '../internal/console-element.js';
import { isAbort, reportSessionEnd } from '../internal/errors.js';
import { photoList, photoListStyles } from '../photos/photo-list.js';
import { base, tokens } from '../styles/tokens.js';
import { faultCatalogOf, placeAt, textIn } from './catalog.js';
import type { PlaceMap } from './fault-map.js';
import type { FaultTexts } from './texts.js';
import { FAULT_TEXTS } from './texts.js';

/**
 * A fault report's own part of the case view: its category, the answers to the category's extra
 * questions (with the questions' words), the place in text and on a map, and the photos. The
 * place is always given in text; the map (a chunk of its own) only shows it as well. Photos load
 * from the agent photo route with the session cookie, as thumbnails that open full size.
 *
 * @summary A fault case's category, answers, place, map and photos.
 */
export class KcFaultSection extends ConsoleElement {
  static override styles = [
    tokens,
    base,
    photoListStyles,
    css`
      h2 {
        font-size: 1.25rem;
        margin-block: var(--_space-m) var(--_space-s);
      }
      h3 {
        font-size: 1.0625rem;
        margin-block: var(--_space-m) var(--_space-s);
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
        white-space: pre-wrap;
      }
      .map {
        block-size: 18rem;
        margin-block-start: var(--_space-s);
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius);
      }
      .map-tools {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-s);
        align-items: center;
        margin-block-start: var(--_space-s);
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    data: { attribute: false },
    catalog: { state: true },
    nearest: { state: true },
    mapProblem: { state: true },
  };

  client: AgentClient | undefined;
  /** The case, with its `fault`. */
  data: AgentCase | undefined;
  protected catalog: FaultCatalog | undefined;
  /** The place the geocoder names at the report's point, for the point `key` (`lat,lon`). */
  protected nearest: { key: string; place: ReverseGeocode['place'] } | undefined;
  protected mapProblem = false;
  private map: PlaceMap | undefined;
  /** What the map shows (point and tiles): drawn again only when that changes. */
  private mapKey = '';
  private catalogFor = '';
  /** The point whose place was last asked for. */
  private askedFor = '';

  private get ft(): FaultTexts {
    return FAULT_TEXTS[this.l10n.locale];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dropMap();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const department = this.data?.origin.department ?? '';
    if ((changed.has('client') || changed.has('data')) && department !== this.catalogFor) {
      this.catalogFor = department;
      this.catalog = undefined;
      void this.loadCatalog(department);
    }
  }

  private async loadCatalog(department: string): Promise<void> {
    if (!this.client || !department) return;
    try {
      const catalog = await faultCatalogOf(this.client, department);
      if (department === this.catalogFor) this.catalog = catalog;
    } catch (error) {
      // Without the catalog the ids stand in for the names, and there is no map: the text says where.
      if (!isAbort(error)) reportSessionEnd(this, error);
    }
  }

  protected override updated(): void {
    void this.drawMap();
    void this.nameThePoint();
  }

  /**
   * For a report with a point and no address, asks the department's geocoder which place is
   * there (`GET /v1/geocode/reverse`), so the agent reads a street, not only coordinates. Once
   * per point; without a geocoder, or when it fails, the coordinates stand alone.
   */
  private async nameThePoint(): Promise<void> {
    const fault = this.data?.fault;
    const point = pointOf(fault);
    const department = this.data?.origin.department;
    const key = point && !fault?.location.address ? keyOf(point) : '';
    if (!this.client || !point || !key || !department || !this.catalog?.geocoder) return;
    if (this.nearest?.key === key || this.askedFor === key) return;
    this.askedFor = key;
    try {
      const place = await placeAt(this.client, department, point);
      if (this.askedFor === key) this.nearest = { key, place };
    } catch (error) {
      if (!isAbort(error)) reportSessionEnd(this, error);
    }
  }

  /** Draws the map once the catalog says how, for a report with a point. */
  private async drawMap(): Promise<void> {
    const point = pointOf(this.data?.fault);
    const settings = this.catalog?.map;
    const key = point && settings ? `${keyOf(point)},${settings.tileUrl}` : '';
    if (key === this.mapKey) return;
    this.dropMap();
    this.mapKey = key;
    if (!point || !settings) return;
    const container = this.renderRoot.querySelector<HTMLElement>('#fault-map');
    if (!container) return;
    try {
      const { createPlaceMap } = await import('./fault-map.js');
      if (this.mapKey !== key || !container.isConnected) return;
      this.map = createPlaceMap({
        container,
        root: this.renderRoot as ShadowRoot,
        settings,
        point,
        label: this.ft.mapLabel,
        describedBy: 'fault-map-help',
        pinLabel: this.ft.pinLabel,
      });
      this.mapProblem = false;
    } catch {
      // A chunk that cannot load (a deploy in between): the place stays in text.
      this.mapProblem = true;
    }
  }

  private dropMap(): void {
    this.map?.destroy();
    this.map = undefined;
    this.mapKey = '';
  }

  protected override render(): TemplateResult | typeof nothing {
    const fault = this.data?.fault;
    if (!this.data || !fault) return nothing;
    const ft = this.ft;
    const category = this.catalog?.categories.find((each) => each.id === fault.category);
    return html`<section aria-labelledby="fault-heading">
      <h2 id="fault-heading">${ft.heading}</h2>
      <dl>
        <dt>${ft.category}</dt>
        <dd>${textIn(this.l10n.locale, category?.name, fault.category)}</dd>
        ${fault.anonymous ? html`<dt>${ft.reporter}</dt><dd>${ft.anonymous}</dd>` : nothing}
      </dl>
      ${this.renderAnswers(fault, category?.attributes ?? [])} ${this.renderPlace(fault)}
      ${photoList({
        locale: this.l10n.locale,
        endpoint: this.client?.endpoint ?? '',
        reference: this.data.reference,
        ids: fault.photos,
      })}
    </section>`;
  }

  private renderAnswers(fault: AgentFault, attributes: FaultAttribute[]): TemplateResult {
    const ft = this.ft;
    const known = new Map(attributes.map((attribute) => [attribute.code, attribute]));
    // The questions' order; answers to questions no longer in the catalog after them, by code.
    const codes = [
      ...[...attributes].sort((a, b) => a.order - b.order).map((each) => each.code),
      ...Object.keys(fault.answers).filter((code) => !known.has(code)),
    ].filter((code) => fault.answers[code] !== undefined && !isEmpty(fault.answers[code]));
    return html`<h3>${ft.answers}</h3>
      ${
        codes.length
          ? html`<dl>
            ${codes.map((code) => {
              const attribute = known.get(code);
              return html`<dt dir="auto">${textIn(this.l10n.locale, attribute?.description, code)}</dt>
                <dd dir="auto">${this.answerText(fault.answers[code] as FaultAnswer, attribute)}</dd>`;
            })}
          </dl>`
          : html`<p>${ft.noAnswers}</p>`
      }`;
  }

  /** An answer in words: choices by their names, a date-time in the console's format. */
  private answerText(answer: FaultAnswer, attribute: FaultAttribute | undefined): string {
    const choice = (key: string) =>
      textIn(this.l10n.locale, attribute?.values.find((value) => value.key === key)?.name, key);
    if (Array.isArray(answer)) return this.ft.list(answer.map(choice));
    if (typeof answer === 'number') return answer.toLocaleString(this.l10n.locale);
    if (attribute?.datatype === 'singlevaluelist') return choice(answer);
    if (attribute?.datatype === 'datetime' && !Number.isNaN(Date.parse(answer))) {
      return this.l10n.dateTime(answer);
    }
    return answer;
  }

  private renderPlace(fault: AgentFault): TemplateResult {
    const ft = this.ft;
    const { address, accuracy } = fault.location;
    const point = pointOf(fault);
    const coordinate = (value: number) => value.toFixed(5);
    const settings = this.catalog?.map;
    const nearest = point && this.nearest?.key === keyOf(point) ? this.nearest.place : null;
    return html`<h3>${ft.place}</h3>
      ${
        address || point
          ? html`<dl>
            ${address ? html`<dt>${ft.address}</dt><dd dir="auto">${address}</dd>` : nothing}
            ${
              point
                ? html`<dt>${ft.coordinates}</dt>
                  <dd>
                    ${ft.point(coordinate(point.lat), coordinate(point.lon))}${
                      accuracy !== null
                        ? html` (${ft.accuracy(Math.round(accuracy).toLocaleString(this.l10n.locale))})`
                        : nothing
                    }
                  </dd>`
                : nothing
            }
            ${
              nearest
                ? html`<dt>${ft.nearest}</dt>
                  <dd>
                    <span dir="auto">${nearest.label}</span>
                    (${ft.nearestDistance(nearest.distanceMeters.toLocaleString(this.l10n.locale))})
                  </dd>`
                : nothing
            }
          </dl>`
          : html`<p>${ft.noPlace}</p>`
      }
      ${
        point && settings && !this.mapProblem
          ? html`<p class="hint" id="fault-map-help">${ft.mapHelp}</p>
            <div class="map" id="fault-map"></div>
            <div class="map-tools">
              <button type="button" class="secondary" @click=${() => this.map?.zoomIn()}>
                ${ft.zoomIn}
              </button>
              <button type="button" class="secondary" @click=${() => this.map?.zoomOut()}>
                ${ft.zoomOut}
              </button>
              <span class="hint">${settings.attribution}</span>
            </div>`
          : nothing
      }
      ${this.mapProblem ? html`<p role="status">${ft.mapFailed}</p>` : nothing}`;
  }
}

/** A point as a key (`lat,lon`): what the map and the named place were last made for. */
const keyOf = (point: { lat: number; lon: number }): string => `${point.lat},${point.lon}`;

function pointOf(fault: AgentFault | null | undefined): { lat: number; lon: number } | undefined {
  const lat = fault?.location.lat;
  const lon = fault?.location.lon;
  return typeof lat === 'number' && typeof lon === 'number' ? { lat, lon } : undefined;
}

function isEmpty(answer: FaultAnswer | undefined): boolean {
  return answer === '' || (Array.isArray(answer) && answer.length === 0);
}
