import '@kontakt/widgets/define/chat-bubble';
import type {
  KcChatEndedEvent,
  KcChatPanelEvent,
  KcErrorEvent,
  KcSubmittedEvent,
} from '@kontakt/widgets';
import { KcChatBubble } from '@kontakt/widgets';
import type { EventName } from '@lit/react';
import { createComponent } from '@lit/react';
import * as React from 'react';

/**
 * React events for `<kc-chat-bubble>`, keyed by prop name. A test keeps this in step with the
 * events the element documents in the Custom Elements Manifest.
 */
export const chatBubbleEvents = {
  onKcOpen: 'kc-open' as EventName<KcChatPanelEvent>,
  onKcClose: 'kc-close' as EventName<KcChatPanelEvent>,
  onKcChatEnded: 'kc-chat-ended' as EventName<KcChatEndedEvent>,
  onKcSubmitted: 'kc-submitted' as EventName<KcSubmittedEvent>,
  onKcError: 'kc-error' as EventName<KcErrorEvent>,
};

/**
 * `<kc-chat-bubble>` as a React component: props set the element's properties (`endpoint`,
 * `department`, `placement`, `open`, `client`), `onKc*` props listen to its events. Children are
 * the page's own way in, offered when the chat cannot be reached.
 *
 * @example
 * <ChatBubble endpoint="https://kontakt.example.se" department="gata" placement="bottom-start">
 *   <a href="tel:+4640341000">Ring 040-34 10 00</a>
 * </ChatBubble>
 */
export const ChatBubble = createComponent({
  tagName: 'kc-chat-bubble',
  elementClass: KcChatBubble,
  react: React,
  events: chatBubbleEvents,
  displayName: 'ChatBubble',
});
