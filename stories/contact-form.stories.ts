import '@kontakt/widgets/define/contact-form';
import type { KontaktClient } from '@kontakt/core';
import { createClient, KontaktError, memoryStore } from '@kontakt/core';
import type { KcContactForm } from '@kontakt/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { until } from './until.js';

interface ContactFormArgs {
  endpoint: string;
  department: string;
  lang: string;
}

/** The page's own way in, written inside the tag: shown whenever the form cannot start. */
const fallback = html`<p>
  Du kan också ringa kontaktcenter på <a href="tel:+46406280400">040-628 04 00</a> (vardagar
  08.00–17.00).
</p>`;

/**
 * `<kc-contact-form>` against a running contact-center server: start one with `npm start`
 * (it allows this Storybook's origin, http://localhost:6006, in examples/demo/departments.json).
 * One story per state; the ones after a submit are reached by their play function.
 */
const meta: Meta<ContactFormArgs> = {
  title: 'Widgets/Contact form',
  component: 'kc-contact-form',
  args: { endpoint: 'http://localhost:8080', department: 'gata', lang: 'sv' },
  argTypes: {
    department: { control: 'select', options: ['gata', 'skola', 'bygglov'] },
    lang: { control: 'inline-radio', options: ['sv', 'en', 'fi', 'ar', 'sv-simple'] },
  },
  render: ({ endpoint, department, lang }) =>
    html`<kc-contact-form endpoint=${endpoint} department=${department} lang=${lang}
      >${fallback}</kc-contact-form
    >`,
};
export default meta;

type Story = StoryObj<ContactFormArgs>;

/** `:state(ready)`: the form with the department's topics. */
export const Swedish: Story = {};

export const English: Story = { args: { lang: 'en' } };

export const Finnish: Story = { args: { lang: 'fi' } };

/** Right to left: the layout mirrors; e-mail addresses and phone numbers stay left to right. */
export const Arabic: Story = { args: { lang: 'ar' } };

/**
 * Easy-read Swedish (*lättläst*), for a page marked `lang="sv-simple"` (the registered variant
 * `simple`): short sentences and everyday words, loaded like a language.
 */
export const EasyRead: Story = { args: { lang: 'sv-simple' } };

export const School: Story = { args: { department: 'skola' } };

/**
 * `:state(loading)`: the form is usable at once; the topic list says the topics are on their way
 * (here they never arrive).
 */
export const TopicsLoading: Story = {
  render: ({ endpoint, department, lang }) => {
    const real = createClient({ endpoint, department });
    const waiting: KontaktClient = {
      ...real,
      departments: { ...real.departments, get: () => new Promise(() => {}) },
    };
    return html`<kc-contact-form lang=${lang} .client=${waiting}>${fallback}</kc-contact-form>`;
  },
};

/** `:state(load-error)`: the server cannot be reached; the page's own content and a retry button. */
export const ServerUnreachable: Story = { args: { endpoint: 'http://127.0.0.1:9' } };

/** Not configured (no endpoint): only the page's own content shows. */
export const NotConfigured: Story = {
  render: () => html`<kc-contact-form>${fallback}</kc-contact-form>`,
};

/** The form inside the story's canvas, once its topics are in. */
async function formIn(canvas: HTMLElement): Promise<KcContactForm> {
  const form = canvas.querySelector('kc-contact-form');
  if (!form) throw new Error('no <kc-contact-form> in the story');
  await until(
    () => form.shadowRoot?.querySelector('#topic option[value]:not([value=""])'),
    'the topics did not arrive',
  );
  return form;
}

function set(form: KcContactForm, id: string, value: string): void {
  const control = form.shadowRoot?.querySelector<HTMLInputElement>(`#${id}`);
  if (!control) throw new Error(`no #${id}`);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
}

const press = (form: KcContactForm, selector: string) =>
  form.shadowRoot?.querySelector<HTMLElement>(selector)?.click();

/** `:state(invalid)`: sent empty; the error summary links to each field. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    press(form, '[part~="submit-button"]');
  },
};

/** Fills in a question about parking with an e-mail answer, and sends it. */
async function fillAndSend(canvasElement: HTMLElement): Promise<void> {
  const form = await formIn(canvasElement);
  set(form, 'topic', 'parkering');
  set(form, 'message', 'Hur söker jag boendeparkering?');
  press(form, '#answerChannel-email');
  await form.updateComplete;
  set(form, 'email', 'anna.svensson@example.se');
  press(form, '[part~="submit-button"]');
}

