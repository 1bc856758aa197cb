// A command for browser tests: `executeServerCommand('forced-colors', { active })` turns Chromium's
// forced colours (Windows' high contrast themes) on or off for the test's page. The runner's own
// `emulateMedia` cannot: puppeteer's `emulateMediaFeatures` refuses `forced-colors`, while the
// DevTools protocol's `Emulation.setEmulatedMedia` takes it.
//
// It replaces the page's emulated media features, so a test that also emulates reduced motion or
// a colour scheme sets those after this.
export function forcedColorsPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'kontakt-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(
          `forced-colors needs Chromium through puppeteer, not ${session.browser.type}`,
        );
      }
      const page = session.browser.getPage(session.id);
      // One protocol session per page, kept: what a session emulates ends when it detaches.
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}
