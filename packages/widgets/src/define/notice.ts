/**
 * Registers `<kc-notice>`. Importing this module is the only thing that defines the element;
 * importing it twice, or two copies of the same version, is harmless.
 *
 * @module @kontakt/widgets/define/notice
 */
import { KcNotice } from '../components/notice/notice.js';

KcNotice.define('kc-notice');

declare global {
  interface HTMLElementTagNameMap {
    'kc-notice': KcNotice;
  }
}
