import '@kontakt/widgets/define/status-tracker';
import type { CaseWatch, KontaktClient } from '@kontakt/core';
import { CaseWatchErrorEvent, createClient, KontaktError, NetworkError } from '@kontakt/core';
import type { PublicCase } from '@kontakt/core/schemas';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { until } from './until.js';

interface StatusTrackerArgs {
  endpoint: string;
  department: string;
  lang: string;
}

/** The page's own way in, written inside the tag: shown when the tracker is not configured. */
const fallback = html`<p>
  Fråga om ditt ärende på <a href="tel:+46406280400">040-628 04 00</a> (vardagar 08.00–17.00).
</p>`;

const REFERENCE = 'KC-7F3K-9QXM';
/** A made-up receipt token: the stories' client below never sends it anywhere. */
const TOKEN = 'storybook-receipt-token-000000000000000';

const received: PublicCase = {
  reference: REFERENCE,
  channel: 'fault_report',
  department: 'gata',
  topic: 'gatubelysning',
  status: 'in_progress',
  createdAt: '2026-12-01T02:58:00Z',
  updatedAt: '2026-12-02T09:15:00Z',
  expectedAnswerBy: '2026-12-03T16:00:00Z',
  fault: { category: 'gatubelysning', photoCount: 2 },
  timeline: [
    { at: '2026-12-01T02:58:00Z', status: 'received' },
    {
      at: '2026-12-02T09:15:00Z',
      status: 'in_progress',
      note: 'En tekniker byter lampan i veckan.',
    },
  ],
};

const duplicate: PublicCase = {
  ...received,
  reference: 'KC-2M8P-4RTV',
  status: 'duplicate',
  duplicateOf: REFERENCE,
  timeline: [
    { at: '2026-12-01T03:10:00Z', status: 'received' },
    { at: '2026-12-01T08:05:00Z', status: 'duplicate' },
  ],
};

/** A question to the person: the contact center waits for their answer. */
const waiting: PublicCase = {
  ...received,
  status: 'waiting_for_citizen',
  updatedAt: '2026-12-02T10:30:00Z',
  timeline: [
    ...received.timeline,
    {
      at: '2026-12-02T10:30:00Z',
      status: 'waiting_for_citizen',
      note: 'Vilken stolpe gäller det? Numret står på en skylt på stolpen.',
    },
  ],
};

/** A question about a school case: its department takes photos with messages. */
const { fault: _fault, ...waitingMessage } = waiting;
const waitingAtSchool: PublicCase = {
  ...waitingMessage,
  channel: 'web_form',
  department: 'skola',
  topic: 'skolval',
  timeline: [
    { at: '2026-12-01T08:00:00Z', status: 'received' },
    {
      at: '2026-12-02T10:30:00Z',
      status: 'waiting_for_citizen',
      note: 'Kan du skicka en bild av beslutet du fick?',
    },
  ],
};

/** The case once the person has answered: back with the contact center. */
const answered: PublicCase = {
  ...waiting,
  status: 'in_progress',
  updatedAt: '2026-12-02T11:00:00Z',
  timeline: [...waiting.timeline, { at: '2026-12-02T11:00:00Z', status: 'in_progress' }],
};

/** A watch that never changes: the stories show one moment. */
function stillWatch(): CaseWatch {
  const target = new EventTarget();
  return Object.assign(target, {
    case: undefined,
    close: () => {},
    [Symbol.asyncIterator]: () => ({ next: () => new Promise<never>(() => {}) }),
  }) as unknown as CaseWatch;
}

/**
 * A watch whose connection drops at once and does not come back (it says it keeps trying): the
 * first watch of a story; the ones after it stay quiet, as a server that is still away.
 */
function droppedWatch(): CaseWatch {
  const watch = stillWatch();
  setTimeout(() =>
    watch.dispatchEvent(
      new CaseWatchErrorEvent(new KontaktError('Connection lost', { code: 'network_error' }), true),
    ),
  );
  return watch;
}

/**
 * A client whose lookups answer `answer` (a case, an error, or never): each story shows one
 * state without a server. The other stories talk to a real one.
 */
function clientAnswering(
  answer: PublicCase | KontaktError | 'never',
  watch: () => CaseWatch = stillWatch,
  addMessage: () => Promise<PublicCase> = () => Promise.resolve(answered),
): KontaktClient {
  const department =
    answer instanceof KontaktError || answer === 'never' ? 'gata' : answer.department;
  const real = createClient({ endpoint: 'http://localhost:8080', department });
  /** Only the first watch drops (`droppedWatch`): the one the tracker starts over with stays. */
  let watches = 0;
  const reply = () =>
    answer === 'never'
      ? new Promise<never>(() => {})
      : answer instanceof KontaktError
        ? Promise.reject(answer)
        : Promise.resolve({ case: answer, accessToken: TOKEN });
  return {
    ...real,
    cases: {
      ...real.cases,
      lookup: reply,
      follow: () => Promise.resolve({ case: received, accessToken: TOKEN }),
      addMessage,
      watch: () => (watches++ === 0 ? watch() : stillWatch()),
    },
  };
}

/**
 * `<kc-status-tracker>`: against a running contact-center server (`npm start`) for the form, and
 * with a client that answers one way per story for the states after a lookup.
 */
