import type { KontaktClient, OutboxEntry, Receipt } from '@kontakt/core';
import { KontaktError, NetworkError, OutboxDeliveredEvent, OutboxFailedEvent } from '@kontakt/core';
import { expect, fixtureCleanup, fixtureSync, html as testHtml } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import type { SendOptions, SubmissionState } from './submission-controller.js';
import { SubmissionController } from './submission-controller.js';

interface Sent {
  message: string;
  options: SendOptions;
}

/** What the next `send` does: answer with a receipt, or throw. */
let answer: () => Receipt = () => receipt('GATA-2025-0001');
let sent: Sent[] = [];

/** A bare widget: a button to hold focus, and a record of every change the controller reports. */
class SubmittingElement extends LitElement {
  readonly changes: Array<{ state: SubmissionState; focus: boolean }> = [];
  readonly submission = new SubmissionController<string>(this, {
    widget: 'kc-test-submitting',
    send: async (_client, message, options) => {
      sent.push({ message, options });
      return answer();
    },
    onChange: (state, focus) => this.changes.push({ state, focus }),
  });
  override render() {
    return html`<button type="button">Skicka</button>`;
  }
}
customElements.define('kc-test-submitting', SubmittingElement);

/** The same, sending a message with photos (as the contact form and the fault report do). */
class SubmittingPhotosElement extends LitElement {
  readonly keys: string[] = [];
  readonly submission = new SubmissionController<{ text: string; photos: Blob[] }>(this, {
    widget: 'kc-test-submitting-photos',
    send: async (_client, _message, options) => {
      this.keys.push(options.idempotencyKey);
      throw new KontaktError('down', { code: 'internal_error', status: 500 });
    },
  });
}
customElements.define('kc-test-submitting-photos', SubmittingPhotosElement);

function receipt(reference: string): Receipt {
  return {
    reference,
    receiptToken: 'token-0123456789abcdef',
    submittedAt: '2025-03-03T09:00:00.000Z',
    expectedAnswerBy: '2025-03-05T16:00:00.000Z',
    answerTimePromise: { workingDays: 2 },
  } as unknown as Receipt;
}

function entry(id: string, department = 'gata', widget = 'kc-test-submitting'): OutboxEntry {
  return {
    id,
    endpoint: 'https://kontakt.example.se',
    department,
    submission: {
      origin: { department, pageUrl: 'https://example.se/gata', widget },
      message: { topic: 'parkering', message: 'Hur söker jag boendeparkering?' },
    },
    createdAt: '2025-03-03T09:00:00.000Z',
    attempts: 1,
    nextAttemptAt: '2025-03-03T09:01:00.000Z',
  } as unknown as OutboxEntry;
}

/** A client with only what the controller uses: its department and an outbox to dispatch from. */
function fakeClient(pending: () => Promise<OutboxEntry[]> = async () => []) {
  const outbox = Object.assign(new EventTarget(), {
    flushes: 0,
    pending,
    async flush() {
      outbox.flushes++;
    },
  });
  return { department: 'gata', outbox } as unknown as KontaktClient & { outbox: typeof outbox };
}

const queued = (id: string) => () => {
  throw new NetworkError('offline', { queued: { id } });
};

async function render(): Promise<SubmittingElement> {
  // fixtureSync: `fixture` waits a frame for a plain <div>, and a test page in the background (the
  // runner runs two at once) gets no animation frames.
  const page = fixtureSync<HTMLElement>(testHtml`<div>
    <input aria-label="Sök på sidan" />
    <kc-test-submitting></kc-test-submitting>
  </div>`);
  const element = page.querySelector('kc-test-submitting') as SubmittingElement;
  await element.updateComplete;
  return element;
}

const statuses = (element: SubmittingElement) => element.changes.map((c) => c.state.status);
const last = (element: SubmittingElement) => element.changes.at(-1);