/** A picture as a phone or a screenshot gives it: a PNG of one colour. */
async function picture(name: string, colour: string): Promise<File> {
  const canvas = new OffscreenCanvas(1200, 900);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  context.fillStyle = colour;
  context.fillRect(0, 0, 1200, 900);
  return new File([await canvas.convertToBlob({ type: 'image/png' })], name, {
    type: 'image/png',
  });
}

/**
 * `:state(ready)` with photos, for a department that takes them with messages (the school's, in
 * the demo): two pictures added, and a file that is not one, with why it cannot be sent. The
 * field comes with the submit path, once the form is used.
 */
export const Photos: Story = {
  args: { department: 'skola' },
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    form.dispatchEvent(new Event('focusin'));
    const input = await until(
      () => form.shadowRoot?.querySelector<HTMLInputElement>('input#photos'),
      'the photos field did not show',
    );
    const transfer = new DataTransfer();
    transfer.items.add(await picture('brev.png', '#2a6'));
    transfer.items.add(await picture('skarmbild.png', '#a26'));
    transfer.items.add(new File(['%PDF-1.7'], 'beslut.pdf', { type: 'application/pdf' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await until(
      () => form.shadowRoot?.querySelector('[part~="problem"]'),
      'the photos were not prepared',
    );
  },
};

/**
 * `:state(invalid)` with an answer by letter, for someone without e-mail: the name and postal
 * address asked for as on an envelope, the town left out and a postcode that is not five digits,
 * sent to show what each error says.
 */
export const Letter: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    form.dispatchEvent(new Event('focusin'));
    set(form, 'topic', 'parkering');
    set(form, 'message', 'Jag har ingen e-post. Hur söker jag boendeparkering?');
    press(form, '#answerChannel-letter');
    await until(
      () => form.shadowRoot?.querySelector('input#street'),
      'the address fields did not show',
    );
    set(form, 'name', 'Karin Holm');
    set(form, 'street', 'Storgatan 1 lgh 1102');
    set(form, 'postalCode', '2112');
    press(form, '[part~="submit-button"]');
  },
};

/** `:state(submitted)`: the receipt with the case reference (stores a case on the server). */
export const Submitted: Story = { play: ({ canvasElement }) => fillAndSend(canvasElement) };

/**
 * The form on a client of the story's server (for the topics) whose sending is what `sender`
 * makes of it: `cases.submit` (how the form sends) and the outbox it keeps messages in.
 */
function sendingWith(
  { endpoint, department, lang }: ContactFormArgs,
  sender: (real: KontaktClient) => Pick<KontaktClient, 'cases' | 'outbox'>,
) {
  const real = createClient({ endpoint, department });
  const { cases, outbox } = sender(real);
  const client: KontaktClient = { ...real, cases, outbox };
  return html`<kc-contact-form lang=${lang} .client=${client}>${fallback}</kc-contact-form>`;
}

/**
 * `:state(submitting)`: sent, the answer on its way (here it never comes): the button says
 * "Skickar …", a second press sends nothing, and screen readers hear that it is being sent.
 */
export const Submitting: Story = {
  render: (args) =>
    sendingWith(args, (real) => ({
      cases: { ...real.cases, submit: () => new Promise(() => {}) },
      outbox: real.outbox,
    })),
  play: ({ canvasElement }) => fillAndSend(canvasElement),
};

/**
 * `:state(failed)`: the server refused the message (here: too many from this address for now);
 * why, in words, above the form, and the text kept to send again.
 */
export const Failed: Story = {
  render: (args) => {
    const refused = new KontaktError('Too many messages', {
      code: 'rate_limited',
      status: 429,
      retryAfter: 60_000,
    });
    return sendingWith(args, (real) => ({
      cases: { ...real.cases, submit: () => Promise.reject(refused) },
      outbox: real.outbox,
    }));
  },
  play: ({ canvasElement }) => fillAndSend(canvasElement),
};

/**
 * `:state(offline)`: the contact center cannot be reached when the message is sent (here it is
 * sent to a closed port): it is kept in the browser's outbox (for the story, in memory) and sent
 * when the server can be reached; the panel says so and offers to try now.
 */
export const Offline: Story = {
  render: (args) =>
    sendingWith(args, () =>
      createClient({
        endpoint: 'http://127.0.0.1:9',
        department: args.department,
        outbox: memoryStore(),
      }),
    ),
  play: ({ canvasElement }) => fillAndSend(canvasElement),
};

/** Themed by the host page through `--kc-*` tokens. */
export const Themed: Story = {
  render: ({ endpoint, department, lang }) => html`
    <div style="--kc-color-primary: #6b2c91; --kc-radius: 0; --kc-font-family: Georgia, serif">
      <kc-contact-form endpoint=${endpoint} department=${department} lang=${lang}></kc-contact-form>
    </div>
  `,
};
