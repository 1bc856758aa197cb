/**
 * The script-tag bundle of `<kc-fault-report>` (`dist/cdn/fault-report.js`): one small file that
 * imports nothing, so it runs as soon as it arrives; it starts the catalog requests and loads the
 * element and its first-render chunks all at once, and leaves the page alone when the element
 * cannot start. The map and the photo processing are chunks of their own, loaded only at their
 * steps. npm users import `@kontakt/widgets/define/fault-report` instead.
 *
 * @module
 */
import { startCatalogRequests } from '../components/fault-report/fault-report.early.js';
import { builtChunks, startWidget } from '../internal/start.js';

startWidget('kc-fault-report', () => import('../define/fault-report.js'), {
  // Replaced by the build with the element's chunks (Lit…), so they load in parallel.
  chunks: builtChunks(import.meta.url, '__KONTAKT_ELEMENT_CHUNKS__'),
  preload: startCatalogRequests,
  hint: "If the page sets a Content-Security-Policy with trusted-types, it must allow 'lit-html'.",
});
