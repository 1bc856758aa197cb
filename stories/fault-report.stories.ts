import '@kontakt/widgets/define/fault-report';
import type { KontaktClient } from '@kontakt/core';
import { createClient, KontaktError, memoryStore } from '@kontakt/core';
import type { KcFaultReport } from '@kontakt/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { until } from './until.js';

interface FaultReportArgs {
  endpoint: string;
  department: string;
  lang: string;
}

/** The page's own way in, written inside the tag: shown whenever the report cannot start. */
const fallback = html`<p>
  Felanmäl på telefon dygnet runt: <a href="tel:+46406280400">040-628 04 00</a>.
</p>`;

/**
 * `<kc-fault-report>` against a running contact-center server: start one with `npm start` (its
 * `gata` takes fault reports, with a map of OpenStreetMap tiles and a small gazetteer). One story
 * per state; the ones after the first step are reached by their play function.
 */
const meta: Meta<FaultReportArgs> = {
  title: 'Widgets/Fault report',
  component: 'kc-fault-report',
  args: { endpoint: 'http://localhost:8080', department: 'gata', lang: 'sv' },
  argTypes: { lang: { control: 'inline-radio', options: ['sv', 'en', 'fi', 'ar', 'sv-simple'] } },
  render: ({ endpoint, department, lang }) =>
    html`<kc-fault-report endpoint=${endpoint} department=${department} lang=${lang}
      tracker-url="/arende.html">${fallback}</kc-fault-report>`,
};
export default meta;

type Story = StoryObj<FaultReportArgs>;

/** `:state(ready)`: the first step, the categories by group with their search. */
export const Swedish: Story = {};

export const English: Story = { args: { lang: 'en' } };

export const Finnish: Story = { args: { lang: 'fi' } };

/** Right to left: the layout mirrors; references and coordinates stay left to right. */
export const Arabic: Story = { args: { lang: 'ar' } };

/** Easy-read Swedish (*lättläst*), for a page marked `lang="sv-simple"`. */
export const EasyRead: Story = { args: { lang: 'sv-simple' } };

/** `:state(load-error)`: the server cannot be reached; the page's own content and a retry. */
export const ServerUnreachable: Story = { args: { endpoint: 'http://127.0.0.1:9' } };

/** Not configured (no endpoint or department): the page's own content only. */
export const NotConfigured: Story = {
  render: () => html`<kc-fault-report>${fallback}</kc-fault-report>`,
};

/** Waits for a step of the report: `what` says where the story stopped when it does not come. */
const step = <T>(found: () => T | null | undefined | false, what: string) =>
  until(found, `The fault report story stopped: ${what}`);

/** The story's report once its first step is ready. */
async function reportIn(canvas: HTMLElement): Promise<KcFaultReport> {
  const element = canvas.querySelector('kc-fault-report') as KcFaultReport;
  await step(() => element.matches(':state(ready)'), 'the categories did not come');
  return element;
}

const root = (element: KcFaultReport) => element.shadowRoot as ShadowRoot;
const heading = (element: KcFaultReport) =>
  root(element).querySelector('#step-heading')?.textContent?.trim() ?? '';

/** Clicks `selector` once the step shows it (later steps load on demand). */
const press = async (element: KcFaultReport, selector: string) => {
  const target = await step(
    () => root(element).querySelector<HTMLElement>(selector),
    `no ${selector} on "${heading(element)}"`,
  );
  target.click();
  await element.updateComplete;
};

/** "Nästa", then waits for the next step to show. */
const next = async (element: KcFaultReport) => {
  const before = heading(element);
  await press(element, '#next');
  await step(() => heading(element) !== before, `no step after "${before}"`);
};

/** Types `value` into the field `id` once the step shows it. */
const set = async (element: KcFaultReport, id: string, value: string) => {
  const control = await step(
    () => root(element).querySelector<HTMLInputElement>(`#${id}`),
    `no #${id} on "${heading(element)}"`,
  );
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
};

/** `:state(invalid)`: going on without a category; the error summary links to the choices. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const element = await reportIn(canvasElement);
    await press(element, '#next');
  },
};

/** The category's own questions: radio group, text, number, date-time and checkboxes. */
export const Questions: Story = {
  play: async ({ canvasElement }) => {
    const element = await reportIn(canvasElement);
    await press(element, '#category-gatubelysning');
    await next(element);
  },
};

/** The location step: without the map first, then the map on request. */
export const Location: Story = {
  play: async ({ canvasElement }) => {
    const element = await reportIn(canvasElement);
    await press(element, '#category-gang-och-cykelvag');
    await next(element);
  },
};

/** The review, "Kontrollera dina svar", with Ändra for each answer and the public record notice. */
export const Review: Story = {
  play: async ({ canvasElement }) => {
    const element = await reportIn(canvasElement);
    await press(element, '#category-gang-och-cykelvag');
    await next(element);
    await set(element, 'address', 'Vid busshållplatsen Stortorget');
    await next(element);
    await next(element);
    await set(element, 'description', 'Ett djupt hål i cykelbanan.');
    await next(element);
    await next(element);
  },
};

