/**
 * Registers `<kc-status-tracker>`. Importing this module is the only thing that defines the
 * element; importing it twice, or two copies of the same version, is harmless.
 *
 * @module @kontakt/widgets/define/status-tracker
 */
import { KcStatusTracker } from '../components/status-tracker/status-tracker.js';

KcStatusTracker.define('kc-status-tracker');

declare global {
  interface HTMLElementTagNameMap {
    'kc-status-tracker': KcStatusTracker;
  }
}
