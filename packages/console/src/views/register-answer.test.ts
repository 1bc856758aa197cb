// The register form's answer channel against a real server: a call answered by letter stored with
// its address and shown as an envelope on the case, a letter without one refused field by field,
// each channel asking only for its own details (and sending only those), the letter by keyboard
// only, in English too; axe in each state.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KcConsole } from '../app/console.js';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  cleanupConsoles,
  deepQuery,
  focused,
  heading,
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

/** The inbox's shadow root, with the register form open and its departments and topics loaded. */
async function registerForm(element: KcConsole): Promise<ShadowRoot> {
  await waitUntil(() => deepQuery(element, 'kc-inbox-view')?.shadowRoot, 'no inbox');
  const root = (deepQuery(element, 'kc-inbox-view') as HTMLElement).shadowRoot as ShadowRoot;
  root.querySelector('details')?.setAttribute('open', '');
  await waitUntil(
    () => (root.querySelector('#register-topic') as HTMLSelectElement).options.length > 0,
    'no topics to pick',
  );
  return root;
}

const field = <T extends HTMLElement = HTMLInputElement>(root: ShadowRoot, name: string) =>
  root.querySelector<T>(`#register-${name}`);

/** Picks how the person wants the answer, as a click on its radio button does. */
async function choose(root: ShadowRoot, channel: string): Promise<void> {
  root.querySelector<HTMLInputElement>(`input[name="answerChannel"][value="${channel}"]`)?.click();
  await waitUntil(() => field(root, 'name')?.required === (channel === 'letter'));
}

function fill(root: ShadowRoot, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = field<HTMLInputElement | HTMLTextAreaElement>(root, name);
    if (!input) throw new Error(`No field register-${name}`);
    input.value = value;
  }
}

const submit = (root: ShadowRoot) =>
  root.querySelector<HTMLButtonElement>('details form button[type="submit"]')?.click();

/** The labels of the fields shown for the answer, in order. */
const detailLabels = (root: ShadowRoot) =>
  [...root.querySelectorAll('details fieldset:last-of-type label')].map((label) =>
    label.textContent?.trim(),
  );

/** The new case's reference, once the console has gone to it. */
async function registered(element: KcConsole): Promise<string> {
  await waitUntil(() => heading(element).startsWith('Ärende KC-'), 'not taken to the new case', {
    timeout: 10_000,
  });
  return heading(element).replace('Ärende ', '');
}

const NOTES = 'Ringde om boendeparkering; har ingen e-post och vill ha svar med posten.';

