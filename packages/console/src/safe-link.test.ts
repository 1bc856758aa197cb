import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { mailtoLink, safeLink, safeUrl } from './safe-link.js';

describe('safeUrl', () => {
  it('passes http, https and mailto URLs', () => {
    expect(safeUrl('https://gata.example.se/parkering')?.href).to.equal(
      'https://gata.example.se/parkering',
    );
    expect(safeUrl('http://example.se/')?.protocol).to.equal('http:');
    expect(safeUrl('mailto:anna@example.se')?.protocol).to.equal('mailto:');
  });

  it('refuses every other scheme, relative paths and text with control characters', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/x',
      '/console/audit',
      'blob:https://example.se/1',
      '',
      'not a url',
    ]) {
      expect(safeUrl(text), text).to.equal(undefined);
    }
  });
});

describe('safeLink', () => {
  it('links a safe URL in a new tab without opener or referrer', async () => {
    const element = await fixture(html`<p>${safeLink('https://gata.example.se/a?b=1')}</p>`);
    const link = element.querySelector('a');
    expect(link?.getAttribute('href')).to.equal('https://gata.example.se/a?b=1');
    expect(link?.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
    expect(link?.target).to.equal('_blank');
  });

  it('shows anything else as text, not as a link', async () => {
    const element = await fixture(html`<p>${safeLink("javascript:window.__pwned='x'")}</p>`);
    expect(element.querySelector('a')).to.equal(null);
    expect(element.textContent).to.equal("javascript:window.__pwned='x'");
  });

  it('links plain e-mail addresses, and nothing that would add headers to the mail', async () => {
    const plain = await fixture(html`<p>${mailtoLink('anna@example.se')}</p>`);
    expect(plain.querySelector('a')?.getAttribute('href')).to.equal('mailto:anna@example.se');
    const odd = await fixture(html`<p>${mailtoLink('anna@example.se?bcc=all@example.se')}</p>`);
    expect(odd.querySelector('a')).to.equal(null);
    expect(odd.textContent).to.equal('anna@example.se?bcc=all@example.se');
  });
});
