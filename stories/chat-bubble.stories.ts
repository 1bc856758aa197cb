import '@kontakt/widgets/define/chat-bubble';
import type { ChatConversation, KontaktClient } from '@kontakt/core';
import { createClient, KontaktError } from '@kontakt/core';
import type { ChatAvailability, ChatMessage, ChatSessionState } from '@kontakt/core/schemas';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { until } from './until.js';

interface ChatBubbleArgs {
  lang: string;
  placement: 'bottom-end' | 'bottom-start';
}

/** A made-up server: the stories answer its requests themselves (see `serve`). */
const ENDPOINT = 'https://kontakt.storybook.invalid';
const MEMORY_KEY = `kontakt.chat:${ENDPOINT}|gata`;

/** The page's own way in, written inside the tag: offered when the chat cannot be reached. */
const fallback = html`Ring kontaktcenter på <a href="tel:+46406280400">040-628 04 00</a>
  (vardagar 08.00–17.00)`;

const week = (open: boolean): ChatAvailability['week'] =>
  [
    '2026-12-07',
    '2026-12-08',
    '2026-12-09',
    '2026-12-10',
    '2026-12-11',
    '2026-12-12',
    '2026-12-13',
  ].map((date, day) =>
    day < 5 && (open || day > 0) ? { date, opens: '08:00', closes: '17:00' } : { date },
  );

const soon = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

const openNow: ChatAvailability = {
  department: 'gata',
  open: true,
  closesAt: soon(3),
  timeZone: 'Europe/Stockholm',
  week: week(true),
  agentsAvailable: 2,
  queue: { waiting: 1, estimatedWaitSeconds: 120 },
  callback: true,
};
const closedNow: ChatAvailability = {
  ...openNow,
  open: false,
  closesAt: undefined,
  opensAt: soon(40),
  week: week(false),
} as ChatAvailability;

/**
 * Answers the launcher's availability request for the made-up server (`fetch` is the edge a story
 * cannot reach), fails it like an unreachable server, or leaves it unanswered.
 */
function serve(availability: ChatAvailability | 'unreachable' | 'pending'): void {
  const real = (globalThis as { __kcRealFetch?: typeof fetch }).__kcRealFetch ?? globalThis.fetch;
  (globalThis as { __kcRealFetch?: typeof fetch }).__kcRealFetch = real;
  globalThis.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(ENDPOINT)) return real(input, init);
    if (availability === 'unreachable') return Promise.reject(new TypeError('Failed to fetch'));
    if (availability === 'pending') return new Promise<never>(() => {});
    return Promise.resolve(Response.json(availability));
  };
}

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const message = (
  id: number,
  role: ChatMessage['role'],
  text: string,
  extra: Partial<ChatMessage> = {},
): ChatMessage => ({ id: String(id), role, text, state: 'read', sentAt: at(10 - id), ...extra });

const state = (status: ChatSessionState['status'], extra: Partial<ChatSessionState> = {}) =>
  ({
    id: 'chat_storybookstorybook000',
    department: 'gata',
    status,
    locale: 'sv',
    startedAt: at(12),
    ...extra,
  }) as ChatSessionState;

/** A conversation that stays as it is: each story shows one moment. */
function stillConversation(
  session: ChatSessionState,
  messages: ChatMessage[],
  agentTyping = false,
): ChatConversation {
  return Object.assign(new EventTarget(), {
    id: session.id,
    token: 'storybook-token-000000000000000000000000000',
    state: session,
    messages,
    agentTyping,
    connection: 'online',
    lastEventId: '',
    send: () => new Promise<never>(() => {}),
    typing: () => {},
    markRead: () => Promise.resolve(),
    close: () => Promise.resolve({ ...session, status: 'ended', messages }),
    requestTranscript: () => Promise.resolve(),
    discard: () => false,
    toJSON: () => ({ id: session.id, token: 'storybook', lastEventId: '', unsent: [] }),
    [Symbol.asyncIterator]: () => ({ next: () => new Promise<never>(() => {}) }),
  }) as unknown as ChatConversation;
}

/** A client whose chat is `conversation` (resumed as if after a reload) and whose call-backs have slots. */
function clientWith(conversation?: ChatConversation): KontaktClient {
  const real = createClient({ endpoint: ENDPOINT, department: 'gata', outbox: false });
  return {
    ...real,
    chat: {
      ...real.chat,
      resume: () =>
        conversation
          ? Promise.resolve(conversation)
          : Promise.reject(new KontaktError('gone', { code: 'chat_not_found', status: 404 })),
      start: () => new Promise<never>(() => {}),
    },
    callbacks: {
      slots: () =>
        Promise.resolve({
          department: 'gata',
          timeZone: 'Europe/Stockholm',
          slots: ['08:00', '08:15', '08:30'].map((time) => ({
            start: `2026-12-08T${time}:00+01:00`,
            end: `2026-12-08T${time.replace(/:(\d\d)$/, (_, m: string) => `:${Number(m) + 15}`)}:00+01:00`,
            available: true,
          })),
        }),
      request: () => new Promise<never>(() => {}),
    },
  } as KontaktClient;
}

/**
 * Keeps a conversation "in this tab", opened or with `unread` messages that came while it was
 * closed: the bubble resumes it through the story's client.
 */
