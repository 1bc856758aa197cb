/**
 * Registers `<kc-contact-form>`. Importing this module is the only thing that defines the element;
 * importing it twice, or two copies of the same version, is harmless.
 *
 * @module @kontakt/widgets/define/contact-form
 */
import { KcContactForm } from '../components/contact-form/contact-form.js';

KcContactForm.define('kc-contact-form');

declare global {
  interface HTMLElementTagNameMap {
    'kc-contact-form': KcContactForm;
  }
}
