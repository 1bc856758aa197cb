// The pages the bench loads. Each is the same small department page (a heading and a paragraph)
// with one embed added, so that "minus the empty page" is the embed's own cost.
//
// `visible` and `complete` run inside the page (they are serialised with Function#toString, so
// they must not close over anything). `visible` returns the element a person sees first; the page
// counts as visible once that element has a laid-out box with an area.

/**
 * @typedef {object} Page
 * @property {string} id            file name and key in results
 * @property {string} name          as shown in tables
 * @property {boolean} peer         one of the embeds kontakt is compared with
 * @property {boolean} [reference]  not an embed: a floor kontakt is read against (left out of --quick)
 * @property {boolean} [quick]      false: left out of --quick (which runs in npm test)
 * @property {(ctx: PageContext) => string} body   what the embed adds to <body>
 * @property {string[]} scripts     module scripts in <head>, as URLs on the bench server
 * @property {string[]} styles      style sheets in <head>
 * @property {() => string[]} [modulePreloads]   module URLs the page preloads in <head>, before
 *   its scripts (read from the build when the page is served)
 * @property {() => Element | null | undefined} visible
 * @property {(() => boolean) | undefined} complete   only kontakt: its data from the server is in
 * @property {string} [baselineOf]  the page this one repeats on an earlier bundle (`--baseline`)
 *
 * @typedef {object} PageContext
 * @property {string} endpoint      the kontakt server's URL
 * @property {import('./static-form.mjs').FormSnapshot | undefined} staticForm   kontakt's finished
 *   form, read in the browser before the runs (see static-form.mjs)
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WIDGET_CDN } from './paths.mjs';
import { staticFormHtml } from './static-form.mjs';

/**
 * What the contact form's starter loads for its first render (the element and the chunks it
 * lists), as URLs on the bench server: what a page can preload so that they come with the
 * starter instead of after it.
 */
function contactFormFirstRenderModules() {
  const starter = readFileSync(join(WIDGET_CDN, 'contact-form.js'), 'utf8');
  const files = [...starter.matchAll(/\.\/(chunks\/[\w.-]+\.js)/g)].map(([, file]) => file);
  return [...new Set(files)].map((file) => `/kontakt/${file}`);
}

/** The contact form as a department embeds it: one tag and its script. @type {Page} */
const CONTACT_FORM = {
  id: 'kontakt',
  name: '`<kc-contact-form>`',
  peer: false,
  body: ({ endpoint }) =>
    `<kc-contact-form endpoint="${endpoint}" department="gata">Ring 040-34 10 00</kc-contact-form>`,
  scripts: ['/kontakt/contact-form.js'],
  styles: [],
  // The definition: the form part is laid out (a person can start typing).
  visible: () =>
    document.querySelector('kc-contact-form')?.shadowRoot?.querySelector('[part~="form"]'),
  // …and the department's topics from the server are in the select.
  complete: () => {
    const topic = document.querySelector('kc-contact-form')?.shadowRoot?.getElementById('topic');
    return Array.from(topic?.querySelectorAll('option') ?? []).some((option) => option.value);
  },
};

