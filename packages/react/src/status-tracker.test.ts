import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StatusTracker, statusTrackerEvents } from './status-tracker.js';
import { manifestOf } from './test-support/manifest.js';

describe('<StatusTracker>', () => {
  const element = manifestOf('../../widgets/src/components/status-tracker/status-tracker.ts') as {
    tagName?: string;
    events?: Array<{ name: string }>;
  };

  it('wraps the element the manifest documents', () => {
    expect(element?.tagName).toBe('kc-status-tracker');
  });

  it('has an onKc* prop for every event the element documents, and no other', () => {
    const documented = (element.events ?? []).map((event) => event.name).sort();
    expect(documented).toEqual(['kc-error', 'kc-status-change']);
    expect(Object.values(statusTrackerEvents).sort()).toEqual(documented);
    for (const [prop, event] of Object.entries(statusTrackerEvents)) {
      const camel = event.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
      expect(prop).toBe(`on${camel}`);
    }
  });

  it('renders the custom element with the page’s own content inside on the server', () => {
    const html = renderToStaticMarkup(
      createElement(
        StatusTracker,
        { department: 'gata', lang: 'fi', id: 'arende' },
        createElement('p', null, 'Soita 040-628 04 00.'),
      ),
    );
    expect(html).toMatch(/^<kc-status-tracker /);
    expect(html).toContain('lang="fi"');
    expect(html).toContain('id="arende"');
    expect(html).toContain('<p>Soita 040-628 04 00.</p>');
  });
});
