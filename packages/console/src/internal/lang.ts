import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en } from '../i18n/en.js';
import { sv } from '../i18n/sv.js';
import type { ConsoleLocale, ConsoleTexts } from '../i18n/texts.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean };

/** The languages the console speaks; Swedish first (the default). */
export const CONSOLE_LOCALES = ['sv', 'en'] as const satisfies readonly ConsoleLocale[];

/** Every language's texts. */
export const TEXTS: Record<ConsoleLocale, ConsoleTexts> = { sv, en };

/**
 * The element's language: its own `lang`, else the nearest ancestor's (crossing shadow roots),
 * else `<html lang>`.
 */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang')?.trim();
      if (lang) return lang;
    }
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return element.ownerDocument.documentElement.lang.trim();
}

/** `en-GB` → `en`; anything the console does not speak → `sv`. */
export function pickLocale(tag: string): ConsoleLocale {
  const primary = tag.toLowerCase().split('-')[0] ?? '';
  return (CONSOLE_LOCALES as readonly string[]).includes(primary)
    ? (primary as ConsoleLocale)
    : 'sv';
}

/**
 * Per-element localisation: each console element reads the `lang` that applies to it and renders
 * again when it changes, so nothing global is installed. Both languages are small and bundled.
 */
export class LocalizeController implements ReactiveController {
  locale: ConsoleLocale = 'sv';
  private readonly host: Host;
  private readonly observer: MutationObserver;

  constructor(host: Host) {
    this.host = host;
    this.observer = new MutationObserver(() => this.refresh());
    host.addController(this);
  }

  /** The texts in the element's language. */
  get t(): ConsoleTexts {
    return TEXTS[this.locale];
  }

  /** A date and time in the element's language (`3 dec. 2026 13:05`). */
  dateTime(value: string | Date): string {
    return new Intl.DateTimeFormat(this.locale === 'sv' ? 'sv-SE' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(value));
  }

  hostConnected(): void {
    this.refresh();
    const options: MutationObserverInit = { attributes: true, attributeFilter: ['lang'] };
    this.observer.observe(this.host, options);
    let root = this.host.getRootNode();
    while (root instanceof ShadowRoot) {
      this.observer.observe(root, { ...options, subtree: true });
      root = root.host.getRootNode();
    }
    if (root instanceof Document)
      this.observer.observe(root.documentElement, { ...options, subtree: true });
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }

  private refresh(): void {
    const locale = pickLocale(resolveLang(this.host));
    if (locale === this.locale && this.host.hasUpdated) return;
    this.locale = locale;
    this.host.requestUpdate();
  }
}
