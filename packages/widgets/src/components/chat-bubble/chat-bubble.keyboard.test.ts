// Keyboard only: reaching the launcher, opening, focus kept in the panel, Escape, focus back.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  departmentThat,
  dialog,
  focused,
  launcher,
  query,
  SLOW,
  server,
  setUpChatTests,
} from '../../test-support/chat-bubble-fixture.js';
import type { KcChatBubble } from './chat-bubble.js';

setUpChatTests();

describe('<kc-chat-bubble> by keyboard', () => {
  it('opens with Enter, keeps focus in the panel, closes with Escape and gives focus back', async () => {
    const department = await departmentThat('open');
    const page = await fixture<HTMLElement>(html`<div>
      <button id="before">Före</button>
      <kc-chat-bubble endpoint=${server.url} department=${department}>Ring 040-34 10 00</kc-chat-bubble>
    </div>`);
    const element = page.querySelector('kc-chat-bubble') as KcChatBubble;
    await waitUntil(() => element.matches(':state(open)'), 'not open', SLOW);
    (page.querySelector('#before') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(launcher(element));

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(element)?.open, 'Enter did not open the panel', SLOW);
    await waitUntil(
      () => focused()?.id === 'start-name',
      'focus did not go to the first field',
      SLOW,
    );
    expect(launcher(element).getAttribute('aria-expanded')).to.equal('true');

    // Round and round: Tab never leaves the dialog.
    const panel = dialog(element) as HTMLDialogElement;
    const seen = new Set<Element>();
    for (let press = 0; press < 12; press += 1) {
      await sendKeys({ press: 'Tab' });
      const now = focused();
      expect(now && panel.contains(now), `Tab ${press + 1} left the panel for ${now?.outerHTML}`).to
        .be.true;
      if (now) seen.add(now);
    }
    expect(seen.size).to.be.at.least(4);
    // …and backwards from the first control.
    query<HTMLButtonElement>(element, '[part~="close-button"]').focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(panel.contains(focused()), `Shift+Tab left for ${focused()?.outerHTML}`).to.be.true;
    expect(focused()?.matches('.guard')).to.be.false;

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !element.open, 'Escape did not close the panel');
    expect(panel.open).to.be.false;
    expect(focused()).to.equal(launcher(element));
    expect(launcher(element).getAttribute('aria-expanded')).to.equal('false');
  });

  it('closes with its close button, by keyboard, and gives focus back to the launcher', async () => {
    const department = await departmentThat('open');
    const element = await fixture<KcChatBubble>(
      html`<kc-chat-bubble endpoint=${server.url} department=${department}></kc-chat-bubble>`,
    );
    await waitUntil(() => element.matches(':state(open)'), 'not open', SLOW);
    launcher(element).focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => dialog(element)?.open, 'Space did not open the panel', SLOW);
    const close = element.shadowRoot?.querySelector<HTMLButtonElement>('[part~="close-button"]');
    close?.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !element.open, 'the close button did not close the panel');
    expect(focused()).to.equal(launcher(element));
  });
});
