/*
 * The part of the SDK the panel uses: `client.chat` (with its `ChatConversation`) and
 * `client.callbacks` (issue 10). Stories that show a state no server can be held in (an agent
 * typing) hand the panel a client of this shape.
 */
import type { ChatConversation, ConversationMessage, KontaktClient, Receipt } from '@kontakt/core';
import type { CallbackRequestInput, CallbackSlotList } from '@kontakt/core/schemas';

export type PanelConversation = ChatConversation;
export type PanelMessage = ConversationMessage;

/** `client.callbacks`: the slots and the request (as the SDK's `CallbacksResource`). */
export interface PanelCallbacks {
  slots(options?: { signal?: AbortSignal }): Promise<CallbackSlotList>;
  request(
    input: Omit<CallbackRequestInput, 'department' | 'origin' | 'chatSession'>,
    options?: {
      signal?: AbortSignal;
      widget?: string;
      chat?: { id: string; token: string };
    },
  ): Promise<Receipt>;
}

/** What the panel needs of a client (any `KontaktClient` is one). */
export interface PanelClient {
  readonly chat: KontaktClient['chat'];
  readonly callbacks: PanelCallbacks;
}