/** Sends the report from the review (Review's steps, then "Skicka felanmälan"). */
const send: Story['play'] = async (context) => {
  await Review.play?.(context);
  await press(await reportIn(context.canvasElement), '#next');
};

/** `:state(submitted)`: the receipt with the tracker link (stores a case on the server). */
export const Submitted: Story = { play: send };

/**
 * The report on a client of the story's server with some of it replaced (`change`): how a page
 * hands the element a client (`.client`) instead of `endpoint` and `department`.
 */
function withClient(
  { endpoint, department, lang }: FaultReportArgs,
  change: (real: KontaktClient) => Partial<KontaktClient>,
) {
  const real = createClient({ endpoint, department });
  const client = { ...real, ...change(real) } as KontaktClient;
  return html`<kc-fault-report lang=${lang} tracker-url="/arende.html" .client=${client}
    >${fallback}</kc-fault-report
  >`;
}

/**
 * `:state(loading)`: the first step shows at once and says the categories are on their way (here
 * they never come).
 */
export const CatalogLoading: Story = {
  render: (args) =>
    withClient(args, (real) => ({
      faults: { ...real.faults, catalog: () => new Promise(() => {}) },
    })),
};

/** `:state(submitting)`: sent, the answer on its way (here it never comes). */
export const Submitting: Story = {
  render: (args) =>
    withClient(args, (real) => ({
      faults: { ...real.faults, submit: () => new Promise(() => {}) },
    })),
  play: send,
};

/**
 * `:state(failed)`: the server refused the report (here: too many from this address for now);
 * why, in words, and the answers kept to send again.
 */
export const Failed: Story = {
  render: (args) =>
    withClient(args, (real) => ({
      faults: {
        ...real.faults,
        submit: () =>
          Promise.reject(
            new KontaktError('Too many reports', {
              code: 'rate_limited',
              status: 429,
              retryAfter: 60_000,
            }),
          ),
      },
    })),
  play: send,
};

/**
 * `:state(offline)`: the contact center cannot be reached when the report is sent (here it goes
 * to a closed port): it is kept in the browser's outbox (for the story, in memory) and sent when
 * the server can be reached.
 */
export const Offline: Story = {
  render: (args) =>
    withClient(args, (real) => {
      const down = createClient({
        endpoint: 'http://127.0.0.1:9',
        department: args.department,
        outbox: memoryStore(),
      });
      return { faults: { ...real.faults, submit: down.faults.submit }, outbox: down.outbox };
    }),
  play: send,
};

/** A point on Stortorget, Malmö: where the story's device says it is. */
const HERE = { lat: 55.6059, lon: 13.0007 };

/**
 * The device's position, the one edge a story cannot reach (a browser asks the person first):
 * `HERE`, for the next ask.
 */
function deviceAt(point: { lat: number; lon: number }): void {
  const geolocation: Pick<Geolocation, 'getCurrentPosition'> = {
    getCurrentPosition: (found) =>
      setTimeout(() =>
        found({
          coords: { latitude: point.lat, longitude: point.lon, accuracy: 10 },
          timestamp: Date.now(),
        } as GeolocationPosition),
      ),
  };
  Object.defineProperty(navigator, 'geolocation', { configurable: true, get: () => geolocation });
}

/**
 * `:state(followed)`: a pothole reported here already (the story reports one on the server
 * first), so instead of a second report the person follows that one by e-mail; the tracker link
 * opens it.
 */
export const Followed: Story = {
  play: async ({ canvasElement, args }) => {
    const client = createClient({ endpoint: args.endpoint, department: args.department });
    await client.faults.submit({
      category: 'hal-i-gata',
      description: 'Djupt hål vid övergångsstället.',
      answers: { storlek: 'mellan' },
      location: HERE,
    });
    deviceAt(HERE);
    const element = await reportIn(canvasElement);
    await press(element, '#category-hal-i-gata');
    await next(element);
    await press(element, '#answer-storlek-mellan');
    await next(element);
    await press(element, '#position');
    await step(
      () =>
        root(element)
          .querySelector('[part~="chosen"]')
          ?.textContent?.trim()
          .startsWith('Vald position'),
      'no position chosen',
    );
    await next(element);
    await set(element, 'follow-email', 'anna.svensson@example.se');
    await press(element, '[part~="follow-button"]');
  },
};

/** Themed by the host page through `--kc-*` tokens. */
export const Themed: Story = {
  render: ({ endpoint, department, lang }) => html`
    <div style="--kc-color-primary: #6b2c91; --kc-radius: 0; --kc-font-family: Georgia, serif">
      <kc-fault-report endpoint=${endpoint} department=${department} lang=${lang}></kc-fault-report>
    </div>
  `,
};
