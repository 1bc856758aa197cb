/**
 * The script-tag bundle of `<kc-contact-form>` (`dist/cdn/contact-form.js`): a small entry that
 * starts the department requests and then loads the element, and that leaves the page alone when
 * the element cannot start. npm users import `@kontakt/widgets/define/contact-form` instead.
 *
 * @module
 */
import { startWidget } from '../internal/start.js';

startWidget('kc-contact-form', () => import('../define/contact-form.js'));
