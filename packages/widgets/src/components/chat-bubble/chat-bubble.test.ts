import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import {
  departmentThat,
  dialog,
  launcher,
  openPanel,
  query,
  renderBubble,
  SLOW,
  server,
  setUpChatTests,
  text,
} from '../../test-support/chat-bubble-fixture.js';
import { runWidgetBaseTests } from '../../test-support/widget-base-tests.js';
import type { KcChatBubble } from './chat-bubble.js';
import { sv } from './chat-bubble.panel.texts.js';
import { svSimple } from './chat-bubble.panel.texts.sv-simple.js';

setUpChatTests();

runWidgetBaseTests<KcChatBubble>('kc-chat-bubble', {
  source: 'packages/widgets/src/components/chat-bubble/chat-bubble.ts',
  render: async (container) => {
    const element = document.createElement('kc-chat-bubble');
    element.setAttribute('endpoint', server.url);
    element.setAttribute('department', await departmentThat('open'));
    (container ?? document.body).append(element);
    await waitUntil(() => element.matches(':state(open)'), 'not open', SLOW);
    return element;
  },
  text: (element) => element.shadowRoot?.querySelector('[part~="label"]')?.textContent ?? '',
  // The panel's parts are there once it is opened; the fallback's only when the chat cannot be reached.
  partsInOtherStates: [
    'panel',
    'header',
    'title',
    'close-button',
    'body',
    'messages',
    'message',
    'composer',
    'queue',
    'button',
  ],
});

