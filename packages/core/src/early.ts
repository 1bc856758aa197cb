/**
 * `@kontakt/core/early`: what a widget's script-tag starter runs before anything else has loaded —
 * checking its endpoint and department and starting the department request, which the SDK takes
 * over when it loads. Every module here imports nothing else, so a starter can carry its own copy
 * and still be one file with no imports.
 *
 * @module @kontakt/core/early
 */
export { normalizeEndpoint } from './endpoint.js';
export { departmentUrl } from './resources/department-url.js';
export {
  type JsonAnswer,
  peekEarlyAnswer,
  readJsonAnswer,
  startEarlyGet,
  takeEarlyGet,
} from './resources/early-get.js';
export { isSlug } from './schemas/vocabulary.js';
