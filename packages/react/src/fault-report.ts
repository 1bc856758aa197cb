import '@kontakt/widgets/define/fault-report';
import type { KcErrorEvent, KcSubmittedEvent } from '@kontakt/widgets';
import { KcFaultReport } from '@kontakt/widgets';
import type { EventName } from '@lit/react';
import { createComponent } from '@lit/react';
import * as React from 'react';

/**
 * React events for `<kc-fault-report>`, keyed by prop name. A test keeps this in step with the
 * events the element documents in the Custom Elements Manifest.
 */
export const faultReportEvents = {
  onKcSubmitted: 'kc-submitted' as EventName<KcSubmittedEvent>,
  onKcError: 'kc-error' as EventName<KcErrorEvent>,
};

/**
 * `<kc-fault-report>` as a React component: props set the element's properties (`trackerUrl` for
 * the `tracker-url` attribute), `onKc*` props listen to its events.
 *
 * @example
 * <FaultReport endpoint="https://kontakt.example.se" department="gata" trackerUrl="/arende" />
 */
export const FaultReport = createComponent({
  tagName: 'kc-fault-report',
  elementClass: KcFaultReport,
  react: React,
  events: faultReportEvents,
  displayName: 'FaultReport',
});
