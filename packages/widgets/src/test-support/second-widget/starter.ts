// The stand-in widget's script-tag starter, made like `src/cdn/<widget>.ts`.
import { startWidget } from '../../internal/start.js';

startWidget('kc-second-widget', () => import('./second-widget.js'));
