import { isSlug, normalizeEndpoint } from '@kontakt/core/early';

/** A server and department a widget can talk to, checked as the client would check them. */
export interface Target {
  /** Normalised as the client normalises it (absolute, no trailing slash). */
  readonly endpoint: string;
  readonly department: string;
  /** Tells one target from another (drafts and kept messages are looked up per target). */
  readonly key: string;
}

/**
 * `endpoint` and `department` as a target, or `undefined` when the client would refuse them (not
 * an http(s) URL, not a department id). Light on purpose: the script-tag starter uses it too.
 */
export function toTarget(endpoint: string, department: string): Target | undefined {
  if (!isSlug(department)) return undefined;
  try {
    const normalised = normalizeEndpoint(endpoint);
    return { endpoint: normalised, department, key: `${normalised}\n${department}` };
  } catch {
    return undefined;
  }
}

/**
 * The target an element's attributes name in the page's markup, each taken from the nearest
 * `<kc-provider>` around it where the element names none: what its first request will go to. For
 * the script-tag starters' early requests, before any element is defined (so read from attributes
 * only; a provider in another shadow root, or set from JavaScript, is left to the element).
 */
export function markupTarget(element: Element): Target | undefined {
  const provider = element.closest('kc-provider');
  const attribute = (name: string) =>
    element.getAttribute(name) || provider?.getAttribute(name) || '';
  return toTarget(attribute('endpoint'), attribute('department'));
}
