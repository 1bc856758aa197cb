// Photos with the sender's answer, against a real server: offered for a case whose department
// takes photos with messages (here `skola`, at most 2, opened from `gata`'s page), prepared in
// the browser, kept through a reload, sent with the answer and seen by the agent; none offered
// for a department that takes none.
import { expect, waitUntil } from '@open-wc/testing';
import {
  announced,
  has,
  pickAnswerPhotos,
  picture,
  query,
  renderTracker,
  SLOW,
  setUpTrackerTests,
  shown,
  text,
  waitingCase,
  writeAnswer,
} from '../../test-support/status-tracker-fixture.js';
import type { KcStatusTracker } from './status-tracker.js';

const shownPhotos = (element: KcStatusTracker, count: number) =>
  waitUntil(
    () => element.shadowRoot?.querySelectorAll('[part~="photo"] img').length === count,
    `${count} photo(s) never showed`,
    { timeout: 15_000 },
  );

/** The tracker showing a `skola` case that waits for its sender, with the photo field. */
async function answering() {
  const { receipt, agent } = await waitingCase('skola');
  const element = await renderTracker({
    reference: receipt.reference,
    token: receipt.receiptToken,
  });
  await shown(element);
  await waitUntil(() => has(element, '#message-photos'), 'no photo field', SLOW);
  return { receipt, agent, element };
}

describe('<kc-status-tracker> photos with the answer', () => {
  setUpTrackerTests();

  it('sends the photos picked with the answer, once, and the agent sees them', async function () {
    this.timeout(60_000);
    const { receipt, agent, element } = await answering();
    expect(text(element, '#message-photos-hint')).to.contain('upp till 2 bilder');
    await pickAnswerPhotos(
      element,
      await picture('skylt.png'),
      await picture('dörr.png', 1200, 1600),
    );
    await shownPhotos(element, 2);
    expect(
      [...(element.shadowRoot?.querySelectorAll('[part~="photo"] img') ?? [])].map((img) =>
        img.getAttribute('alt'),
      ),
    ).to.deep.equal(['Bild 1 av 2', 'Bild 2 av 2']);
    // Two is as many as the department takes: no more can be picked.
    expect(text(element, '#message-photos')).to.equal(
      'Du har lagt till 2 bilder, så många som går.',
    );
    await expect(element).to.be.accessible();

    writeAnswer(element, 'Skylten och dörren.');
    query<HTMLButtonElement>(element, '[part~="message-button"]').click();
    await waitUntil(() => announced(element) === 'Tack! Vi har fått det du skickade.', 'not sent', {
      timeout: 20_000,
    });
    expect(element.shadowRoot?.querySelectorAll('[part~="photo"]')).to.have.length(0);
    const found = await agent.cases.get(receipt.reference);
    const later = found.timeline.filter((entry) => entry.kind === 'message_in' && entry.text);
    expect(later).to.have.length(1);
    expect(later[0]?.kind === 'message_in' && later[0].photos).to.have.length(2);
  });

  it('keeps a picked photo through a reload, and a removed one stays removed', async function () {
    this.timeout(60_000);
    const { receipt, element } = await answering();
    await pickAnswerPhotos(element, await picture('ett.png'), await picture('två.png'));
    await shownPhotos(element, 2);
    const remove = query<HTMLButtonElement>(element, '[part~="remove-photo-button"]');
    remove.focus();
    remove.click();
    await shownPhotos(element, 1);
    // There is room again: focus goes to the button that adds one.
    await waitUntil(
      () => element.shadowRoot?.activeElement?.id === 'message-photos',
      'focus did not go to the photo button',
    );
    writeAnswer(element, 'En bild.');
    // The draft is written once typing pauses.
    await new Promise((resolve) => setTimeout(resolve, 600));
    element.remove();

    const again = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(again);
    await shownPhotos(again, 1);
    expect(query<HTMLTextAreaElement>(again, '#message-text').value).to.equal('En bild.');
    expect(query(again, '[part~="photo"] img').getAttribute('alt')).to.equal('Bild 1 av 1');
  });

  it('offers no photos for a department that takes none', async () => {
    const { receipt } = await waitingCase('gata');
    const element = await renderTracker({
      reference: receipt.reference,
      token: receipt.receiptToken,
    });
    await shown(element);
    await waitUntil(() => has(element, '#message-text'), 'no form', SLOW);
    // The department's settings have been read by now (its topic's name shows in the details).
    await waitUntil(
      () => text(element, '[part~="details"]').includes('Parkering och boendeparkering'),
      'the department was not read',
    );
    expect(has(element, '#message-photos')).to.equal(false);
  });
});