describe('<kc-chat-bubble> launcher', () => {
  it('says the chat is open (round the clock here), as a named button that opens a dialog', async () => {
    const element = await renderBubble({ department: await departmentThat('open') });
    const button = launcher(element);
    expect(text(element, '[part~="label"]')).to.equal('Chatta med oss');
    // The open departments' chat runs 00:00-00:00 every day: nothing closes it within a year.
    // (Until when a chat is open today: the demo's test, on its office hours.)
    expect(text(element, '[part~="hours"]')).to.equal('Öppet dygnet runt');
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(element.matches(':state(open)')).to.be.true;
    await expect(element).to.be.accessible();
  });

  it('says when a closed chat opens next', async () => {
    const element = await renderBubble({ department: await departmentThat('closed') });
    expect(element.matches(':state(closed)')).to.be.true;
    // 03.00 in the department's zone, today or tomorrow.
    expect(text(element, '[part~="hours"]')).to.match(
      /^Stängt\. Vi öppnar (i dag|i morgon) 03\.00$/,
    );
    await expect(element).to.be.accessible();
  });

  it('speaks English, Finnish and Arabic (right to left) when the page does', async () => {
    const department = await departmentThat('closed');
    const english = await renderBubble({ department, lang: 'en' });
    await waitUntil(() => text(english, '[part~="label"]') === 'Chat with us', 'no English', SLOW);
    expect(text(english, '[part~="hours"]')).to.match(/^Closed\. We open (today|tomorrow) 03:00$/);
    const arabic = await renderBubble({ department, lang: 'ar' });
    await waitUntil(() => text(arabic, '[part~="label"]') === 'تحدث معنا', 'no Arabic', SLOW);
    expect(query(arabic, '[part~="base"]').dir).to.equal('rtl');
    await expect(arabic).to.be.accessible();
  });

  it('offers the page’s own way in when the server cannot be reached, and leaves the page usable', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <button id="page-button">Sidans knapp</button>
      <kc-chat-bubble endpoint="http://127.0.0.1:9" department="gata"
        ><a href="tel:+4640341000" id="fallback">Ring 040-34 10 00</a></kc-chat-bubble
      >
    </div>`);
    const element = page.querySelector('kc-chat-bubble') as KcChatBubble;
    await waitUntil(() => element.matches(':state(unavailable)'), 'not unavailable', SLOW);
    expect(text(element, '[part~="hours"]')).to.equal('Chatten går inte att nå just nu');
    const fallback = query(element, '[part~="fallback"]');
    expect(fallback.hidden).to.be.true;

    launcher(element).click();
    await element.updateComplete;
    expect(fallback.hidden).to.be.false;
    expect(launcher(element).getAttribute('aria-expanded')).to.equal('true');
    expect(launcher(element).getAttribute('aria-controls')).to.equal('fallback');
    const slot = fallback.querySelector('slot') as HTMLSlotElement;
    expect(slot.assignedElements()[0]?.id).to.equal('fallback');
    // What the button revealed comes next by keyboard (it shows above the button).
    launcher(element).focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id).to.equal('fallback');
    expect(fallback.getBoundingClientRect().bottom).to.be.at.most(
      launcher(element).getBoundingClientRect().top,
    );
    expect(dialog(element)).to.equal(null);
    await expect(element).to.be.accessible();

    // The page is not blocked: its own button still takes focus and clicks.
    const own = page.querySelector('#page-button') as HTMLButtonElement;
    let clicked = false;
    own.addEventListener('click', () => {
      clicked = true;
    });
    own.focus();
    own.click();
    expect(document.activeElement).to.equal(own);
    expect(clicked).to.be.true;
  });

  it('offers the page’s own way in when it is not configured, and says why in kc-error', async () => {
    const errors: string[] = [];
    const listener = (event: Event) =>
      errors.push((event as Event & { error: { code: string } }).error.code);
    document.addEventListener('kc-error', listener);
    try {
      const element = await fixture<KcChatBubble>(
        html`<kc-chat-bubble><span id="fallback">Ring oss</span></kc-chat-bubble>`,
      );
      await waitUntil(() => element.matches(':state(unavailable)'), 'not unavailable');
      expect(errors).to.deep.equal(['not_configured']);
    } finally {
      document.removeEventListener('kc-error', listener);
    }
  });

  it('sits in the corner placement names, at the offsets and stacking level the page sets', async () => {
    await setViewport({ width: 800, height: 600 });
    const end = await renderBubble();
    const start = await renderBubble({ placement: 'bottom-start' });
    start.style.setProperty('--kc-chat-bubble-offset-block', '5rem');
    start.style.setProperty('--kc-chat-bubble-z-index', '2147483000');
    const endBox = query(end, '[part~="launcher"]').getBoundingClientRect();
    const startBox = query(start, '[part~="launcher"]').getBoundingClientRect();
    expect(800 - endBox.right).to.be.closeTo(16, 1);
    expect(startBox.left).to.be.closeTo(16, 1);
    expect(600 - startBox.bottom).to.be.closeTo(80, 1);
    expect(600 - endBox.bottom).to.be.closeTo(16, 1);
    expect(getComputedStyle(query(start, '[part~="launcher"]')).zIndex).to.equal('2147483000');
    // The host takes no room in the page.
    expect(end.getBoundingClientRect().height).to.equal(0);
  });

  it('fits a 320 px wide screen, launcher and panel', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await renderBubble({ department: await departmentThat('open') });
    const box = query(element, '[part~="launcher"]').getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(320);
    // Its icon alone covers a corner, not a band across the page; its words still name it.
    const button = query(element, '[part~="launcher-button"]');
    const buttonBox = button.getBoundingClientRect();
    expect(buttonBox.width).to.be.within(44, 56);
    expect(buttonBox.height).to.be.within(44, 56);
    expect(query(element, '.text').getBoundingClientRect().width).to.be.at.most(1);
    expect(button.textContent).to.contain('Chatta med oss');
    await setViewport({ width: 800, height: 600 });
    expect(query(element, '.text').getBoundingClientRect().width).to.be.above(50);
    await setViewport({ width: 320, height: 640 });
    const panel = await openPanel(element);
    const panelBox = panel.getBoundingClientRect();
    expect(panelBox.left).to.be.at.least(0);
    expect(panelBox.right).to.be.at.most(320);
    expect(panel.scrollWidth).to.be.at.most(panel.clientWidth + 1);
    await expect(element).to.be.accessible();
  });

  it('keeps several bubbles apart: their own ids, one panel open at a time', async () => {
    const first = await renderBubble({ department: await departmentThat('open') });
    const second = await renderBubble({
      department: await departmentThat('open'),
      placement: 'bottom-start',
    });
    await openPanel(first);
    expect(first.open).to.be.true;
    await openPanel(second);
    await waitUntil(() => !first.open, 'the first panel stayed open');
    expect(dialog(first)?.open).to.be.false;
    expect(first.shadowRoot?.querySelector('#panel-title')).to.exist;
    expect(second.shadowRoot?.querySelector('#panel-title')).to.exist;
    expect(document.querySelector('#panel-title')).to.equal(null);
  });

  it('speaks easy-read Swedish for lang="sv-simple", launcher and panel, marked Swedish', async () => {
    const closed = await renderBubble({
      department: await departmentThat('closed'),
      lang: 'sv-simple',
    });
    // Its words come with the launcher's other languages; times are said the Swedish way.
    await waitUntil(
      () =>
        /^Chatten är stängd nu\. Den öppnar (i dag|i morgon) 03\.00$/.test(
          text(closed, '[part~="hours"]'),
        ),
      'the launcher is not in easy-read Swedish',
      SLOW,
    );
    expect(query(closed, '[part~="base"]').lang).to.equal('sv');
    closed.remove();

    const element = await renderBubble({
      department: await departmentThat('open'),
      lang: 'sv-simple',
    });
    await waitUntil(
      () => text(element, '[part~="hours"]') === 'Chatten är alltid öppen',
      'not easy-read',
      SLOW,
    );
    const panel = await openPanel(element);
    await waitUntil(
      () => text(element, '#panel-title') === svSimple.dialogLabel,
      'the panel is not in easy-read Swedish',
      SLOW,
    );
    expect(svSimple.dialogLabel).not.to.equal(sv.dialogLabel);
    expect(panel.getAttribute('lang')).to.equal('sv');
    await waitUntil(() => element.shadowRoot?.querySelector('#start-message'), 'no form', SLOW);
    await expect(element).to.be.accessible();
  });

  it('opens its panel right to left in Arabic, in Arabic words, accessible', async () => {
    const element = await renderBubble({ department: await departmentThat('open'), lang: 'ar' });
    const panel = await openPanel(element);
    // Its words come as a chunk of their own; the panel turns once they are in.
    await waitUntil(() => panel.dir === 'rtl', 'the panel is not right to left', SLOW);
    await waitUntil(
      () => text(element, '#panel-title') === 'دردشة مع مركز الاتصال',
      'the panel is not in Arabic',
      SLOW,
    );
    await waitUntil(() => element.shadowRoot?.querySelector('#start-message'), 'no form', SLOW);
    await expect(element).to.be.accessible();
  });

  it('opens without movement when the person prefers reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const element = await renderBubble({ department: await departmentThat('open') });
      const panel = await openPanel(element);
      const { animationName, animationDuration } = getComputedStyle(panel);
      expect(animationName === 'none' || Number.parseFloat(animationDuration) < 0.01).to.be.true;
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
