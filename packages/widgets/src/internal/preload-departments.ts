import { fetchDepartmentPreview } from '@kontakt/core';
import { toTarget } from './target.js';

/**
 * Starts the department request of every `tag` element in the page that names its endpoint and
 * department, so it runs in parallel with loading the element (which later shares the request).
 * For starters of widgets whose first render needs the department (`startWidget`'s `preload`).
 */
export function preloadDepartments(tag: string): void {
  for (const element of globalThis.document?.querySelectorAll(tag) ?? []) {
    // Only what the element itself would send (see ClientController.target) is sent early.
    const target = toTarget(
      element.getAttribute('endpoint') ?? '',
      element.getAttribute('department') ?? '',
    );
    // Failures are the element's to report when it asks for the same request.
    if (target) fetchDepartmentPreview(target.endpoint, target.department).catch(() => undefined);
  }
}
