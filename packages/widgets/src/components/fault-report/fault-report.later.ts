/**
 * What `<kc-fault-report>` loads once a person starts to use it (first focus, press or input, or
 * a draft that is past the first step): the later steps' templates, the checks of each step, the
 * place and nearby lookups, the kept photos and the report as the contract takes it. The first
 * step renders without any of it. See the widgets' README, "First render, then the rest".
 */
export { followCase, geocode, nearbyReports } from './fault-report.api.js';
export { forgetPhotos, keepPhoto, keptPhotos } from './fault-report.photo-store.js';
export { toReport } from './fault-report.report.js';
export { checkStep, errorText, focusIdFor, placeError } from './fault-report.step-check.js';
export {
  contactStep,
  descriptionStep,
  locationStep,
  nearbyStep,
  photosStep,
  questionsStep,
  reviewStep,
} from './fault-report.steps.js';
