/**
 * What `<kc-fault-report>` loads once a person starts to use it (first focus, press or input, or
 * a draft that is past the first step): everything after the first step — the later steps'
 * templates and handlers, the checks of each step, the place and nearby lookups, the kept photos,
 * sending and the receipt (`FaultFlow`), and the Swedish texts they show. The first step renders
 * without any of it. See the widgets' README, "First render, then the rest".
 */

export { forgetPhotos } from '../../internal/photos/photo-store.js';
export { FaultFlow } from './fault-report.flow.js';
