import type { OutboxSender } from './outbox.js';
import { OutboxController } from './outbox.js';
import type { OutboxStore } from './types.js';

const outboxes = new WeakMap<OutboxStore, Map<string, OutboxController>>();

/**
 * The outbox for an endpoint in a store, created on first use, so every client (and every widget)
 * for that endpoint on the page shares one and hears about every delivery. The first client's
 * sender is kept: entries for one endpoint are the same requests whichever client made them. (The
 * first client that can read cases adds the sender of messages to a case: `sendCaseMessagesWith`.)
 */
export function outboxFor(
  store: OutboxStore,
  endpoint: string,
  send: OutboxSender,
): OutboxController {
  let byEndpoint = outboxes.get(store);
  if (!byEndpoint) {
    byEndpoint = new Map();
    outboxes.set(store, byEndpoint);
  }
  let outbox = byEndpoint.get(endpoint);
  if (!outbox) {
    outbox = new OutboxController(store, endpoint, send);
    byEndpoint.set(endpoint, outbox);
  }
  return outbox;
}