describe('SubmissionController', () => {
  beforeEach(() => {
    answer = () => receipt('GATA-2025-0001');
    sent = [];
  });
  afterEach(() => {
    fixtureCleanup();
  });

  it('sends the same content under one key, and other content or a new message under a new one', async () => {
    const element = await render();
    const client = fakeClient();
    answer = () => {
      throw new KontaktError('down', { code: 'internal_error', status: 500 });
    };
    await element.submission.submit(client, 'Gatlampan är trasig');
    await element.submission.submit(client, 'Gatlampan är trasig');
    await element.submission.submit(client, 'Gatlampan på Storgatan är trasig');
    answer = () => receipt('GATA-2025-0001');
    await element.submission.submit(client, 'Gatlampan på Storgatan är trasig');
    await element.submission.submit(client, 'Gatlampan på Storgatan är trasig');

    const [first, again, changed, delivered, afterReceipt] = sent.map((s) => s.options);
    expect(again?.idempotencyKey, 'same content').to.equal(first?.idempotencyKey);
    expect(changed?.idempotencyKey, 'changed content').not.to.equal(first?.idempotencyKey);
    expect(delivered?.idempotencyKey, 'same content again').to.equal(changed?.idempotencyKey);
    expect(afterReceipt?.idempotencyKey, 'after a receipt').not.to.equal(delivered?.idempotencyKey);
    expect(first?.widget).to.equal('kc-test-submitting');
  });

  it('sends the same photos under one key, and other photos (even of the same size) under a new one', async () => {
    const element = fixtureSync<SubmittingPhotosElement>(
      testHtml`<kc-test-submitting-photos></kc-test-submitting-photos>`,
    );
    const [a, b] = [
      new Blob(['1'], { type: 'image/jpeg' }),
      new Blob(['2'], { type: 'image/jpeg' }),
    ];
    const text = 'Brevet jag fick';
    await element.submission.submit(fakeClient(), { text, photos: [a] });
    await element.submission.submit(fakeClient(), { text, photos: [a] });
    await element.submission.submit(fakeClient(), { text, photos: [a, b] });
    await element.submission.submit(fakeClient(), { text, photos: [b] });

    const [first, again, added, swapped] = element.keys;
    expect(again, 'the same photo').to.equal(first);
    expect(added, 'a photo added').not.to.equal(first);
    expect(swapped, 'another photo').not.to.equal(added);
    expect(swapped, 'another photo').not.to.equal(first);
  });

  it('gives the same content a new key once the key is forgotten', async () => {
    const element = await render();
    answer = () => {
      throw new KontaktError('down', { code: 'internal_error', status: 500 });
    };
    await element.submission.submit(fakeClient(), 'Gatlampan är trasig');
    element.submission.forgetKey();
    await element.submission.submit(fakeClient(), 'Gatlampan är trasig');
    expect(sent[1]?.options.idempotencyKey).not.to.equal(sent[0]?.options.idempotencyKey);
  });

  it('ignores a submit while one is being sent', async () => {
    const element = await render();
    const client = fakeClient();
    const first = element.submission.submit(client, 'Gatlampan är trasig');
    await element.submission.submit(client, 'Gatlampan är trasig');
    await first;
    expect(sent).to.have.length(1);
    expect(statuses(element)).to.deep.equal(['sending', 'delivered']);
  });

  it('reports a thrown non-kontakt error as internal_error', async () => {
    const element = await render();
    answer = () => {
      throw new TypeError('fetch is not a function');
    };
    await element.submission.submit(fakeClient(), 'Gatlampan är trasig');
    const state = element.submission.state;
    expect(state.status).to.equal('failed');
    expect(state.status === 'failed' && state.error.code).to.equal('internal_error');
  });

  it('takes focus for a late delivery when focus is in the widget or nowhere', async () => {
    const element = await render();
    const client = fakeClient();
    answer = queued('entry-1');
    await element.submission.submit(client, 'Gatlampan är trasig');
    expect(last(element)).to.deep.equal({
      state: { status: 'offline', id: 'entry-1' },
      focus: true,
    });

    element.shadowRoot?.querySelector('button')?.focus();
    client.outbox.dispatchEvent(new OutboxDeliveredEvent(entry('entry-1'), receipt('GATA-1')));
    expect(last(element)?.state.status).to.equal('delivered');
    expect(last(element)?.focus, 'focus in the widget').to.be.true;

    element.submission.reset();
    answer = queued('entry-2');
    await element.submission.submit(client, 'Gatlampan på Storgatan är trasig');
    (document.activeElement as HTMLElement | null)?.blur();
    client.outbox.dispatchEvent(new OutboxDeliveredEvent(entry('entry-2'), receipt('GATA-2')));
    expect(last(element)?.focus, 'focus nowhere').to.be.true;
  });

  it('leaves focus where the person is when a late delivery comes', async () => {
    const element = await render();
    const client = fakeClient();
    answer = queued('entry-1');
    await element.submission.submit(client, 'Gatlampan är trasig');
    document.querySelector<HTMLInputElement>('input[aria-label="Sök på sidan"]')?.focus();
    client.outbox.dispatchEvent(new OutboxDeliveredEvent(entry('entry-1'), receipt('GATA-1')));
    expect(last(element)).to.deep.equal({
      state: { status: 'delivered', receipt: receipt('GATA-1') },
      focus: false,
    });
  });

  it('reacts only to the awaited entry, and gives up with the entry when the outbox does', async () => {
    const element = await render();
    const client = fakeClient();
    answer = queued('entry-1');
    await element.submission.submit(client, 'Gatlampan är trasig');
    client.outbox.dispatchEvent(new OutboxDeliveredEvent(entry('other'), receipt('GATA-9')));
    const refusal = new KontaktError('gone', { code: 'validation_failed', status: 422 });
    client.outbox.dispatchEvent(new OutboxFailedEvent(entry('entry-1'), refusal));
    expect(statuses(element)).to.deep.equal(['sending', 'offline', 'failed']);
    const state = element.submission.state;
    expect(state.status === 'failed' && [state.error, state.entry?.id]).to.deep.equal([
      refusal,
      'entry-1',
    ]);
  });

  it('stops listening when disconnected, and listens again when connected while offline', async () => {
    const element = await render();
    const client = fakeClient();
    answer = queued('entry-1');
    await element.submission.submit(client, 'Gatlampan är trasig');
    const parent = element.parentElement as HTMLElement;
    element.remove();
    client.outbox.dispatchEvent(new OutboxDeliveredEvent(entry('entry-1'), receipt('GATA-1')));
    expect(element.submission.state.status, 'while disconnected').to.equal('offline');

    parent.append(element);
    element.submission.sendNow();
    expect(client.outbox.flushes).to.equal(1);
    client.outbox.dispatchEvent(new OutboxDeliveredEvent(entry('entry-1'), receipt('GATA-1')));
    expect(element.submission.state.status).to.equal('delivered');
  });

  it('adopts only its own department and widget’s waiting entry', async () => {
    const element = await render();
    const client = fakeClient(async () => [
      entry('other-department', 'bygglov'),
      entry('other-widget', 'gata', 'kc-fault-report'),
      entry('ours'),
    ]);
    await element.submission.adopt(client);
    expect(last(element)).to.deep.equal({ state: { status: 'offline', id: 'ours' }, focus: false });
  });

  it('catches a delivery that happens while it looks for a waiting entry', async () => {
    const element = await render();
    let looked = () => {};
    const client = fakeClient(
      () =>
        new Promise((resolve) => {
          looked = () => resolve([]);
        }),
    );
    const adopting = element.submission.adopt(client);
    client.outbox.dispatchEvent(new OutboxDeliveredEvent(entry('ours'), receipt('GATA-1')));
    looked();
    await adopting;
    expect(statuses(element)).to.deep.equal(['delivered']);
  });
});
