import type { Agent, AgentClient } from '@kontakt/core/agent';
import type { TemplateResult } from 'lit';
import { html } from 'lit';
import type { ConsoleTexts } from '../i18n/texts.js';
import type { Route } from '../router.js';

/** What the shell gives every view. */
export interface ViewContext {
  client: AgentClient;
  agent: Agent;
  route: Route;
  /** The console's base path (`/console`), for links. */
  base: string;
  t: ConsoleTexts;
}

export type ViewName = Route['name'];

interface View {
  /** Only admins see it (others get "not allowed"). */
  adminOnly: boolean;
  /** The view's `<h1>` (and the page title). */
  heading: (t: ConsoleTexts, route: Route) => string;
  /** Loads and registers the view's element: each view is a chunk of its own. */
  load?: () => Promise<void>;
  render: (context: ViewContext) => TemplateResult;
}

/**
 * Every view: its heading, who may see it, its element. The shell renders the heading itself
 * (so focus can move to it on every change of view) and the element below it; an element that
 * is not loaded yet upgrades when its chunk arrives, keeping the properties set before.
 */
export const VIEWS: Record<ViewName, View> = {
  inbox: {
    adminOnly: false,
    heading: (t) => t.nav.inbox,
    load: async () => {
      const { KcInboxView } = await import('../views/inbox.js');
      KcInboxView.define('kc-inbox-view');
    },
    render: ({ client, base }) =>
      html`<kc-inbox-view .client=${client} base=${base}></kc-inbox-view>`,
  },
  case: {
    adminOnly: false,
    heading: (t, route) => (route.name === 'case' ? t.caseView.heading(route.reference) : ''),
    load: async () => {
      const { KcCaseView } = await import('../views/case.js');
      KcCaseView.define('kc-case-view');
    },
    render: ({ client, agent, route, base }) =>
      html`<kc-case-view
        .client=${client}
        .agent=${agent}
        reference=${route.name === 'case' ? route.reference : ''}
        base=${base}
      ></kc-case-view>`,
  },
  letter: {
    adminOnly: false,
    heading: (t, route) => (route.name === 'letter' ? t.letter.heading(route.reference) : ''),
    load: async () => {
      const { KcLetterView } = await import('../views/letter.js');
      KcLetterView.define('kc-letter-view');
    },
    render: ({ client, agent, route, base }) =>
      route.name === 'letter'
        ? html`<kc-letter-view
            .client=${client}
            .agent=${agent}
            reference=${route.reference}
            seq=${route.seq}
            base=${base}
          ></kc-letter-view>`
        : html``,
  },
  notices: {
    adminOnly: true,
    heading: (t) => t.notices.heading,
    load: async () => {
      const { KcNoticesView } = await import('../views/notices.js');
      KcNoticesView.define('kc-notices-view');
    },
    render: ({ client }) => html`<kc-notices-view .client=${client}></kc-notices-view>`,
  },
  audit: {
    adminOnly: true,
    heading: (t) => t.audit.heading,
    load: async () => {
      const { KcAuditView } = await import('../views/audit.js');
      KcAuditView.define('kc-audit-view');
    },
    render: ({ client }) => html`<kc-audit-view .client=${client}></kc-audit-view>`,
  },
  dashboard: {
    // Agents and admins; a specialist who deep-links gets the server's refusal, said politely.
    adminOnly: false,
    heading: (t) => t.dashboard.heading,
    load: async () => {
      const { KcDashboardView } = await import('../views/dashboard.js');
      KcDashboardView.define('kc-dashboard-view');
    },
    render: ({ client }) => html`<kc-dashboard-view .client=${client}></kc-dashboard-view>`,
  },
  chat: {
    adminOnly: false,
    heading: (t) => t.nav.chat,
    load: async () => {
      const { KcChatView } = await import('../chat/chat-view.js');
      KcChatView.define('kc-chat-view');
    },
    render: ({ client, agent, base }) =>
      html`<kc-chat-view .client=${client} .agent=${agent} base=${base}></kc-chat-view>`,
  },
  'not-found': {
    adminOnly: false,
    heading: (t) => t.notFound.heading,
    render: ({ t, base }) => html`
      <p>${t.notFound.text}</p>
      <p><a href=${`${base}/`}>${t.notFound.back}</a></p>
    `,
  },
};

/** Loads a view's chunk (once; the browser keeps the module). */
export async function loadView(name: ViewName): Promise<void> {
  await VIEWS[name].load?.();
}
