import '@kontakt/widgets/define/contact-form';
import type { KcErrorEvent, KcSubmitEvent, KcSubmittedEvent } from '@kontakt/widgets';
import { KcContactForm } from '@kontakt/widgets';
import type { EventName } from '@lit/react';
import { createComponent } from '@lit/react';
import * as React from 'react';

/**
 * React events for `<kc-contact-form>`, keyed by prop name. A test keeps this in step with the
 * events the element documents in the Custom Elements Manifest.
 */
export const contactFormEvents = {
  onKcSubmit: 'kc-submit' as EventName<KcSubmitEvent>,
  onKcSubmitted: 'kc-submitted' as EventName<KcSubmittedEvent>,
  onKcError: 'kc-error' as EventName<KcErrorEvent>,
};

/**
 * `<kc-contact-form>` as a React component: props set the element's properties, `onKc*` props
 * listen to its events.
 *
 * @example
 * <ContactForm endpoint="https://kontakt.example.se" department="gata" onKcSubmitted={(e) => save(e.receipt)} />
 */
export const ContactForm = createComponent({
  tagName: 'kc-contact-form',
  elementClass: KcContactForm,
  react: React,
  events: contactFormEvents,
  displayName: 'ContactForm',
});
