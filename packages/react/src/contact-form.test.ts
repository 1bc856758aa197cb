import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as analyzer from '@custom-elements-manifest/analyzer/index.js';
import type { Package } from 'custom-elements-manifest/schema';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import cemConfig from '../../widgets/custom-elements-manifest.config.mjs';
import { ContactForm, contactFormEvents } from './contact-form.js';

// The analyzer's typings leave out its programmatic API; this is its documented shape.
const { create, ts } = analyzer as unknown as {
  create(options: { modules: unknown[]; plugins?: unknown[] }): Package;
  ts: typeof import('typescript');
};

/** The element's manifest entry, made from its source with the widgets' own `cem analyze` plugins. */
function manifestOf(relativePath: string) {
  const path = fileURLToPath(new URL(relativePath, import.meta.url));
  const source = ts.createSourceFile(
    path,
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  const manifest = create({ modules: [source], plugins: cemConfig.plugins });
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
  return declarations.find((declaration) => 'tagName' in declaration && declaration.tagName);
}

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
