/**
 * The script-tag bundle of `<kc-provider>` (`dist/cdn/provider.js`): the element itself, and
 * `configure()` for pages that would rather set the widgets' defaults from a script of their own
 * (`import { configure } from '…/cdn/provider.js'`). One small file that imports nothing; load it
 * beside the widgets' own files, in any order: widgets that started first take the provider's
 * settings when it starts. npm users import `@kontakt/widgets/define/provider` and
 * `configure` from `@kontakt/widgets` instead.
 *
 * @module
 */
import '../define/provider.js';

export { configure } from '../configure.js';
