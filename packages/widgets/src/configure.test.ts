// configure() sets the page's default contact center from JavaScript: widgets already on the page
// follow it, a <kc-provider> and a widget's own attributes win over it, mistakes throw where they
// are made, and widgets on the page before the first call take the settings when it comes.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import * as providerScript from './cdn/provider.js';
import type { KcNotice, NoticeSource } from './components/notice/notice.js';
import { configure } from './configure.js';
import './define/notice.js';
import './define/provider.js';
import { testSource } from './test-support/notice-fixture.js';

afterEach(() => {
  fixtureCleanup();
});

async function notice(source: NoticeSource): Promise<KcNotice> {
  const element = await fixture<KcNotice>(html`<kc-notice .source=${source}></kc-notice>`);
  await element.updateComplete;
  return element;
}

describe('configure()', () => {
  // The first test of the file: nothing has called configure() yet on this page.
  it('configures widgets that were on the page before it was first called', async () => {
    const { source, last } = testSource();
    const element = await notice(source);
    expect(element.matches(':state(load-error)')).to.equal(true);

    configure({ endpoint: 'https://kontakt.example.se/', department: 'gata' });
    await element.updateComplete;
    expect(last()).to.equal('https://kontakt.example.se gata');

    configure({ endpoint: 'https://kontakt.example.se', department: 'bygg' });
    await element.updateComplete;
    expect(last()).to.equal('https://kontakt.example.se bygg');
  });

  it('configures widgets added later, and yields to a provider and to their own attributes', async () => {
    configure({ endpoint: 'https://kontakt.example.se', department: 'gata' });
    const inPage = testSource();
    const own = testSource();
    const inProvider = testSource();
    await fixture(html`<div>
      <kc-notice .source=${inPage.source}></kc-notice>
      <kc-notice department="skola" .source=${own.source}></kc-notice>
      <kc-provider endpoint="https://annan.example.se" department="bygg">
        <kc-notice .source=${inProvider.source}></kc-notice>
      </kc-provider>
    </div>`);
    await Promise.all(
      [...document.querySelectorAll<KcNotice>('kc-notice')].map((each) => each.updateComplete),
    );
    expect(inPage.last()).to.equal('https://kontakt.example.se gata');
    expect(own.last()).to.equal('https://kontakt.example.se skola');
    expect(inProvider.last()).to.equal('https://annan.example.se bygg');
  });

  it('fills in what a <kc-provider> leaves out', async () => {
    configure({ endpoint: 'https://kontakt.example.se', department: 'gata' });
    const inProvider = testSource();
    await fixture(html`<kc-provider department="bygg">
      <kc-notice .source=${inProvider.source}></kc-notice>
    </kc-provider>`);
    await (document.querySelector('kc-notice') as KcNotice).updateComplete;
    expect(inProvider.last()).to.equal('https://kontakt.example.se bygg');

    configure({ endpoint: 'https://annan.example.se' });
    await (document.querySelector('kc-notice') as KcNotice).updateComplete;
    expect(inProvider.last()).to.equal('https://annan.example.se bygg');
  });

  it('takes the settings back with configure({})', async () => {
    configure({ endpoint: 'https://kontakt.example.se', department: 'gata' });
    const { source } = testSource();
    const element = await notice(source);
    expect(element.matches(':state(load-error)')).to.equal(false);
    configure({});
    await element.updateComplete;
    expect(element.matches(':state(load-error)')).to.equal(true);
  });

  it('throws a TypeError for an endpoint or department a widget could not use', () => {
    expect(() => configure({ endpoint: 'ftp://kontakt.example.se' })).to.throw(
      TypeError,
      /Invalid endpoint/,
    );
    expect(() => configure({ department: 'Gata och park' })).to.throw(
      TypeError,
      /Invalid department/,
    );
  });

  it('is exported by the script-tag file of <kc-provider> too, for a page template of its own', () => {
    expect(providerScript.configure).to.equal(configure);
    expect(customElements.get('kc-provider')).to.not.equal(undefined);
  });
});
