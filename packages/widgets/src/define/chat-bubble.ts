/**
 * Registers `<kc-chat-bubble>`. Importing this module is the only thing that defines the element;
 * importing it twice, or two copies of the same version, is harmless.
 *
 * @module @kontakt/widgets/define/chat-bubble
 */
import { KcChatBubble } from '../components/chat-bubble/chat-bubble.js';

KcChatBubble.define('kc-chat-bubble');

declare global {
  interface HTMLElementTagNameMap {
    'kc-chat-bubble': KcChatBubble;
  }
}
