import type { KontaktSettings } from './internal/settings.js';
import { SettingsProvider } from './internal/settings-provider.js';
import { isUsableSetting } from './internal/target.js';

/**
 * The page's one document-wide provider, shared through a global symbol by every copy of this
 * package on the page (an app's bundle and a script-tag embed).
 */
const PAGE_SETTINGS = Symbol.for('@kontakt/widgets/configure');

/**
 * Configures every kontakt widget on the page that has no `<kc-provider>` around it, from
 * JavaScript: the page's default contact center, department or client. A widget's own
 * attributes win, each on its own, and so does a `<kc-provider>` around it. Call it again to
 * change the settings: widgets already on the page follow; `configure({})` takes them back.
 * Widgets added before or after the call get them alike.
 *
 * @example
 * import { configure } from '@kontakt/widgets';
 * configure({ endpoint: 'https://kontakt.example.se', department: 'gata' });
 *
 * @throws {TypeError} When `endpoint` is not an http(s) URL or `department` not a department id
 *   (lower-case letters, digits and single hyphens), so a mistake shows where it is made.
 */
export function configure(settings: KontaktSettings): void {
  const { endpoint, department, client } = settings ?? {};
  if (endpoint !== undefined && !isUsableSetting('endpoint', endpoint)) {
    throw new TypeError(`Invalid endpoint: ${JSON.stringify(endpoint)}`);
  }
  if (department !== undefined && !isUsableSetting('department', department)) {
    throw new TypeError(`Invalid department: ${JSON.stringify(department)}`);
  }
  const global = globalThis as { [PAGE_SETTINGS]?: SettingsProvider };
  let provider = global[PAGE_SETTINGS];
  const first = !provider;
  provider ??= global[PAGE_SETTINGS] = new SettingsProvider(document);
  provider.value = Object.freeze({ endpoint, department, client });
  // After the value: widgets nobody answered yet ask again when it announces itself.
  if (first) provider.attach();
}
