import { describe, expect, it } from 'vitest';
import { createNotifier } from './notifier.js';

describe('createNotifier', () => {
  it('tells each subscriber of a stream once per burst, outside the caller’s stack', async () => {
    const notifier = createNotifier();
    const calls: string[] = [];
    notifier.subscribe('a', () => calls.push('a1'));
    notifier.subscribe('a', () => calls.push('a2'));
    notifier.subscribe('b', () => calls.push('b'));
    notifier.notify('a');
    notifier.notify('a');
    notifier.notify('nobody');
    expect(calls).toEqual([]);
    await Promise.resolve();
    expect(calls).toEqual(['a1', 'a2']);
  });

  it('tells everyone after notifications may have been missed', async () => {
    const notifier = createNotifier();
    const calls: string[] = [];
    notifier.subscribe('a', () => calls.push('a'));
    notifier.subscribe('b', () => calls.push('b'));
    notifier.notifyAll();
    await Promise.resolve();
    expect(calls.sort()).toEqual(['a', 'b']);
  });

  it('counts subscriptions, the same function twice as two, and lets each go once', () => {
    const notifier = createNotifier();
    const onNotify = () => undefined;
    const first = notifier.subscribe('a', onNotify);
    notifier.subscribe('a', onNotify);
    expect(notifier.subscriptions).toBe(2);
    first();
    first();
    expect(notifier.subscriptions).toBe(1);
  });
});
