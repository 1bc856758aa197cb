// The script-tag starter's early department request, as a page lives it: the tag is in the page,
// the starter asks for the department before the element has loaded, and the element, once
// defined, takes that request over instead of sending its own. Nothing is imported that defines
// the element until the test does.
import { expect, waitUntil } from '@open-wc/testing';
import type { TestServer } from '../test-support/kontakt-server.js';
import { startKontaktServer, stopKontaktServer } from '../test-support/kontakt-server.js';
import { startDepartmentRequests } from './early-department.js';

let server: TestServer;
before(async () => {
  server = await startKontaktServer();
});
after(async () => {
  await stopKontaktServer(server);
});

const requestsTo = (url: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.name === url);

/** Counts the page's `fetch` calls (and lets them through) until `restore()`. */
function countFetches(): { urls: string[]; restore: () => void } {
  const original = window.fetch;
  const urls: string[] = [];
  window.fetch = (input, init) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return original(input, init);
  };
  return { urls, restore: () => Object.assign(window, { fetch: original }) };
}

describe('startDepartmentRequests', () => {
  it('asks for the department before the element loads; the element uses that answer', async () => {
    const host = document.createElement('div');
    host.innerHTML = '<kc-contact-form department="gata"></kc-contact-form>';
    host.firstElementChild?.setAttribute('endpoint', server.url);
    document.body.append(host);
    const fetches = countFetches();
    try {
      startDepartmentRequests('kc-contact-form');
      const url = `${server.url}/v1/departments/gata`;
      await waitUntil(() => requestsTo(url).length === 1, 'the early request was sent', {
        timeout: 10_000,
      });

      await import('../define/contact-form.js');
      const form = host.querySelector('kc-contact-form') as HTMLElement;
      await waitUntil(
        () => form.shadowRoot?.querySelector('#topic option[value="parkering"]') !== null,
        'the topics are in',
        { timeout: 10_000 },
      );
      // Give a second request, had there been one, time to show up in the timeline.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(requestsTo(url)).to.have.length(1);
      expect(fetches.urls.filter((each) => each === url)).to.have.length(1);
    } finally {
      fetches.restore();
      host.remove();
    }
  });

  it('sends nothing for a tag it would refuse', () => {
    const host = document.createElement('div');
    host.innerHTML =
      '<kc-contact-form endpoint="javascript:alert(1)" department="gata"></kc-contact-form>' +
      '<kc-contact-form endpoint="https://kontakt.example.se" department="Not A Slug"></kc-contact-form>';
    document.body.append(host);
    const fetches = countFetches();
    try {
      startDepartmentRequests('kc-contact-form');
      expect(fetches.urls).to.deep.equal([]);
    } finally {
      fetches.restore();
      host.remove();
    }
  });

  it("asks for what a <kc-provider> around the tag names, the tag's own attributes first", () => {
    const host = document.createElement('div');
    // Not defined: the starter reads the markup only. The second form names its own department;
    // the third's provider names its department and takes the endpoint from the one around it.
    host.innerHTML =
      '<kc-provider endpoint="https://kontakt.example.se" department="gata">' +
      '<kc-contact-form></kc-contact-form><kc-contact-form department="bygg"></kc-contact-form>' +
      '<kc-provider department="skola"><kc-contact-form></kc-contact-form></kc-provider>' +
      '</kc-provider><kc-contact-form></kc-contact-form>';
    document.body.append(host);
    const fetches = countFetches();
    try {
      startDepartmentRequests('kc-contact-form');
      expect(fetches.urls).to.deep.equal([
        'https://kontakt.example.se/v1/departments/gata',
        'https://kontakt.example.se/v1/departments/bygg',
        'https://kontakt.example.se/v1/departments/skola',
      ]);
    } finally {
      fetches.restore();
      host.remove();
    }
  });
});
