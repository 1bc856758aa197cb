// The first frame holds the categories when the script-tag starter's early catalog answer is in
// before the element renders (a file of its own: a fresh page, so no answer of another test's is
// reused).
import { peekEarlyAnswer, startEarlyGet } from '@kontakt/core/early';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { server, setUpFaultReportTests, shadow } from '../../test-support/fault-report-fixture.js';
import { catalogUrl } from './fault-report.catalog.js';
import type { KcFaultReport } from './fault-report.js';

setUpFaultReportTests();

describe('<kc-fault-report> first frame', () => {
  it('shows the categories in its first frame when the early answer is in', async () => {
    // What the script-tag starter does before the element has loaded.
    const url = catalogUrl(server.url, 'gata');
    startEarlyGet(url);
    await waitUntil(() => peekEarlyAnswer(url), 'the early answer did not arrive', {
      timeout: 10_000,
    });
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const element = document.createElement('kc-fault-report') as KcFaultReport;
    const categoriesPerUpdate: number[] = [];
    element.addController({
      hostUpdated: () => {
        categoriesPerUpdate.push(
          shadow(element).querySelectorAll('input[type="radio"][name="category"]').length,
        );
      },
    });
    element.setAttribute('endpoint', server.url);
    element.setAttribute('department', 'gata');
    container.append(element);
    await element.updateComplete;
    // The first update already rendered the categories: no loading frame, nothing moves.
    expect(categoriesPerUpdate[0]).to.equal(3);
    expect(shadow(element).querySelector('[aria-busy="true"]')).to.equal(null);
    expect(element.matches(':state(ready)')).to.equal(true);
    // Taken: nothing is left for a later caller to pick up.
    expect(peekEarlyAnswer(url)).to.equal(undefined);
  });
});
