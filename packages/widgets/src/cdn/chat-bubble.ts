/**
 * The script-tag bundle of `<kc-chat-bubble>` (`dist/cdn/chat-bubble.js`): one small file that
 * imports nothing, so it runs as soon as it arrives and loads the launcher and its chunks at once,
 * and leaves the page alone when the element cannot start. The launcher asks for the chat's
 * availability itself (a plain `fetch`, in its first update): an early request from here would
 * cost the 10 KB launcher 0.4 KB of this file for a few milliseconds. The panel, the SDK and the
 * schemas load only when the chat is opened (and when the pointer or focus reaches the launcher).
 * npm users import `@kontakt/widgets/define/chat-bubble` instead.
 *
 * @module
 */
import { builtChunks, startWidget } from '../internal/start.js';

startWidget('kc-chat-bubble', () => import('../define/chat-bubble.js'), {
  // Replaced by the build with the launcher's chunks (Lit's ReactiveElement…), so they load in parallel.
  chunks: builtChunks(import.meta.url, '__KONTAKT_ELEMENT_CHUNKS__'),
  hint: "The panel renders with Lit: if the page sets a Content-Security-Policy with trusted-types, it must allow 'lit-html'.",
});
