// The admin's views against a real server: notices published, changed and withdrawn through the
// admin notices API with the session, field errors shown where they belong; the audit log.
import { expect, waitUntil } from '@open-wc/testing';
import type { KcConsole } from '../app/console.js';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  allInView,
  announced,
  announces,
  cleanupConsoles,
  focused,
  inView,
  renderConsole,
  signedIn,
  startServer,
  stopServer,
} from '../test-support/console-fixture.js';

let server: TestServer;

before(async () => {
  server = await startServer();
});
after(async () => {
  await stopServer(server);
});
afterEach(cleanupConsoles);

const LANGUAGES = ['sv', 'en', 'fi', 'ar'] as const;

function fill(element: KcConsole, values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) {
    const field = inView<HTMLInputElement>(element, 'kc-notices-view', `#${id}`);
    if (!field) throw new Error(`No field #${id}`);
    field.value = value;
  }
}

const submitNotice = (element: KcConsole) =>
  inView<HTMLButtonElement>(element, 'kc-notices-view', 'form button[type="submit"]')?.click();

const titles = (element: KcConsole) =>
  allInView(element, 'kc-notices-view', 'article h3').map((h3) => h3.textContent);

describe('notices (admin)', () => {
  it('publishes, changes and withdraws a notice, axe-clean', async function () {
    this.timeout(30_000);
    const element = await renderConsole(server, '/notices');
    await signedIn(element, 'alva');
    await waitUntil(() => inView(element, 'kc-notices-view', '#title-sv') !== null);
    await expect(element).to.be.accessible();
    // Each language's fields are marked as that language; Arabic is written right to left.
    const arabic = inView(element, 'kc-notices-view', '#text-ar');
    expect(arabic?.getAttribute('lang')).to.equal('ar');
    expect(arabic?.getAttribute('dir')).to.equal('rtl');
    expect(inView(element, 'kc-notices-view', '#title-fi')?.getAttribute('lang')).to.equal('fi');

    fill(element, {
      severity: 'warning',
      ...Object.fromEntries(LANGUAGES.map((l) => [`title-${l}`, `Vattenläcka (${l})`])),
      ...Object.fromEntries(LANGUAGES.map((l) => [`text-${l}`, `Undvik Storgatan (${l}).`])),
    });
    submitNotice(element);
    await waitUntil(() => announces(element, 'Meddelandet ”Vattenläcka (sv)” är publicerat.'));
    await waitUntil(() => titles(element).includes('Vattenläcka (sv)'));
    await expect(element).to.be.accessible();

    inView<HTMLButtonElement>(element, 'kc-notices-view', 'article button')?.click();
    await waitUntil(() => focused()?.id === 'form-heading', 'focus did not move to the form');
    expect(inView<HTMLInputElement>(element, 'kc-notices-view', '#title-sv')?.value).to.equal(
      'Vattenläcka (sv)',
    );
    fill(element, { 'title-sv': 'Vattenläckan är lagad' });
    submitNotice(element);
    await waitUntil(() => announces(element, 'Meddelandet ”Vattenläckan är lagad” är ändrat.'));
    await waitUntil(() => titles(element).includes('Vattenläckan är lagad'));

    const withdraw = allInView<HTMLButtonElement>(element, 'kc-notices-view', 'article button')[1];
    expect(withdraw?.getAttribute('aria-label')).to.equal('Dra tillbaka: Vattenläckan är lagad');
    withdraw?.click();
    await waitUntil(() =>
      announced(element).includes('Meddelandet ”Vattenläckan är lagad” är tillbakadraget'),
    );
    await waitUntil(() =>
      allInView(element, 'kc-notices-view', 'article').some((article) =>
        article.textContent?.includes('Tillbakadraget'),
      ),
    );
  });

  it('names each empty text, says how many, and moves focus to the first', async () => {
    const element = await renderConsole(server, '/notices');
    await signedIn(element, 'alva');
    await waitUntil(() => inView(element, 'kc-notices-view', '#title-sv') !== null);
    fill(element, { 'title-sv': 'Bara svenska' });
    submitNotice(element);
    await waitUntil(() => focused()?.id === 'text-sv', 'focus did not go to the first error');
    expect(inView(element, 'kc-notices-view', '[role="alert"]')?.textContent).to.equal(
      '7 fält behöver rättas.',
    );
    expect(inView(element, 'kc-notices-view', '#title-fi-error')?.textContent).to.equal(
      'Fyll i det här fältet.',
    );
    expect(
      inView(element, 'kc-notices-view', '#title-fi')?.getAttribute('aria-describedby'),
    ).to.equal('title-fi-error');
    await expect(element).to.be.accessible();
  });
});

describe('the audit log (admin)', () => {
  it('lists who did what, newest first, and filters by agent, axe-clean', async () => {
    const first = await renderConsole(server);
    await signedIn(first, 'anna');
    await cleanupConsoles();
    const element = await renderConsole(server, '/audit');
    await signedIn(element, 'alva');
    await waitUntil(() => allInView(element, 'kc-audit-view', 'tbody tr').length > 0);
    const rows = () =>
      allInView(element, 'kc-audit-view', 'tbody tr').map((row) => row.textContent ?? '');
    expect(rows().some((row) => row.includes('anna'))).to.equal(true);
    expect(rows()[0]).to.contain('alva');
    await expect(element).to.be.accessible();

    const agent = inView<HTMLInputElement>(element, 'kc-audit-view', '#agent');
    if (agent) agent.value = 'anna';
    inView<HTMLButtonElement>(element, 'kc-audit-view', 'button[type="submit"]')?.click();
    await waitUntil(() => rows().length > 0 && rows().every((row) => row.includes('anna')));
  });
});
