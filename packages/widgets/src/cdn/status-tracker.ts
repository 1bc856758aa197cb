/**
 * The script-tag bundle of `<kc-status-tracker>` (`dist/cdn/status-tracker.js`): one small file
 * that imports nothing, so it runs as soon as it arrives and loads the element and its chunks at
 * once, and leaves the page alone when the element cannot start. Its first frame needs no data
 * (the form, or the case a receipt link names, which the element asks for itself), so nothing is
 * requested early. npm users import `@kontakt/widgets/define/status-tracker` instead.
 *
 * @module
 */
import { builtChunks, startWidget } from '../internal/start.js';

startWidget('kc-status-tracker', () => import('../define/status-tracker.js'), {
  // Replaced by the build with the element's chunks (Lit…), so they load in parallel.
  chunks: builtChunks(import.meta.url, '__KONTAKT_ELEMENT_CHUNKS__'),
  hint: "If the page sets a Content-Security-Policy with trusted-types, it must allow 'lit-html'.",
});
