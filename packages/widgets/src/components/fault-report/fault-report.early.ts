import { startEarlyGet } from '@kontakt/core/early';
import { markupTarget } from '../../internal/target.js';

/**
 * Starts the fault catalog request of every `tag` element in the page, so it runs while the
 * element loads; the element's `fetchFaultCatalog` takes it over. Import-free but for modules
 * that are themselves import-free: the script-tag starter carries its own copy and stays one file.
 */
export function startCatalogRequests(tag: string): void {
  for (const element of globalThis.document?.querySelectorAll(tag) ?? []) {
    // Only what the element itself would send (see ClientController.target) is sent early.
    const target = markupTarget(element);
    if (target) {
      startEarlyGet(
        `${target.endpoint}/v1/departments/${encodeURIComponent(target.department)}/faults`,
      );
    }
  }
}
