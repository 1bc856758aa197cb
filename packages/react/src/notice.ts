import '@kontakt/widgets/define/notice';
import type { KcErrorEvent, KcNoticeChangeEvent } from '@kontakt/widgets';
import { KcNotice } from '@kontakt/widgets';
import type { EventName } from '@lit/react';
import { createComponent } from '@lit/react';
import * as React from 'react';

/**
 * React events for `<kc-notice>`, keyed by prop name. A test keeps this in step with the events
 * the element documents in the Custom Elements Manifest.
 */
export const noticeEvents = {
  onKcNoticeChange: 'kc-notice-change' as EventName<KcNoticeChangeEvent>,
  onKcError: 'kc-error' as EventName<KcErrorEvent>,
};

/**
 * `<kc-notice>` as a React component: props set the element's properties, `onKc*` props listen
 * to its events. Children are the page's own content, shown when the notices cannot be read.
 *
 * @example
 * <Notice endpoint="https://kontakt.example.se" department="gata">
 *   <a href="/storningar">Aktuella störningar</a>
 * </Notice>
 */
export const Notice = createComponent({
  tagName: 'kc-notice',
  elementClass: KcNotice,
  react: React,
  events: noticeEvents,
  displayName: 'Notice',
});
