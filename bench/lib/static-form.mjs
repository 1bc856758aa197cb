// The contact form as plain HTML: what the same form costs a page with no script at all. It is
// the floor under any way of rendering this form, so the bench shows it beside kontakt.
//
// The markup is not written by hand: it is read from kontakt's own element after it has rendered in
// the bench browser (its shadow root, without Lit's marker comments, and its style sheets), and
// served as declarative shadow DOM, so the browser parses, styles and lays out exactly the form a
// citizen sees, without running anything.

const SNAPSHOT_TIMEOUT_MS = 30_000;

/**
 * @typedef {{ html: string, css: string }} FormSnapshot
 */

/**
 * Loads `url` (kontakt's bench page) and reads the finished form.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @returns {Promise<FormSnapshot>}
 */
export async function snapshotForm(browser, url) {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    await tab.goto(url, { waitUntil: 'load', timeout: SNAPSHOT_TIMEOUT_MS });
    await tab.waitForFunction(
      () =>
        document
          .querySelector('kc-contact-form')
          ?.shadowRoot?.querySelector('#topic option[value]:not([value=""])'),
      { timeout: SNAPSHOT_TIMEOUT_MS },
    );
    return await tab.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (
        document.querySelector('kc-contact-form')?.shadowRoot
      );
      const css = root.adoptedStyleSheets
        .flatMap((sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText))
        .join('\n');
      return { html: root.innerHTML.replace(/<!--[\s\S]*?-->/g, ''), css };
    });
  } finally {
    await context.close();
  }
}

/**
 * The snapshot as an element with a declarative shadow root. The tag is not kontakt's, so that
 * nothing can upgrade it.
 * @param {FormSnapshot} snapshot
 */
export function staticFormHtml({ html, css }) {
  return `<bench-static-form><template shadowrootmode="open"><style>${css}</style>${html}</template></bench-static-form>`;
}