describe('how the person wants the answer', () => {
  it('asks by phone by default, and each channel only for its own details, axe-clean', async function () {
    this.timeout(30_000);
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    const root = await registerForm(element);
    const group = root.querySelector('details fieldset legend');
    expect(group?.textContent?.trim()).to.equal('Hur vill personen få svar?');
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[name="answerChannel"]')];
    expect(radios.map((radio) => radio.parentElement?.textContent?.trim())).to.deep.equal([
      'E-post',
      'Telefon',
      'Besök',
      'Brev',
    ]);
    expect(radios.find((radio) => radio.checked)?.value).to.equal('phone');
    expect(detailLabels(root)).to.deep.equal(['Namn (frivilligt)', 'Telefon (frivilligt)']);
    await expect(element).to.be.accessible();

    await choose(root, 'email');
    expect(detailLabels(root)).to.deep.equal(['Namn (frivilligt)', 'E-postadress']);
    expect(field(root, 'email')?.required).to.equal(true);
    await expect(element).to.be.accessible();

    await choose(root, 'visit');
    expect(detailLabels(root)).to.deep.equal([
      'Namn (frivilligt)',
      'E-postadress (frivilligt)',
      'Telefon (frivilligt)',
    ]);
    await expect(element).to.be.accessible();

    await choose(root, 'letter');
    expect(root.querySelector('details fieldset:last-of-type legend')?.textContent).to.equal(
      'Skicka svaret med brev till',
    );
    // The envelope's order: who, the street, then the postcode and the town.
    expect(detailLabels(root)).to.deep.equal(['Namn', 'Gatuadress', 'Postnummer', 'Ort']);
    for (const name of ['name', 'street', 'postalCode', 'city']) {
      expect(field(root, name)?.required, name).to.equal(true);
      // The agent types someone else's address: the browser should not offer the agent's own.
      expect(field(root, name)?.getAttribute('autocomplete'), name).to.equal('off');
    }
    expect(field(root, 'email')).to.equal(null);
    expect(field(root, 'phone')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('registers a call answered by letter: the case keeps the address and shows the envelope', async function () {
    this.timeout(30_000);
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    const root = await registerForm(element);
    fill(root, { notes: NOTES, phone: '070-123 45 67' });
    // The number typed before the letter was chosen is not the letter's: it is not sent.
    await choose(root, 'letter');
    fill(root, {
      name: 'Karin Holm',
      street: 'Storgatan 1 lgh 1102',
      postalCode: '21122',
      city: 'Malmö',
    });
    submit(root);
    const reference = await registered(element);

    const stored = await element.client?.cases.get(reference);
    expect(stored?.channel).to.equal('phone');
    expect(stored?.message).to.include({
      answerChannel: 'letter',
      name: 'Karin Holm',
      phone: null,
      email: null,
    });
    expect(stored?.message.postalAddress).to.deep.equal({
      street: 'Storgatan 1 lgh 1102',
      postalCode: '211 22',
      city: 'Malmö',
    });

    await waitUntil(() => inView(element, 'kc-case-view', '.envelope') !== null, 'no envelope', {
      timeout: 10_000,
    });
    const envelope = inView(element, 'kc-case-view', '.envelope') as HTMLElement;
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines are what is tested
    expect(envelope.innerText.split('\n')).to.deep.equal([
      'Karin Holm',
      'Storgatan 1 lgh 1102',
      '211 22 Malmö',
    ]);
    expect(inView<HTMLSelectElement>(element, 'kc-case-view', '#reply-via')?.value).to.equal(
      'letter',
    );
    await expect(element).to.be.accessible();
  });

  it('says on each field what a letter without an address lacks, and moves focus to the first', async function () {
    this.timeout(30_000);
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    const root = await registerForm(element);
    fill(root, { notes: NOTES });
    await choose(root, 'letter');
    fill(root, { postalCode: '01234' });
    submit(root);
    await waitUntil(
      () => field(root, 'name')?.getAttribute('aria-invalid') === 'true',
      'no field errors',
      { timeout: 10_000 },
    );
    const errors = Object.fromEntries(
      ['name', 'street', 'postalCode', 'city'].map((name) => [
        name,
        root.querySelector(`#register-${name}-error`)?.textContent,
      ]),
    );
    expect(errors).to.deep.equal({
      name: 'Skriv namnet: brevet behöver en mottagare.',
      street: 'Fyll i det här fältet.',
      postalCode: 'Skriv postnumret med fem siffror, till exempel 211 22.',
      city: 'Fyll i det här fältet.',
    });
    for (const name of ['name', 'street', 'postalCode', 'city']) {
      expect(field(root, name)?.getAttribute('aria-invalid'), name).to.equal('true');
      expect(field(root, name)?.getAttribute('aria-describedby'), name).to.contain(
        `register-${name}-error`,
      );
    }
    // The street's hint is still read with its error.
    expect(field(root, 'street')?.getAttribute('aria-describedby')).to.equal(
      'register-street-hint register-street-error',
    );
    expect(focused()).to.equal(field(root, 'name'));
    expect(heading(element)).to.equal('Inkorg');
    await expect(element).to.be.accessible();

    // Another channel: the letter's errors no longer apply.
    await choose(root, 'phone');
    expect(root.querySelectorAll('[aria-invalid="true"]').length).to.equal(0);
  });

  it('asks for the e-mail address of an answer by e-mail before sending, and sends only it', async function () {
    this.timeout(30_000);
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    const root = await registerForm(element);
    fill(root, { notes: 'Frågade om bygglov; vill ha svaret skriftligt.', phone: '070-765 43 21' });
    await choose(root, 'email');
    submit(root);
    await waitUntil(() => field(root, 'email')?.getAttribute('aria-invalid') === 'true');
    expect(root.querySelector('#register-email-error')?.textContent).to.equal(
      'Skriv e-postadressen som svaret ska skickas till.',
    );
    expect(focused()).to.equal(field(root, 'email'));
    await expect(element).to.be.accessible();

    fill(root, { email: 'karin.holm@example.se' });
    submit(root);
    const reference = await registered(element);
    const stored = await element.client?.cases.get(reference);
    expect(stored?.message).to.include({
      answerChannel: 'email',
      email: 'karin.holm@example.se',
      phone: null,
      postalAddress: null,
    });
  });

  it('is completed by keyboard only for a letter', async function () {
    this.timeout(60_000);
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    await registerForm(element);
    const root = (deepQuery(element, 'kc-inbox-view') as HTMLElement).shadowRoot as ShadowRoot;
    root.querySelector('details')?.removeAttribute('open');

    /** Presses Tab until `matches` holds for the focused element. */
    async function tabTo(matches: (found: Element | null) => boolean, limit = 100) {
      for (let i = 0; i < limit && !matches(focused()); i++) await sendKeys({ press: 'Tab' });
      expect(matches(focused()), `focus on ${focused()?.outerHTML.slice(0, 80)}`).to.equal(true);
    }
    await tabTo((found) => found?.localName === 'summary');
    await sendKeys({ press: 'Enter' });
    await tabTo((found) => found?.id === 'register-notes');
    await sendKeys({ type: 'Ville ha svaret med posten.' });
    // Into the radio group: to the chosen channel, then along it with the arrow keys.
    await sendKeys({ press: 'Tab' });
    expect((focused() as HTMLInputElement).value).to.equal('phone');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect((focused() as HTMLInputElement).value).to.equal('letter');
    await waitUntil(() => field(root, 'street') !== null, 'no address fields');
    for (const value of ['Karin Holm', 'Storgatan 1', '211 22', 'Malmö']) {
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: value });
    }
    await sendKeys({ press: 'Tab' });
    expect(focused()?.localName).to.equal('button');
    await sendKeys({ press: 'Enter' });
    const reference = await registered(element);
    const stored = await element.client?.cases.get(reference);
    expect(stored?.message.name).to.equal('Karin Holm');
    expect(stored?.message.postalAddress).to.deep.equal({
      street: 'Storgatan 1',
      postalCode: '211 22',
      city: 'Malmö',
    });
  });

  it('speaks English: the channels, the envelope lines and the errors', async function () {
    this.timeout(30_000);
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    element.setAttribute('lang', 'en');
    const root = await registerForm(element);
    await waitUntil(
      () =>
        root.querySelector('details fieldset legend')?.textContent?.trim() ===
        'How does the person want the answer?',
      'no English legend',
    );
    expect(
      [...root.querySelectorAll('input[name="answerChannel"]')].map((radio) =>
        radio.parentElement?.textContent?.trim(),
      ),
    ).to.deep.equal(['E-mail', 'Phone', 'Visit', 'Letter']);
    await choose(root, 'letter');
    expect(root.querySelector('details fieldset:last-of-type legend')?.textContent).to.equal(
      'Send the answer by letter to',
    );
    expect(detailLabels(root)).to.deep.equal(['Name', 'Street address', 'Postcode', 'Town']);
    fill(root, { notes: NOTES, street: 'Storgatan 1', postalCode: '2112', city: 'Malmö' });
    submit(root);
    await waitUntil(
      () => field(root, 'name')?.getAttribute('aria-invalid') === 'true',
      'no field errors',
      { timeout: 10_000 },
    );
    expect(root.querySelector('#register-name-error')?.textContent).to.equal(
      'Enter the name: the letter needs someone to go to.',
    );
    expect(root.querySelector('#register-postalCode-error')?.textContent).to.equal(
      'Enter the postcode as five digits, for example 211 22.',
    );
    await expect(element).to.be.accessible();

    await choose(root, 'email');
    submit(root);
    await waitUntil(() => field(root, 'email')?.getAttribute('aria-invalid') === 'true');
    expect(root.querySelector('#register-email-error')?.textContent).to.equal(
      'Enter the e-mail address the answer should go to.',
    );
  });
});
