import type { Department } from '@kontakt/core/schemas';
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import { createForwarder } from './forwarder.js';
import { createPoller } from './poller.js';
import { forwardedCategories } from './settings.js';

/** What `startServer` needs to forward fault reports to departments' own Open311 systems. */
export interface StartForwardingOptions {
  departments: ReadonlyMap<string, Department>;
  store: Store;
  logger: Logger;
  instanceId: string;
  now: () => Date;
}

/**
 * Starts this instance's forwarder and poller when any fault category is configured to forward
 * (`faults.categories[].forward`); without one, nothing runs. `close` waits for the call under way.
 */
export function startOpen311Forwarding(options: StartForwardingOptions): {
  close(): Promise<void>;
} {
  const { departments, store, instanceId, now } = options;
  const categories = forwardedCategories(departments.values());
  if (categories.length === 0) return { close: async () => {} };
  const logger = options.logger.child({ component: 'open311-forward' });
  logger.info(
    {
      categories: categories.map((c) => ({
        category: `${c.department}.${c.category}`,
        // Never the api key, nor a password someone put in the URL.
        upstream: withoutCredentials(c.settings.url),
      })),
    },
    'fault reports of these categories are forwarded to Open311 systems',
  );
  const forwarder = createForwarder({ store, departments, logger, owner: instanceId, now });
  const poller = createPoller({ store, categories, logger, owner: instanceId, now });
  forwarder.start();
  poller.start();
  return {
    async close() {
      await Promise.all([forwarder.close(), poller.close()]);
    },
  };
}

function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  return parsed.toString();
}
