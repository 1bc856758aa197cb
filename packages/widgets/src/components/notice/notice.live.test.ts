// Against a real server: notices published, changed and withdrawn through its admin API reach the
// element over the event stream; read out, operable by keyboard, axe-clean in each state; and the
// page's own content when the server cannot be reached or does not know the department.
import type { NoticeInput } from '@kontakt/core/schemas';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KcErrorEvent } from '../../events/error.js';
import type { TestServer } from '../../test-support/kontakt-server.js';
import {
  publishNotice,
  startKontaktServer,
  stopKontaktServer,
  withdrawNotice,
} from '../../test-support/kontakt-server.js';
import { hideButtons, said, shadow, titles } from '../../test-support/notice-fixture.js';
import type { KcNotice } from './notice.js';

const server: TestServer = { id: '', url: '' };
/** The test server compiles modules and the stream connects: allow for a loaded machine. */
const LIVE = { timeout: 10_000 };

before(async () => {
  Object.assign(server, await startKontaktServer());
});
after(async () => {
  await stopKontaktServer(server);
});
afterEach(() => {
  fixtureCleanup();
  localStorage.clear();
});

const everyLocale = (text: string) => ({ sv: text, en: text, fi: text, ar: text });

function input(title: string, overrides: Partial<NoticeInput> = {}): NoticeInput {
  return {
    title: everyLocale(title),
    text: everyLocale(`${title}: mer information.`),
    severity: 'info',
    departments: ['gata'],
    ...overrides,
  };
}

async function render(endpoint = server.url, department = 'gata'): Promise<KcNotice> {
  return fixture<KcNotice>(html`<kc-notice endpoint=${endpoint} department=${department}>
    <a id="fallback" href="/storningar">Aktuella störningar</a>
  </kc-notice>`);
}

/** Once the notices are read: shown or none (another test's notice for all may be there). */
const read = (element: KcNotice) => element.matches(':state(none), :state(shown)');

/**
 * Axe reads colours as painted: end the fade-in first. Finished, not awaited: a page the runner
 * keeps in the background does not run its animations, so waiting for them would never end.
 */
async function accessible(element: KcNotice): Promise<void> {
  for (const animation of shadow(element).getAnimations()) animation.finish();
  await expect(element).to.be.accessible();
}

const fallbackShown = (element: KcNotice) =>
  element.querySelector('#fallback')?.checkVisibility() ?? false;

describe('<kc-notice> with a real server', () => {
  it('shows, reads out, changes and removes notices as they are published, changed and withdrawn', async function () {
    // Four round trips through the admin API, the stream and axe: 7 s on an idle machine, more
    // than the default 20 s while the whole suite loads both cores.
    this.timeout(60_000);
    const element = await render();
    await waitUntil(() => element.matches(':state(none)'), 'the notices were not read', LIVE);
    expect(fallbackShown(element)).to.equal(false);
    await expect(element).to.be.accessible();

    const search = document.createElement('button');
    search.textContent = 'Sök';
    document.body.prepend(search);
    try {
      search.focus();
      const info = await publishNotice(server, input('Sophämtning försenad'));
      await waitUntil(() => titles(element).length === 1, 'published notice not shown', LIVE);
      await waitUntil(() => said(element, 'status').includes('Sophämtning försenad'));
      await accessible(element);

      await publishNotice(server, input('Vattenläcka', { severity: 'danger', departments: 'all' }));
      await waitUntil(() => titles(element).length === 2, 'danger notice not shown', LIVE);
      expect(titles(element)).to.deep.equal(['Vattenläcka', 'Sophämtning försenad']);
      await waitUntil(() => said(element, 'alert').includes('Vattenläcka'));
      expect(document.activeElement, 'focus was taken').to.equal(search);

      await publishNotice(server, input('Sophämtning i morgon'), info.id);
      await waitUntil(() => titles(element).includes('Sophämtning i morgon'), 'not changed', LIVE);
      await withdrawNotice(server, info.id);
      await waitUntil(() => titles(element).join() === 'Vattenläcka', 'not withdrawn', LIVE);
      await accessible(element);
    } finally {
      search.remove();
    }
  });

  it('does not show a notice for another department', async () => {
    const element = await render();
    await waitUntil(() => read(element), 'the notices were not read', LIVE);
    await publishNotice(server, input('Skolan stängd', { departments: ['skola'] }));
    await publishNotice(server, input('Gatan stängd'));
    await waitUntil(() => titles(element).includes('Gatan stängd'), 'not shown', LIVE);
    expect(titles(element)).not.to.include('Skolan stängd');
  });

  it('lets a person hide a notice by keyboard, remembered for the next page', async () => {
    const notice = await publishNotice(server, input('Kan döljas'));
    const element = await render();
    await waitUntil(() => titles(element).includes('Kan döljas'), 'not shown', LIVE);
    const button = hideButtons(element).find((each) => each.textContent?.includes('Kan döljas'));
    button?.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !titles(element).includes('Kan döljas'), 'not hidden');
    fixtureCleanup();

    const next = await render();
    await waitUntil(() => read(next), 'not read', LIVE);
    expect(titles(next)).not.to.include('Kan döljas');
    await withdrawNotice(server, notice.id);
  });
});

describe('<kc-notice> when it cannot start', () => {
  it('shows the page’s own content when the server cannot be reached on the first load', async () => {
    const errors: KcErrorEvent[] = [];
    document.addEventListener('kc-error', (event) => errors.push(event), { once: true });
    // Port 9 (discard) refuses connections on the test machine: an unreachable server.
    const element = await render('http://127.0.0.1:9');
    await waitUntil(() => element.matches(':state(load-error)'), 'no load error', LIVE);
    expect(fallbackShown(element)).to.equal(true);
    expect(errors[0]?.error.code).to.equal('network_error');
    expect(shadow(element).querySelector('[part~="notices"]')?.checkVisibility()).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('shows the page’s own content when the server does not know the department', async () => {
    const element = await render(server.url, 'finns-inte');
    await waitUntil(() => element.matches(':state(load-error)'), 'no load error', LIVE);
    expect(fallbackShown(element)).to.equal(true);
  });
});
