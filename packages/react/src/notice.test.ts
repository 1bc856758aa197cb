import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Notice, noticeEvents } from './notice.js';
import { manifestOf } from './test-support/manifest.js';

describe('<Notice>', () => {
  const element = manifestOf('../../widgets/src/components/notice/notice.ts') as {
    tagName?: string;
    events?: Array<{ name: string }>;
  };

  it('wraps the element the manifest documents', () => {
    expect(element?.tagName).toBe('kc-notice');
  });

  it('has an onKc* prop for every event the element documents, and no other', () => {
    const documented = (element.events ?? []).map((event) => event.name).sort();
    expect(documented).toEqual(['kc-error', 'kc-notice-change']);
    expect(Object.values(noticeEvents).sort()).toEqual(documented);
    for (const [prop, event] of Object.entries(noticeEvents)) {
      const camel = event.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
      expect(prop).toBe(`on${camel}`);
    }
  });

  it('renders the custom element with the page’s own content inside on the server', () => {
    const html = renderToStaticMarkup(
      createElement(
        Notice,
        { department: 'gata', lang: 'en', id: 'notices' },
        createElement('a', { href: '/storningar' }, 'Current disruptions'),
      ),
    );
    expect(html).toMatch(/^<kc-notice /);
    expect(html).toContain('lang="en"');
    expect(html).toContain('id="notices"');
    expect(html).toContain('<a href="/storningar">Current disruptions</a>');
  });
});
