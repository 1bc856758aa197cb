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
 * Whether a widget could use `value` as its `endpoint` or `department`, as `toTarget` checks it:
 * where a setting is given on its own (`configure()`, `<kc-provider>`), before any widget uses it.
 */
export function isUsableSetting(name: 'endpoint' | 'department', value: string): boolean {
  if (name === 'department') return isSlug(value);
  try {
    normalizeEndpoint(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The target an element's attributes name in the page's markup, each taken from the nearest
 * `<kc-provider>` around it that names it where the element names none: what its first request will go to. For
 * the script-tag starters' early requests, before any element is defined (so read from attributes
 * only; a provider in another shadow root, or set from JavaScript, is left to the element).
 */
export function markupTarget(element: Element): Target | undefined {
  // Providers nest: each attribute from the nearest provider that names it.
  const attribute = (name: string) =>
    element.getAttribute(name) || element.closest(`kc-provider[${name}]`)?.getAttribute(name) || '';
  return toTarget(attribute('endpoint'), attribute('department'));
}
