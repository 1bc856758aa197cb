import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChatBubble, chatBubbleEvents } from './chat-bubble.js';
import { manifestOf } from './test-support/manifest.js';

describe('<ChatBubble>', () => {
  const element = manifestOf('../../widgets/src/components/chat-bubble/chat-bubble.ts') as {
    tagName?: string;
    events?: Array<{ name: string }>;
  };

  it('wraps the element the manifest documents', () => {
    expect(element?.tagName).toBe('kc-chat-bubble');
  });

  it('has an onKc* prop for every event the element documents, and no other', () => {
    const documented = (element.events ?? []).map((event) => event.name).sort();
    expect(documented).toEqual([
      'kc-chat-ended',
      'kc-close',
      'kc-error',
      'kc-open',
      'kc-submitted',
    ]);
    expect(Object.values(chatBubbleEvents).sort()).toEqual(documented);
    for (const [prop, event] of Object.entries(chatBubbleEvents)) {
      const camel = event.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
      expect(prop).toBe(`on${camel}`);
    }
  });

  it('renders the custom element with the page’s own content inside on the server', () => {
    const html = renderToStaticMarkup(
      createElement(
        ChatBubble,
        { department: 'gata', lang: 'en', placement: 'bottom-start' },
        createElement('a', { href: 'tel:+4640341000' }, 'Call 040-34 10 00'),
      ),
    );
    expect(html).toMatch(/^<kc-chat-bubble /);
    expect(html).toContain('lang="en"');
    expect(html).toContain('<a href="tel:+4640341000">Call 040-34 10 00</a>');
  });
});
