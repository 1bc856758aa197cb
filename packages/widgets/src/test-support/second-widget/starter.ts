// The stand-in widget's script-tag starter, made like `src/cdn/<widget>.ts`.
import { builtChunks, startWidget } from '../../internal/start.js';

startWidget(
  'kc-second-widget',
  () => import('./second-widget.js'),
  builtChunks(import.meta.url, '__KONTAKT_ELEMENT_CHUNKS__'),
);
