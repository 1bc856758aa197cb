// A stand-in for the next widget, for the chunking test (rollup.config.test.ts): it imports what
// every widget's first render imports — Lit, the base element, the light core — and nothing else.
import { fetchDepartmentPreview } from '@kontakt/core';
import type { TemplateResult } from 'lit';
import { html } from 'lit';
import { KontaktElement } from '../../internal/kontakt-element.js';

export class KcSecondWidget extends KontaktElement {
  protected override render(): TemplateResult {
    return html`<p>${typeof fetchDepartmentPreview}</p>`;
  }
}

KcSecondWidget.define('kc-second-widget');
