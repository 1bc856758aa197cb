import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Notice } from './notice.js';
import { Provider } from './provider.js';
import { manifestOf } from './test-support/manifest.js';

describe('<Provider>', () => {
  const element = manifestOf('../../widgets/src/components/provider/provider.ts') as {
    tagName?: string;
    events?: unknown[];
    attributes?: Array<{ name: string }>;
  };

  it('wraps the element the manifest documents, which has no events', () => {
    expect(element?.tagName).toBe('kc-provider');
    expect(element.events ?? []).toEqual([]);
    expect((element.attributes ?? []).map((attribute) => attribute.name).sort()).toEqual([
      'department',
      'endpoint',
    ]);
  });

  it('renders the custom element around the widgets on the server', () => {
    const html = renderToStaticMarkup(
      createElement(
        Provider,
        { endpoint: 'https://kontakt.example.se', department: 'gata', lang: 'en' },
        createElement(Notice, {}),
      ),
    );
    // `endpoint` and `department` are the element's properties: set on it in the browser (it
    // reflects them to its attributes), as every wrapper's are.
    expect(html).toBe('<kc-provider lang="en"><kc-notice></kc-notice></kc-provider>');
  });
});
