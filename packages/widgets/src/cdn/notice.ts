/**
 * The script-tag bundle of `<kc-notice>` (`dist/cdn/notice.js`): a small entry that loads the
 * element, and that leaves the page alone when the element cannot start (the page's own content
 * inside the tag stays). The element needs no Trusted Types policy. npm users import
 * `@kontakt/widgets/define/notice` instead.
 *
 * @module
 */
import { builtChunks, startWidget } from '../internal/start.js';

startWidget('kc-notice', () => import('../define/notice.js'), {
  // Replaced by the build with the element's chunks (Lit's ReactiveElement…), so they load in parallel.
  chunks: builtChunks(import.meta.url, '__KONTAKT_ELEMENT_CHUNKS__'),
});
