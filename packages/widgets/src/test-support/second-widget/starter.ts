// The stand-in widget's script-tag starter, made like `src/cdn/contact-form.ts`.
import { startDepartmentRequests } from '../../internal/early-department.js';
import { builtChunks, startWidget } from '../../internal/start.js';

startWidget('kc-second-widget', () => import('./second-widget.js'), {
  chunks: builtChunks(import.meta.url, '__KONTAKT_ELEMENT_CHUNKS__'),
  preload: startDepartmentRequests,
});
