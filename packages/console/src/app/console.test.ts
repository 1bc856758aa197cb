// The console's shell against a real server: signing in and out, wrong passwords, the language
// switch, deep links, focus on each view's heading, axe in every view, reflow at 320 px.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { KcAnnounceEvent } from '../internal/events.js';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  announced,
  announces,
  cleanupConsoles,
  deepQuery,
  deepQueryAll,
  focused,
  heading,
  renderConsole,
  signedIn,
  signIn,
  startServer,
  stopServer,
} from '../test-support/console-fixture.js';
import { LANGUAGE_KEY } from './console.js';

let server: TestServer;

before(async () => {
  server = await startServer();
});
after(async () => {
  await stopServer(server);
});
afterEach(async () => {
  await cleanupConsoles();
  await setViewport({ width: 800, height: 600 });
});

const problem = (element: HTMLElement) =>
  deepQuery(element, 'kc-sign-in')
    ?.shadowRoot?.querySelector('[role="alert"]')
    ?.textContent?.trim();

describe('<kc-console> signing in', () => {
  it('shows the sign-in form to someone not signed in, axe-clean', async () => {
    const element = await renderConsole(server);
    expect(heading(element)).to.equal('Logga in');
    expect(document.title).to.equal('Logga in – Kontaktcenter');
    expect(deepQuery(element, '#username')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('signs in, shows who is signed in with their role, and signs out', async () => {
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    expect(heading(element)).to.equal('Inkorg');
    expect(element.shadowRoot?.querySelector('.who')?.textContent).to.equal(
      'Inloggad som Anna Agent (kommunvägledare)',
    );
    expect(focused()?.tagName).to.equal('H1');
    await expect(element).to.be.accessible();

    (deepQuery(element, '.tools button.secondary') as HTMLButtonElement).click();
    await waitUntil(() => heading(element) === 'Logga in', 'not signed out');
    await waitUntil(() => announces(element, 'Du är utloggad.'));
    expect(await element.client?.session.current()).to.equal(undefined);
  });

  it('signs in with the e-mail address too', async () => {
    const element = await renderConsole(server);
    await signedIn(element, 'alva@kommun.example.se');
    expect(element.shadowRoot?.querySelector('.who')?.textContent).to.contain('Alva Admin');
  });

  it('says a wrong password is wrong, in an alert, and clears the password field', async () => {
    const element = await renderConsole(server);
    await signIn(element, 'anna', 'fel lösenord');
    await waitUntil(() => problem(element) !== '', 'no error shown');
    expect(problem(element)).to.equal(
      'Fel användarnamn eller lösenord. Kontrollera och försök igen.',
    );
    expect((deepQuery(element, '#password') as HTMLInputElement).value).to.equal('');
    expect(heading(element)).to.equal('Logga in');
    await expect(element).to.be.accessible();
  });

  it('marks empty fields, says why, and moves focus to the first', async () => {
    const element = await renderConsole(server);
    await signIn(element, '', '');
    const username = deepQuery(element, '#username') as HTMLInputElement;
    await waitUntil(() => username.getAttribute('aria-invalid') === 'true');
    expect(deepQuery(element, '#username-error')?.textContent).to.equal('Fyll i det här fältet.');
    expect(username.getAttribute('aria-describedby')).to.equal('username-error');
    expect(focused()).to.equal(username);
    await expect(element).to.be.accessible();
  });

  it('says how long to wait once sign-in attempts are limited', async function () {
    this.timeout(30_000);
    const element = await renderConsole(server);
    const form = deepQuery(element, 'kc-sign-in') as HTMLElement & { submitting: boolean };
    for (let attempt = 0; attempt < 12 && !problem(element)?.startsWith('För många'); attempt++) {
      await signIn(element, 'sven', `fel-${attempt}`);
      await waitUntil(() => !form.submitting, 'the attempt did not end');
    }
    expect(problem(element)).to.match(
      /^För många misslyckade försök\. Vänta \d+ minut(er)? och försök sedan igen\.$/,
    );
  });
});

describe('<kc-console> shell', () => {
  it('opens the view a deep link names once signed in, and says "not found" for others', async () => {
    const element = await renderConsole(server, '/notices');
    expect(heading(element)).to.equal('Logga in');
    await signedIn(element, 'alva');
    expect(heading(element)).to.equal('Driftmeddelanden');
    expect(location.pathname).to.equal('/console/notices');

    history.pushState(null, '', '/console/no/such/page');
    dispatchEvent(new PopStateEvent('popstate'));
    await waitUntil(() => heading(element) === 'Sidan finns inte');
    await expect(element).to.be.accessible();
  });

  it('follows its links without reloading, marks the current one, and focuses the new heading', async () => {
    const element = await renderConsole(server);
    await signedIn(element, 'alva');
    const nav = element.shadowRoot?.querySelector('nav') as HTMLElement;
    const audit = [...nav.querySelectorAll('a')].find((a) => a.textContent === 'Händelselogg');
    audit?.click();
    await waitUntil(() => heading(element) === 'Händelselogg');
    expect(location.pathname).to.equal('/console/audit');
    expect(audit?.getAttribute('aria-current')).to.equal('page');
    expect(focused()?.tagName).to.equal('H1');
    expect(document.title).to.equal('Händelselogg – Kontaktcenter');

    history.back();
    await waitUntil(() => heading(element) === 'Inkorg', 'back did not return to the inbox');
  });

  it('shows admins their views and refuses them to agents', async () => {
    const element = await renderConsole(server, '/audit');
    await signedIn(element, 'anna');
    expect(heading(element)).to.equal('Ingen behörighet');
    const links = [...(element.shadowRoot?.querySelectorAll('nav a') ?? [])].map(
      (a) => a.textContent,
    );
    expect(links).to.deep.equal(['Inkorg', 'Chatt, 0 väntar', 'Översikt']);
  });

  it('switches to English and back, remembers it, and marks the page language', async () => {
    const element = await renderConsole(server);
    const toEnglish = deepQuery(element, 'button[lang="en"]') as HTMLButtonElement;
    expect(toEnglish.textContent?.trim()).to.equal('English');
    toEnglish.click();
    await waitUntil(() => heading(element) === 'Sign in');
    expect(element.getAttribute('lang')).to.equal('en');
    expect(document.documentElement.lang).to.equal('en');
    expect(localStorage.getItem(LANGUAGE_KEY)).to.equal('en');
    expect(deepQuery(element, 'label[for="password"]')?.textContent).to.equal('Password');
    await expect(element).to.be.accessible();

    element.remove();
    const again = await renderConsole(server);
    expect(heading(again)).to.equal('Sign in');
    (deepQuery(again, 'button[lang="sv"]') as HTMLButtonElement).click();
    await waitUntil(() => heading(again) === 'Logga in');
    expect(document.documentElement.lang).to.equal('sv');
  });

  it('tells a person whose session ended to sign in again, and keeps their place', async () => {
    const element = await renderConsole(server, '/audit');
    await signedIn(element, 'alva');
    // Signed out behind the console's back (another tab, or the session expired).
    await element.client?.session.signOut();
    const audit = deepQuery(element, 'kc-audit-view') as HTMLElement;
    (deepQuery(audit, 'button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => heading(element) === 'Logga in', 'the expired session was not noticed');
    expect(element.shadowRoot?.querySelector('.reason')?.textContent).to.contain(
      'sessionen gick ut',
    );
    await signedIn(element, 'alva');
    expect(heading(element)).to.equal('Händelselogg');
  });

  it('reads out the messages of one frame in order (the last three different ones), and the same one again', async () => {
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    // The inbox has said how many cases it shows: what is said next is this test's.
    await waitUntil(() => / ärenden? visas\.$/.test(announced(element)), 'the inbox said nothing');
    const view = deepQuery(element, 'main') ?? element;
    view.dispatchEvent(new KcAnnounceEvent('3 ärenden visas.'));
    view.dispatchEvent(new KcAnnounceEvent('En ny chatt väntar i kön.'));
    try {
      await waitUntil(() => announced(element) === '3 ärenden visas. En ny chatt väntar i kön.');
    } catch {
      throw new Error(`The live region says "${announced(element)}"`);
    }
    view.dispatchEvent(new KcAnnounceEvent('En ny chatt väntar i kön.'));
    // Emptied first, so that the same words are read again.
    await element.updateComplete;
    expect(announced(element)).to.equal('');
    await waitUntil(() => announced(element) === 'En ny chatt väntar i kön.');

    // Many in one frame (a tab in the background draws none): the last three different ones.
    for (const message of ['A.', 'B.', 'C.', 'B.', 'D.'])
      view.dispatchEvent(new KcAnnounceEvent(message));
    await waitUntil(() => announced(element) === 'C. B. D.', 'not the last three different ones');
  });

  it('reflows at 320 px without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await renderConsole(server);
    await signedIn(element, 'alva');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await expect(element).to.be.accessible();
  });
});

describe('<kc-console> in forced colours (Windows high contrast)', () => {
  const forcedColors = (active: boolean) => executeServerCommand('forced-colors', { active });
  afterEach(() => forcedColors(false));

  /**
   * Forced colours drop backgrounds and shadows: every field shown keeps a border, and each of
   * the first `stops` keyboard stops an outline for its focus ring.
   */
  async function expectEdgesAndRings(element: HTMLElement, stops: number): Promise<void> {
    const fields = deepQueryAll(
      element,
      'input:not([type="radio"], [type="checkbox"], [type="hidden"], [type="file"]), select, textarea',
    ).filter((field) => field.getClientRects().length > 0);
    expect(fields, 'fields to check').not.to.be.empty;
    for (const field of fields) {
      const style = getComputedStyle(field);
      expect(style.borderBlockEndStyle, `#${field.id}`).not.to.equal('none');
    }
    for (let stop = 0; stop < stops; stop++) {
      await sendKeys({ press: 'Tab' });
      const at = focused();
      if (!at || at === document.body) continue;
      const style = getComputedStyle(at);
      const name = `${at.localName}#${at.id}.${at.className}`;
      expect(style.outlineStyle, name).not.to.equal('none');
      expect(Number.parseFloat(style.outlineWidth), name).to.be.at.least(2);
    }
  }

  it('keeps the edges of the sign-in form’s fields and a focus ring on every stop', async () => {
    await forcedColors(true);
    const element = await renderConsole(server);
    expect(matchMedia('(forced-colors: active)').matches).to.be.true;
    await expectEdgesAndRings(element, 6);
  });

  it('keeps them in the inbox too, its filters and register form', async () => {
    await forcedColors(true);
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    const register = deepQuery<HTMLDetailsElement>(element, 'details');
    if (register) register.open = true;
    await expectEdgesAndRings(element, 25);
  });
});
