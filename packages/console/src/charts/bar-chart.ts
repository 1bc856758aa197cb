/**
 * Horizontal bar charts of our own (a few hundred bytes of SVG per row instead of a chart
 * library). A chart is a picture of a table that is always shown beside it: the SVG is
 * `aria-hidden`, the numbers are read from the table (WCAG 1.1.1, 1.3.1). Each bar's value is
 * written out next to it and a second measure is a second, thinner bar below the first, so
 * neither colour nor shape alone carries a number.
 */
import type { TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';

/** One bar: what it is about, its value and, optionally, the part of it shown as a second bar. */
export interface BarRow {
  /** The row's label, shown as text (data goes through Lit bindings only). */
  label: string;
  value: number;
  /** The second measure (e.g. avoidable demand), at most `value`. */
  part?: number;
}

export interface BarChartOptions {
  /** Writes a value out (`12`, `12 contacts`). */
  valueText: (row: BarRow) => string;
  /** The legend of the two bars when rows have a `part`. */
  legend?: { value: string; part: string };
}

/** The chart of `rows` (largest first, as given); nothing when no row has a value. */
export function barChart(
  rows: readonly BarRow[],
  options: BarChartOptions,
): TemplateResult | typeof nothing {
  const max = Math.max(0, ...rows.map((row) => row.value));
  if (max === 0) return nothing;
  const width = (value: number) => Math.max(value > 0 ? 0.5 : 0, (value / max) * 100);
  const withPart = options.legend !== undefined;
  return html`
    <div class="bar-chart" aria-hidden="true">
      ${options.legend ? legend(options.legend) : nothing}
      <ul class="bars">
        ${rows.map(
          (row) => html`
            <li class="bar-row">
              <span class="bar-label">${row.label}</span>
              <svg
                class="bar"
                viewBox=${withPart ? '0 0 100 14' : '0 0 100 8'}
                preserveAspectRatio="none"
                focusable="false"
              >
                <rect class="bar-value" x="0" y="0" width=${width(row.value)} height="8"></rect>
                ${withPart ? html`<rect class="bar-part" x="0" y="10" width=${width(row.part ?? 0)} height="4"></rect>` : nothing}
              </svg>
              <span class="bar-number">${options.valueText(row)}</span>
            </li>
          `,
        )}
      </ul>
    </div>
  `;
}

function legend(names: { value: string; part: string }): TemplateResult {
  return html`
    <p class="bar-legend">
      <span><svg class="swatch" viewBox="0 0 16 8" focusable="false"><rect class="bar-value" width="16" height="8"></rect></svg>${names.value}</span>
      <span><svg class="swatch" viewBox="0 0 16 8" focusable="false"><rect class="bar-part" y="2" width="16" height="4"></rect></svg>${names.part}</span>
    </p>
  `;
}

/**
 * The charts' styles. Bars have at least 3:1 contrast with the page (WCAG 1.4.11); under forced
 * colours (Windows high contrast) they take the system's colours; below about 30rem of room the
 * bar goes under its label. Nothing moves, so reduced motion needs nothing more.
 */
export const barChartStyles = css`
  .bar-chart {
    --_bar-value: var(--kc-console-chart-value, #0b5cad);
    --_bar-part: var(--kc-console-chart-part, #8a4b00);
    container-type: inline-size;
    margin-block: var(--_space-s, 0.5rem) var(--_space-m, 1rem);
  }
  .bars {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .bar-row {
    display: grid;
    grid-template-columns: minmax(6rem, 16rem) minmax(4rem, 1fr) auto;
    gap: 0.25rem var(--_space-s, 0.5rem);
    align-items: center;
    margin-block-end: 0.375rem;
  }
  .bar-label {
    overflow-wrap: anywhere;
  }
  .bar {
    display: block;
    inline-size: 100%;
    block-size: 1.25rem;
  }
  .bar-number {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .bar-value {
    fill: var(--_bar-value);
  }
  .bar-part {
    fill: var(--_bar-part);
  }
  .bar-legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m, 1rem);
    margin: 0 0 var(--_space-s, 0.5rem);
  }
  .bar-legend span {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  .swatch {
    inline-size: 1.5rem;
    block-size: 0.75rem;
  }
  @container (max-width: 30rem) {
    .bar-row {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .bar-label {
      grid-column: 1 / -1;
    }
  }
  @media (forced-colors: active) {
    .bar,
    .swatch {
      forced-color-adjust: none;
    }
    .bar-value {
      fill: Highlight;
    }
    .bar-part {
      fill: CanvasText;
    }
  }
`;
