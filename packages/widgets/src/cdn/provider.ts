/**
 * The script-tag bundle of `<kc-provider>` (`dist/cdn/provider.js`): the element itself, one
 * small file that imports nothing. Load it beside the widgets' own files, in any order: widgets
 * that started first take the provider's settings when it starts. npm users import
 * `@kontakt/widgets/define/provider` instead.
 *
 * @module
 */
import '../define/provider.js';