function keep({ open = true, unread = 0 } = {}): void {
  sessionStorage.setItem(
    MEMORY_KEY,
    JSON.stringify({
      conversation: { id: 'chat_storybookstorybook000', token: 'storybook' },
      open,
      unread,
    }),
  );
}

const story = (
  availability: ChatAvailability | 'unreachable' | 'pending',
  options: { conversation?: ChatConversation; open?: boolean; unread?: number } = {},
): Story => ({
  render: ({ lang, placement }) => {
    serve(availability);
    sessionStorage.removeItem(MEMORY_KEY);
    if (options.conversation) {
      keep(options.unread ? { open: false, unread: options.unread } : {});
    }
    return html`<kc-chat-bubble
      endpoint=${ENDPOINT}
      department="gata"
      lang=${lang}
      placement=${placement}
      ?open=${options.open ?? false}
      .client=${clientWith(options.conversation)}
      >${fallback}</kc-chat-bubble
    >`;
  },
});

/**
 * `<kc-chat-bubble>`: the launcher in the page's corner and its panel. The stories answer the
 * availability themselves and hand the panel a client whose conversation stays in one state.
 */
const meta: Meta<ChatBubbleArgs> = {
  title: 'Widgets/Chat bubble',
  component: 'kc-chat-bubble',
  args: { lang: 'sv', placement: 'bottom-end' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['sv', 'en', 'fi', 'ar', 'sv-simple'] },
    placement: { control: 'inline-radio', options: ['bottom-end', 'bottom-start'] },
  },
};
export default meta;

type Story = StoryObj<ChatBubbleArgs>;

/** `:state(open)`: the launcher says until when the chat is open. */
export const Launcher: Story = story(openNow);

/** `:state(closed)` on the launcher: when the chat opens next. */
export const LauncherClosed: Story = story(closedNow);

/** `:state(panel-open)`: the panel open, the start form with the queue now. */
export const Open: Story = story(openNow, { open: true });

/** Waiting in the queue: the place and the expected wait, a call-back offered when it is long. */
export const Queued: Story = story(openNow, {
  conversation: stillConversation(
    state('queued', { queue: { position: 4, estimatedWaitSeconds: 420 } }),
    [message(1, 'citizen', 'Hej! Hur söker jag boendeparkering?', { state: 'sent' })],
  ),
});

const talk = [
  message(1, 'citizen', 'Hej! Hur söker jag boendeparkering?'),
  message(2, 'system', '', { system: 'agent_joined', authorName: 'Anna' }),
  message(3, 'agent', 'Hej! Du söker på https://example.se/boendeparkering med e-legitimation.', {
    authorName: 'Anna',
  }),
  message(4, 'citizen', 'Tack! Hur lång tid tar det?', { state: 'delivered' }),
];

/** Talking with an agent: messages with their states, a link. */
export const Active: Story = story(openNow, {
  conversation: stillConversation(state('active', { agentName: 'Anna' }), talk),
});

/** The agent is typing. */
export const AgentTyping: Story = story(openNow, {
  conversation: stillConversation(state('active', { agentName: 'Anna' }), talk, true),
});

/** Right to left, in Arabic. */
export const ActiveArabic: Story = { ...Active, args: { lang: 'ar' } };

/** Easy-read Swedish (*lättläst*), for a page marked `lang="sv-simple"`. */
export const ActiveEasyRead: Story = { ...Active, args: { lang: 'sv-simple' } };

/** Ended: the case reference and the transcript by e-mail. */
export const Ended: Story = story(openNow, {
  conversation: stillConversation(
    state('ended', { agentName: 'Anna', caseReference: 'KC-7F3K-9QXM', endedAt: at(0) }),
    [...talk, message(5, 'system', '', { system: 'ended_by_agent' })],
  ),
});

/** The contact center is closed: the next opening, the week's hours, a message or a call-back. */
export const ContactCenterClosed: Story = story(closedNow, { open: true });

/**
 * `:state(unavailable)`: the server cannot be reached; the launcher offers the page's own content
 * when pressed.
 */
export const Unreachable: Story = story('unreachable');

/** `:state(loading)`: the opening hours are on their way (here they never come). */
export const LauncherLoading: Story = story('pending');

/**
 * `:state(unread)`: a conversation goes on with the panel closed, and the agent has written twice
 * since: the launcher counts it (and says it to screen readers in the button's name).
 */
export const Unread: Story = story(openNow, {
  conversation: stillConversation(state('active', { agentName: 'Anna' }), talk),
  unread: 2,
});

/** Placed at the start corner, clear of another floating button. */
export const BottomStart: Story = { ...Launcher, args: { placement: 'bottom-start' } };

/** Waits for `find` to give an element in the bubble's shadow root. */
const inBubble = <T extends Element>(
  root: HTMLElement,
  find: (shadow: ShadowRoot) => T | null | undefined,
): Promise<T> =>
  until(() => {
    const shadow = root.querySelector('kc-chat-bubble')?.shadowRoot;
    return shadow && find(shadow);
  }, 'not found in <kc-chat-bubble>');

/** The call-back form, from the closed panel (as a person gets there: "Bli uppringd"). */
export const CallbackForm: Story = {
  ...ContactCenterClosed,
  play: async ({ canvasElement }) => {
    const button = await inBubble(canvasElement, (shadow) =>
      [...shadow.querySelectorAll('button')].find(
        (each) => each.textContent?.trim() === 'Bli uppringd',
      ),
    );
    button.click();
  },
};
