// With call-back switched off on the server (`chat.callback: false`), availability says
// `callback: false` and the bubble offers no call-back: when closed, only the written message.
import { expect, waitUntil } from '@open-wc/testing';
import {
  departmentThat,
  focused,
  openPanel,
  renderBubble,
  SLOW,
  server,
  setUpChatTests,
} from '../../test-support/chat-bubble-fixture.js';

setUpChatTests('packages/widgets/src/test-support/chat-bubble-callback-off.json');

describe('<kc-chat-bubble> with call-back off', () => {
  it('offers a written message but no call-back while closed', async () => {
    const department = await departmentThat('closed');
    const answer = await fetch(`${server.url}/v1/chat/availability?department=${department}`);
    expect(((await answer.json()) as { callback: boolean }).callback).to.equal(false);
    const element = await renderBubble({ department });
    await openPanel(element);
    await waitUntil(
      () => element.shadowRoot?.querySelector('#closed-heading'),
      'no closed view',
      SLOW,
    );
    await waitUntil(
      () => focused()?.textContent?.trim() === 'Skriv ett meddelande',
      'focus not on the message choice',
    );
    const labels = [...(element.shadowRoot?.querySelectorAll('button') ?? [])].map((each) =>
      each.textContent?.trim(),
    );
    expect(labels).to.include('Skriv ett meddelande');
    expect(labels).not.to.include('Bli uppringd');
    await expect(element).to.be.accessible();
  });
});