/** @type {Page[]} */
export const PAGES = [
  {
    id: 'empty',
    name: 'empty page',
    peer: false,
    body: () => '',
    scripts: [],
    styles: [],
    visible: () => document.querySelector('h1'),
    complete: undefined,
  },
  CONTACT_FORM,
  {
    // Not an embed a department pastes as one tag: the same form on a page that also preloads
    // the chunks its starter would ask for (`<link rel="modulepreload">`). It shows what the
    // starter's second round trip costs (the starter must arrive before it can name them).
    ...CONTACT_FORM,
    id: 'kontakt-preloaded',
    name: '`<kc-contact-form>`, its chunks preloaded by the page',
    reference: true,
    quick: false,
    modulePreloads: contactFormFirstRenderModules,
  },
  {
    // A danger notice is published before the runs (widgets.mjs): what a page shows in a crisis.
    id: 'notice',
    name: '`<kc-notice>` (one notice)',
    peer: false,
    quick: false,
    body: ({ endpoint }) =>
      `<kc-notice endpoint="${endpoint}" department="gata"><a href="/">Aktuella störningar</a></kc-notice>`,
    scripts: ['/kontakt/notice.js'],
    styles: [],
    // The notice is laid out (a person can read it)…
    visible: () =>
      document.querySelector('kc-notice')?.shadowRoot?.querySelector('[part~="notice"]'),
    // …and its hide button is there (the whole notice is in).
    complete: () =>
      Boolean(
        document.querySelector('kc-notice')?.shadowRoot?.querySelector('[part~="hide-button"]'),
      ),
  },
  {
    // The tracker page as a person reaches it without a receipt link: the form, no data needed.
    id: 'status-tracker',
    name: '`<kc-status-tracker>` (the form)',
    peer: false,
    quick: false,
    body: ({ endpoint }) =>
      `<kc-status-tracker endpoint="${endpoint}" department="gata">Ring 040-34 10 00</kc-status-tracker>`,
    scripts: ['/kontakt/status-tracker.js'],
    styles: [],
    // The form is laid out (a person can start typing); nothing more arrives before it is used.
    visible: () =>
      document.querySelector('kc-status-tracker')?.shadowRoot?.querySelector('[part~="form"]'),
    complete: undefined,
  },
  {
    // The fault report as a person reaches it: its first step, the categories from the catalog.
    id: 'fault-report',
    name: '`<kc-fault-report>` (the first step)',
    peer: false,
    quick: false,
    body: ({ endpoint }) =>
      `<kc-fault-report endpoint="${endpoint}" department="gata">Ring 040-34 10 00</kc-fault-report>`,
    scripts: ['/kontakt/fault-report.js'],
    styles: [],
    // The step is laid out (a person can start choosing)…
    visible: () =>
      document.querySelector('kc-fault-report')?.shadowRoot?.querySelector('[part~="form"]'),
    // …and the department's categories from the catalog are in.
    complete: () =>
      Boolean(
        document
          .querySelector('kc-fault-report')
          ?.shadowRoot?.querySelector('input[name="category"]'),
      ),
  },
  {
    // The chat launcher as a page shows it before anyone opens it: the button and whether the
    // chat is open (the panel and the SDK load only on open, so they are not measured here).
    id: 'chat-bubble',
    name: '`<kc-chat-bubble>` (the launcher)',
    peer: false,
    quick: false,
    body: ({ endpoint }) =>
      `<kc-chat-bubble endpoint="${endpoint}" department="gata">Ring 040-34 10 00</kc-chat-bubble>`,
    scripts: ['/kontakt/chat-bubble.js'],
    styles: [],
    // The launcher button is laid out (a person can open the chat)…
    visible: () =>
      document
        .querySelector('kc-chat-bubble')
        ?.shadowRoot?.querySelector('[part~="launcher-button"]'),
    // …and it says whether the chat is open, from the server's availability.
    complete: () =>
      Boolean(document.querySelector('kc-chat-bubble')?.matches(':state(open), :state(closed)')),
  },
  {
    id: 'static-form',
    name: 'the same form as plain HTML (no script)',
    peer: false,
    reference: true,
    body: ({ staticForm }) => {
      if (!staticForm) throw new Error('The static form is served only after it has been read.');
      return staticFormHtml(staticForm);
    },
    scripts: [],
    styles: [],
    visible: () =>
      document.querySelector('bench-static-form')?.shadowRoot?.querySelector('[part~="form"]'),
    complete: undefined,
  },
  {
    id: 'papercups',
    name: 'Papercups chat widget (React 17)',
    peer: true,
    body: () => '<div id="papercups"></div>',
    scripts: ['/assets/papercups.js'],
    styles: [],
    // The launcher button: what Papercups shows before anyone opens the chat.
    visible: () => document.querySelector('.Papercups-toggleButton'),
    complete: undefined,
  },
  {
    id: 'n8n',
    name: 'n8n chat',
    peer: true,
    body: () => '<div id="n8n-chat"></div>',
    scripts: ['/assets/n8n-chat.js'],
    styles: ['/assets/n8n-chat.css'],
    visible: () => document.querySelector('.chat-window-toggle'),
    complete: undefined,
  },
  {
    id: 'formio',
    name: 'Form.io form',
    peer: true,
    body: () => '<div id="formio"></div>',
    scripts: ['/assets/formio.js'],
    styles: ['/assets/formio.css'],
    // The first field of the form, as for kontakt: something a person can type into.
    visible: () => document.querySelector('#formio select, #formio textarea, #formio input'),
    complete: undefined,
  },
  {
    id: 'lit',
    name: 'a trivial Lit element',
    peer: true,
    body: () => '<bench-hello></bench-hello>',
    scripts: ['/assets/lit-element.js'],
    styles: [],
    visible: () =>
      document.querySelector('bench-hello')?.shadowRoot?.querySelector('[part="text"]'),
    complete: undefined,
  },
];

/**
 * kontakt's pages again, on the script-tag bundle served from `/kontakt-baseline/` (an earlier
 * build, `--baseline`): measured in the same run as today's, so a change is read against the
 * same machine and moment.
 * @param {Page[]} pages
 * @returns {Page[]}
 */
export function baselinePages(pages) {
  return (
    pages
      // A page that preloads today's chunks by name has no baseline of itself.
      .filter(
        (page) => page.scripts.some((src) => src.startsWith('/kontakt/')) && !page.modulePreloads,
      )
      .map((page) => ({
        ...page,
        id: `${page.id}-baseline`,
        name: `${page.name} (baseline)`,
        quick: false,
        scripts: page.scripts.map((src) => src.replace(/^\/kontakt\//, '/kontakt-baseline/')),
        baselineOf: page.id,
      }))
  );
}

/**
 * The page's HTML.
 * @param {Page} page
 * @param {PageContext} ctx
 */
export function pageHtml(page, ctx) {
  const head = [
    ...page.styles.map((href) => `<link rel="stylesheet" href="${href}">`),
    ...(page.modulePreloads?.() ?? []).map((href) => `<link rel="modulepreload" href="${href}">`),
    ...page.scripts.map((src) => `<script type="module" src="${src}"></script>`),
  ].join('\n    ');
  return `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <link rel="icon" href="data:,">
    <title>${page.id} · kontakt bench</title>
    ${head}
  </head>
  <body>
    <main>
      <h1>Kontakta oss</h1>
      <p>Fastighets- och gatukontoret svarar på frågor om parkering, gator och snöröjning.</p>
      ${page.body(ctx)}
    </main>
  </body>
</html>
`;
}