const meta: Meta<StatusTrackerArgs> = {
  title: 'Widgets/Status tracker',
  component: 'kc-status-tracker',
  args: { endpoint: 'http://localhost:8080', department: 'gata', lang: 'sv' },
  argTypes: { lang: { control: 'inline-radio', options: ['sv', 'en', 'fi', 'ar', 'sv-simple'] } },
  render: ({ endpoint, department, lang }) =>
    html`<kc-status-tracker endpoint=${endpoint} department=${department} lang=${lang}
      >${fallback}</kc-status-tracker
    >`,
};
export default meta;

type Story = StoryObj<StatusTrackerArgs>;

/** `:state(empty)`: the form asking for the reference and the e-mail address. */
export const Empty: Story = {};

export const English: Story = { args: { lang: 'en' } };

export const Finnish: Story = { args: { lang: 'fi' } };

/** Right to left: the layout mirrors; the reference stays left to right. */
export const Arabic: Story = { args: { lang: 'ar' } };

const opened = (
  answer: PublicCase | KontaktError | 'never',
  watch?: () => CaseWatch,
  addMessage?: () => Promise<PublicCase>,
) => ({
  render: ({ lang }: StatusTrackerArgs) =>
    html`<kc-status-tracker
      lang=${lang}
      reference=${REFERENCE}
      token=${TOKEN}
      .client=${clientAnswering(answer, watch, addMessage)}
      >${fallback}</kc-status-tracker
    >`,
});

/** `:state(opening)`: a receipt link is being opened (here it never answers). */
export const Opening: Story = opened('never');

/** `:state(shown)`: a fault report in progress, with its timeline (newest first). */
export const Shown: Story = opened(received);

export const ShownArabic: Story = { ...opened(received), args: { lang: 'ar' } };

/**
 * Easy-read Swedish (*lättläst*), for a page marked `lang="sv-simple"`: the statuses too are said
 * more simply than the contract's words.
 */
export const ShownEasyRead: Story = { ...opened(received), args: { lang: 'sv-simple' } };

/** A duplicate, with the way to follow the report it duplicates instead. */
export const Duplicate: Story = opened(duplicate);

/** `:state(not-found)`: one answer for an unknown reference and a wrong token or address. */
export const NotFound: Story = opened(
  new KontaktError('No case', { code: 'case_not_found', status: 404 }),
);

/** `:state(rate-limited)`: too many attempts; says when to try again. */
export const RateLimited: Story = opened(
  new KontaktError('Too many', { code: 'rate_limited', status: 429, retryAfter: 90_000 }),
);

/** `:state(offline)`: the contact center could not be reached. */
export const Offline: Story = opened(new KontaktError('Offline', { code: 'network_error' }));

/** `:state(failed)`: the lookup failed for another reason (here the server answered 500). */
export const Failed: Story = opened(
  new KontaktError('The server refused (500).', { code: 'http_error', status: 500 }),
);

/**
 * `:state(reconnecting)`: the case is shown, but its live updates have been cut off for a while
 * (8 seconds, here for good): the tracker says so, and that what it shows may be out of date.
 */
export const Reconnecting: Story = opened(received, droppedWatch);

/**
 * `:state(shown)`: the contact center waits for the person ("Väntar på dig"): its question, and
 * the form to answer it.
 */
export const WaitingForYou: Story = opened(waiting);

/** A story's play: the person writes an answer to the question and sends it. */
const answers =
  (story: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    const tracker = canvasElement.querySelector('kc-status-tracker');
    const field = await until(
      () => tracker?.shadowRoot?.querySelector<HTMLTextAreaElement>('#message-text'),
      `${story}: the form did not come`,
    );
    field.value = 'Stolpe 1432, vid busshållplatsen.';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    tracker?.shadowRoot?.querySelector<HTMLElement>('[part~="message-button"]')?.click();
  };

/** `:state(shown)`: the answer is sent; the case is back with the contact center. */
export const Answered: Story = { ...opened(waiting), play: answers('Answered') };

/**
 * `:state(shown)`: the answer could not be sent (no connection); the browser keeps it and sends
 * it when the connection is back. Shown waiting instead of the field, with "try now".
 */
export const AnswerKept: Story = {
  ...opened(waiting, undefined, () =>
    Promise.reject(
      new NetworkError('Offline', { code: 'network_error', queued: { id: 'story-kept' } }),
    ),
  ),
  play: answers('AnswerKept'),
};

/**
 * `:state(shown)`: a question about a case whose department takes photos with messages: the
 * answer can carry some (picked, prepared in the browser and previewed before they are sent).
 */
export const AnswerWithPhotos: Story = opened(waitingAtSchool);

/**
 * `:state(invalid)`: looked up with nothing typed; each field says what it needs, and the error
 * summary links to them.
 */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const tracker = canvasElement.querySelector('kc-status-tracker');
    const submit = await until(
      () => tracker?.shadowRoot?.querySelector<HTMLElement>('[part~="submit-button"]'),
      'Invalid: the form did not come',
    );
    submit.click();
  },
};

/** Not configured (no endpoint): only the page's own content shows. */
export const NotConfigured: Story = {
  render: () => html`<kc-status-tracker>${fallback}</kc-status-tracker>`,
};
