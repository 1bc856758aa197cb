import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ContactForm, contactFormEvents } from './contact-form.js';
import { manifestOf } from './test-support/manifest.js';

describe('<ContactForm>', () => {
  const element = manifestOf('../../widgets/src/components/contact-form/contact-form.ts') as {
    tagName?: string;
    events?: Array<{ name: string }>;
  };

  it('wraps the element the manifest documents', () => {
    expect(element?.tagName).toBe('kc-contact-form');
  });

  it('has an onKc* prop for every event the element documents, and no other', () => {
    const documented = (element.events ?? []).map((event) => event.name).sort();
    expect(documented.length).toBeGreaterThan(0);
    expect(Object.values(contactFormEvents).sort()).toEqual(documented);
    for (const [prop, event] of Object.entries(contactFormEvents)) {
      const camel = event.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
      expect(prop).toBe(`on${camel}`);
    }
  });

  it('renders the custom element with its attributes on the server', () => {
    const html = renderToStaticMarkup(
      createElement(ContactForm, { department: 'gata', lang: 'en', id: 'contact' }),
    );
    expect(html).toMatch(/^<kc-contact-form /);
    expect(html).toContain('lang="en"');
    expect(html).toContain('id="contact"');
  });
});
