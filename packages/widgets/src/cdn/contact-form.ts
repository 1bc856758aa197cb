/**
 * The script-tag bundle of `<kc-contact-form>` (`dist/cdn/contact-form.js`): one small file that
 * imports nothing, so it runs as soon as it arrives; it starts the department requests and loads
 * the element and its chunks all at once, and leaves the page alone when the element cannot start. npm users import `@kontakt/widgets/define/contact-form` instead.
 *
 * @module
 */
import { startDepartmentRequests } from '../internal/early-department.js';
import { builtChunks, startWidget } from '../internal/start.js';

startWidget('kc-contact-form', () => import('../define/contact-form.js'), {
  // Replaced by the build with the element's chunks (Lit…), so they load in parallel.
  chunks: builtChunks(import.meta.url, '__KONTAKT_ELEMENT_CHUNKS__'),
  preload: startDepartmentRequests,
  hint: "If the page sets a Content-Security-Policy with trusted-types, it must allow 'lit-html'.",
});
