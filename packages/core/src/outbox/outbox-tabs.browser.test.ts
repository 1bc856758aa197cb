// Two tabs sharing the outbox's IndexedDB: what one delivers or gives up, the other hears of, so
// a widget waiting in that tab is not left waiting. Two outboxes on two stores of one database
// stand for the two tabs (a BroadcastChannel reaches the other objects of its name in this page
// as it reaches other tabs).
import { expect } from '@open-wc/testing';
import { KontaktError } from '../errors/KontaktError.js';
import { NetworkError } from '../errors/NetworkError.js';
import type { CaseSubmission } from '../schemas/index.js';
import { message, receipt } from '../test-support/samples.js';
import type { OutboxDeliveredEvent, OutboxFailedEvent } from './events.js';
import { indexedDBStore } from './indexeddb-store.js';
import { OutboxController } from './outbox.js';

const ENDPOINT = 'https://kontakt.example.se';
const submission: CaseSubmission = {
  origin: { department: 'gata', pageUrl: 'https://gata.example.se/parkering', widget: 'sdk' },
  message: { ...message, answerLanguage: 'sv', needs: [], photos: [] },
};
const offline = new NetworkError('Offline', { code: 'network_error' });

const next = <T extends Event>(target: EventTarget, type: string) =>
  new Promise<T>((resolve) =>
    target.addEventListener(type, (event) => resolve(event as T), { once: true }),
  );

/** Two tabs on one database, each with its own outbox; the first one sends with `send`. */
function twoTabs(send: () => Promise<typeof receipt>) {
  const name = `kontakt-outbox-test-${crypto.randomUUID()}`;
  const sending = new OutboxController(indexedDBStore({ name }), ENDPOINT, send);
  const other = new OutboxController(indexedDBStore({ name }), ENDPOINT, () =>
    Promise.reject(new Error('the other tab must not send it')),
  );
  return { sending, other, name };
}

describe('outbox across tabs', () => {
  it('tells the other tab what it delivered, with the receipt', async () => {
    const { sending, other, name } = twoTabs(() => Promise.resolve(receipt));
    await sending.keep(submission, { id: 'key-delivered', error: offline });
    const heard = next<OutboxDeliveredEvent>(other, 'delivered');
    await sending.flush();
    const event = await heard;
    expect(event.entry.id).to.equal('key-delivered');
    expect(event.receipt).to.deep.equal(receipt);
    expect(await other.pending()).to.deep.equal([]);
    indexedDB.deleteDatabase(name);
  });

  it('tells the other tab what it gave up, with the code and the field errors', async () => {
    const refusal = new KontaktError('Refused', {
      code: 'validation_failed',
      status: 422,
      fieldErrors: [{ field: 'topic', pointer: '/topic', code: 'invalid_option' }],
    });
    const { sending, other, name } = twoTabs(() => Promise.reject(refusal));
    await sending.keep(submission, { id: 'key-refused', error: offline });
    const heard = next<OutboxFailedEvent>(other, 'failed');
    await sending.flush();
    const { entry, error } = await heard;
    expect(entry.id).to.equal('key-refused');
    expect(error).to.be.instanceOf(KontaktError);
    expect(error).to.include({ code: 'validation_failed', status: 422 });
    expect((error as KontaktError).fieldErrors).to.deep.equal(refusal.fieldErrors);
    indexedDB.deleteDatabase(name);
  });

  it('ignores what is not an entry of its endpoint, or not a receipt', async () => {
    const { other, name } = twoTabs(() => Promise.resolve(receipt));
    const heard: string[] = [];
    other.addEventListener('delivered', (event) =>
      heard.push((event as OutboxDeliveredEvent).entry.id),
    );
    const now = new Date().toISOString();
    const entry = (id: string, endpoint = ENDPOINT) => ({
      id,
      endpoint,
      department: 'gata',
      submission,
      createdAt: now,
      attempts: 1,
      nextAttemptAt: now,
    });
    const tab = new BroadcastChannel(`kontakt-outbox:${name}`);
    tab.postMessage({
      type: 'delivered',
      entry: entry('other-endpoint', 'https://annan.example.se'),
      delivered: receipt,
    });
    tab.postMessage({ type: 'delivered', entry: { id: 'no-entry' }, delivered: receipt });
    tab.postMessage({
      type: 'delivered',
      entry: entry('no-receipt'),
      delivered: { reference: 'x' },
    });
    tab.postMessage({ type: 'delivered', entry: entry('told'), delivered: receipt });
    await new Promise((resolve) => setTimeout(resolve, 200));
    tab.close();
    expect(heard).to.deep.equal(['told']);
  });
});
