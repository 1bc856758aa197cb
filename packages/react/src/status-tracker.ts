import '@kontakt/widgets/define/status-tracker';
import type { KcErrorEvent, KcStatusChangeEvent } from '@kontakt/widgets';
import { KcStatusTracker } from '@kontakt/widgets';
import type { EventName } from '@lit/react';
import { createComponent } from '@lit/react';
import * as React from 'react';

/**
 * React events for `<kc-status-tracker>`, keyed by prop name. A test keeps this in step with the
 * events the element documents in the Custom Elements Manifest.
 */
export const statusTrackerEvents = {
  onKcStatusChange: 'kc-status-change' as EventName<KcStatusChangeEvent>,
  onKcError: 'kc-error' as EventName<KcErrorEvent>,
};

/**
 * `<kc-status-tracker>` as a React component: props set the element's properties, `onKc*` props
 * listen to its events. Children are the page's own content, shown when it is not configured.
 * On the page the receipts link to, it opens the case from the address's
 * `#reference=…&token=…` by itself.
 *
 * @example
 * <StatusTracker endpoint="https://kontakt.example.se" department="gata">
 *   Ring kontaktcenter på 040-628 04 00 för att fråga om ditt ärende.
 * </StatusTracker>
 */
export const StatusTracker = createComponent({
  tagName: 'kc-status-tracker',
  elementClass: KcStatusTracker,
  react: React,
  events: statusTrackerEvents,
  displayName: 'StatusTracker',
});
