import type { TemplateResult } from 'lit';
import { html } from 'lit';

/**
 * A data table that scrolls sideways on its own when it is wider than the view, its words kept
 * whole (WCAG 1.4.10 lets a data table keep its two dimensions). The box around it can take
 * focus, so a keyboard scrolls it too, and is named as the table's caption is: a group, not a
 * region, so the landmarks stay the page's sections.
 */
export const scrollingTable = (caption: string, table: TemplateResult): TemplateResult =>
  html`<div class="table" role="group" aria-label=${caption} tabindex="0">${table}</div>`;
