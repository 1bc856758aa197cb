// <kc-provider> names the contact center once for every widget inside it: against a real server
// (the form's topics, the notices, the chat's hours and the fault catalog come from where the
// provider says), a widget's own attributes winning each on its own, providers nesting, changes
// reaching the widgets, widgets inside shadow roots, and widgets that started before the
// provider was defined.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../define/chat-bubble.js';
import '../../define/contact-form.js';
import '../../define/fault-report.js';
import '../../define/notice.js';
import '../../define/provider.js';
import type { KcErrorEvent } from '../../events/error.js';
import type { TestServer } from '../../test-support/kontakt-server.js';
import { sharedKontaktServer } from '../../test-support/kontakt-server.js';
import { testSource } from '../../test-support/notice-fixture.js';
import type { KcChatBubble } from '../chat-bubble/chat-bubble.js';
import type { KcContactForm } from '../contact-form/contact-form.js';
import type { KcFaultReport } from '../fault-report/fault-report.js';
import type { KcNotice } from '../notice/notice.js';
import { KcProvider } from './provider.js';

let server: TestServer;
const SLOW = { timeout: 20_000 };

before(async function () {
  this.timeout(90_000);
  // The demo's departments: gata has topics, a fault catalog and a chat.
  server = await sharedKontaktServer('examples/demo/departments.json');
});
afterEach(() => {
  fixtureCleanup();
  sessionStorage.clear();
});

const notConfigured = (errors: KcErrorEvent[]) =>
  errors.filter((event) => event.error.code === 'not_configured');

