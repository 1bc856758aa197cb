/**
 * Registers `<kc-provider>`. Importing this module is the only thing that defines the element;
 * importing it twice, or two copies of the same version, is harmless.
 *
 * @module @kontakt/widgets/define/provider
 */
import { KcProvider } from '../components/provider/provider.js';

KcProvider.define('kc-provider');

declare global {
  interface HTMLElementTagNameMap {
    'kc-provider': KcProvider;
  }
}
