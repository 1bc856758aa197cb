// A page of its own: no translation has been loaded in it yet, as on a real first visit.
import type { Department, KontaktClient } from '@kontakt/core';
import { createClient } from '@kontakt/core';
import { expect, waitUntil } from '@open-wc/testing';
import '../../define/contact-form.js';
import { server, setUpContactFormTests } from '../../test-support/contact-form-fixture.js';

let department: Department;

setUpContactFormTests();

before(async () => {
  department = await createClient({ endpoint: server.url, department: 'gata' }).departments.get();
});

/** A client whose department is there at once, so only the language can keep the form waiting. */
function instantClient(): KontaktClient {
  const real = createClient({ endpoint: server.url, department: 'gata' });
  return { ...real, departments: { ...real.departments, get: async () => department } };
}

const SWEDISH = ['Hämtar formuläret', 'Vad gäller din fråga?', 'Skicka', 'Välj ämne'];

it('shows the loading state in the page’s language until that language has loaded, never Swedish', async () => {
  const seen: string[] = [];
  const element = document.createElement('kc-contact-form');
  element.lang = 'fi';
  element.client = instantClient();
  document.body.append(element);
  const root = element.shadowRoot;
  if (!root) throw new Error('no shadow root');
  const record = () => seen.push(root.textContent ?? '');
  const observer = new MutationObserver(record);
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  try {
    await element.updateComplete;
    // The department is already there; the Finnish texts are still on their way.
    await Promise.resolve();
    await element.updateComplete;
    // (A boolean: chai would spend minutes describing a whole form element in a failure.)
    expect(root.querySelector('form') === null, 'no form before its language').to.be.true;
    expect(element.matches(':state(loading)')).to.be.true;
    const base = root.querySelector('[part~="base"]');
    expect(base?.getAttribute('lang')).to.equal('fi');
    expect(root.querySelector('[part~="status"]')?.textContent?.trim()).to.equal(
      'Lomaketta haetaan …',
    );

    await waitUntil(() => root.querySelector('form'), 'the form did not appear', {
      timeout: 10_000,
    });
    expect(root.querySelector('label[for="topic"]')?.textContent?.trim()).to.equal(
      'Mitä kysymyksesi koskee?',
    );
    record();
    for (const text of seen) {
      for (const swedish of SWEDISH) expect(text).not.to.contain(swedish);
    }
  } finally {
    observer.disconnect();
    element.remove();
  }
});