describe('<kc-provider>', () => {
  it('configures every widget inside it against a real server', async () => {
    const errors: KcErrorEvent[] = [];
    const provider = await fixture<KcProvider>(html`<kc-provider
      endpoint=${server.url}
      department="gata"
      @kc-error=${(event: KcErrorEvent) => errors.push(event)}
    >
      <kc-notice></kc-notice>
      <kc-contact-form></kc-contact-form>
      <kc-chat-bubble></kc-chat-bubble>
      <kc-fault-report></kc-fault-report>
    </kc-provider>`);
    const form = provider.querySelector('kc-contact-form') as KcContactForm;
    const notice = provider.querySelector('kc-notice') as KcNotice;
    const bubble = provider.querySelector('kc-chat-bubble') as KcChatBubble;
    const report = provider.querySelector('kc-fault-report') as KcFaultReport;

    await waitUntil(
      () => form.shadowRoot?.querySelector('#topic option:not([value=""])'),
      "the form did not load the provider's department",
      SLOW,
    );
    await waitUntil(() => notice.matches(':state(none), :state(shown)'), 'no notices read', SLOW);
    await waitUntil(
      () => bubble.matches(':state(open), :state(closed)'),
      'no chat availability',
      SLOW,
    );
    await waitUntil(
      () => report.matches(':state(ready)'),
      "no fault catalog from the provider's department",
      SLOW,
    );
    expect(notConfigured(errors)).to.deep.equal([]);
    // It takes no box of its own: the widgets are laid out as if it were not there.
    expect(getComputedStyle(provider).display).to.equal('contents');
  });

  it('leaves each attribute a widget names to the widget, and the rest to the provider', async () => {
    const { source, last } = testSource();
    const provider =
      await fixture<KcProvider>(html`<kc-provider endpoint="https://kontakt.example.se/">
      <kc-notice department="bygg" .source=${source}></kc-notice>
    </kc-provider>`);
    const notice = provider.querySelector('kc-notice') as KcNotice;
    await notice.updateComplete;
    expect(last()).to.equal('https://kontakt.example.se bygg');

    notice.endpoint = 'https://annan.example.se';
    await notice.updateComplete;
    expect(last()).to.equal('https://annan.example.se bygg');
  });

  it('hands its changes down; a provider inside another takes from it what it leaves out', async () => {
    const { source, last } = testSource();
    const outer = await fixture<KcProvider>(html`<kc-provider
      endpoint="https://kontakt.example.se"
      department="gata"
    >
      <kc-provider department="skola"><kc-notice .source=${source}></kc-notice></kc-provider>
    </kc-provider>`);
    const inner = outer.querySelector('kc-provider') as KcProvider;
    const notice = outer.querySelector('kc-notice') as KcNotice;
    await notice.updateComplete;
    // The outer provider's endpoint, the inner one's department.
    expect(last()).to.equal('https://kontakt.example.se skola');

    outer.endpoint = 'https://annan.example.se';
    await notice.updateComplete;
    expect(last()).to.equal('https://annan.example.se skola');

    inner.setAttribute('department', '');
    await notice.updateComplete;
    expect(last()).to.equal('https://annan.example.se gata');

    inner.department = 'bygg';
    inner.endpoint = 'https://kontakt.example.se';
    await notice.updateComplete;
    expect(last()).to.equal('https://kontakt.example.se bygg');
    expect(inner.settings).to.include({
      endpoint: 'https://kontakt.example.se',
      department: 'bygg',
    });

    // Out of the outer one: only what it names itself.
    inner.removeAttribute('endpoint');
    document.body.append(inner);
    await notice.updateComplete;
    expect(notice.matches(':state(load-error)')).to.equal(true);
    inner.remove();
  });

  it('reaches widgets inside shadow roots', async () => {
    const { source, last } = testSource();
    const provider = await fixture<KcProvider>(html`<kc-provider
      endpoint="https://kontakt.example.se"
      department="gata"
      ><div></div
    ></kc-provider>`);
    const host = provider.querySelector('div') as HTMLDivElement;
    const notice = document.createElement('kc-notice') as KcNotice;
    notice.source = source;
    host.attachShadow({ mode: 'open' }).append(notice);
    await notice.updateComplete;
    expect(last()).to.equal('https://kontakt.example.se gata');
  });

  it('configures widgets that started before it was defined, and hands over those it holds', async () => {
    const { source, last } = testSource();
    const errors: KcErrorEvent[] = [];
    // As a page whose provider script runs after the widgets' (another tag: kc-provider is
    // defined in this file already).
    const outer = await fixture<KcProvider>(html`<kc-provider
      endpoint="https://kontakt.example.se"
      department="gata"
    >
      <late-provider endpoint="https://kontakt.example.se" department="bygg">
        <kc-notice .source=${source} @kc-error=${(event: KcErrorEvent) => errors.push(event)}></kc-notice>
      </late-provider>
    </kc-provider>`);
    const notice = outer.querySelector('kc-notice') as KcNotice;
    await notice.updateComplete;
    expect(last()).to.equal('https://kontakt.example.se gata');

    customElements.define('late-provider', class extends KcProvider {});
    await notice.updateComplete;
    expect(last()).to.equal('https://kontakt.example.se bygg');
    // The outer provider no longer holds it: its changes are not this notice's.
    outer.department = 'skola';
    await notice.updateComplete;
    expect(last()).to.equal('https://kontakt.example.se bygg');
    expect(notConfigured(errors)).to.deep.equal([]);
  });

  it('stops answering once taken out of the page', async () => {
    const { source, last } = testSource();
    const provider = await fixture<KcProvider>(html`<kc-provider
      endpoint="https://kontakt.example.se"
      department="gata"
    ></kc-provider>`);
    const notice = document.createElement('kc-notice') as KcNotice;
    notice.source = source;
    provider.remove();
    provider.append(notice);
    document.body.append(provider);
    await notice.updateComplete;
    expect(last()).to.equal('https://kontakt.example.se gata');

    provider.remove();
    const elsewhere = await fixture<HTMLDivElement>(html`<div></div>`);
    elsewhere.append(notice);
    await notice.updateComplete;
    expect(notice.matches(':state(load-error)')).to.equal(true);
  });

  it('reflects its properties to its attributes and hands down a client set from JavaScript', async () => {
    const provider = await fixture<KcProvider>(html`<kc-provider></kc-provider>`);
    provider.endpoint = 'https://kontakt.example.se';
    provider.department = 'gata';
    expect(provider.getAttribute('endpoint')).to.equal('https://kontakt.example.se');
    expect(provider.getAttribute('department')).to.equal('gata');
    const client = { endpoint: 'https://kontakt.example.se', department: 'gata' };
    provider.client = client as unknown as KcProvider['client'];
    expect(provider.settings).to.deep.equal({
      endpoint: 'https://kontakt.example.se',
      department: 'gata',
      client,
    });
    provider.endpoint = undefined;
    expect(provider.hasAttribute('endpoint')).to.equal(false);
  });

  it('warns the page of an endpoint or department no widget could use', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      await fixture(
        html`<kc-provider endpoint="ftp://kontakt.example.se" department="Gata"></kc-provider>`,
      );
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.include(
      '<kc-provider endpoint="ftp://kontakt.example.se">: not an http(s) URL',
    );
    expect(warnings[1]).to.include('<kc-provider department="Gata">: not a department id');
  });

  it('is registered once, and another version warns instead of throwing', () => {
    expect(customElements.get('kc-provider')).to.equal(KcProvider);
    KcProvider.define('kc-provider');
    expect(customElements.get('kc-provider')).to.equal(KcProvider);
  });
});
