import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FaultReport, faultReportEvents } from './fault-report.js';
import { manifestOf } from './test-support/manifest.js';

describe('<FaultReport>', () => {
  const element = manifestOf('../../widgets/src/components/fault-report/fault-report.ts') as {
    tagName?: string;
    events?: Array<{ name: string }>;
  };

  it('wraps the element the manifest documents', () => {
    expect(element?.tagName).toBe('kc-fault-report');
  });

  it('has an onKc* prop for every event the element documents, and no other', () => {
    const documented = (element.events ?? []).map((event) => event.name).sort();
    expect(documented.length).toBeGreaterThan(0);
    expect(Object.values(faultReportEvents).sort()).toEqual(documented);
    for (const [prop, event] of Object.entries(faultReportEvents)) {
      const camel = event.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
      expect(prop).toBe(`on${camel}`);
    }
  });

  it('renders the custom element with its attributes on the server', () => {
    const html = renderToStaticMarkup(
      createElement(FaultReport, { department: 'gata', lang: 'en', id: 'report' }),
    );
    expect(html).toMatch(/^<kc-fault-report /);
    expect(html).toContain('lang="en"');
    expect(html).toContain('id="report"');
  });
});
