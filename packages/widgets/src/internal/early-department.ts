import { departmentUrl, startEarlyGet } from '@kontakt/core/early';
import { markupTarget } from './target.js';

/**
 * Starts the department request of every `tag` element in the page that names its endpoint and
 * department, so it runs while the element loads; the element's request (`fetchDepartmentPreview`)
 * takes it over when it gets there. For starters of widgets whose first render needs the
 * department (`startWidget`'s `preload`). Imports only import-free modules: a script-tag starter
 * carries its own copy and stays one file.
 */
export function startDepartmentRequests(tag: string): void {
  for (const element of globalThis.document?.querySelectorAll(tag) ?? []) {
    // Only what the element itself would send (see ClientController.target) is sent early.
    const target = markupTarget(element);
    if (target) startEarlyGet(departmentUrl(target.endpoint, target.department));
  }
}
