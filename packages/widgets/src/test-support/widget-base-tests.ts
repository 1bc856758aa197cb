import type { CSSResultOrNative } from '@lit/reactive-element';
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { KontaktReactiveElement } from '../internal/kontakt-reactive-element.js';
import { publicProperties, varsWithoutFallback } from './css-vars.js';
import { componentDocs } from './kontakt-server.js';

/** Any kontakt widget: built on `KontaktElement` (LitElement) or `KontaktReactiveElement`. */
type Widget = HTMLElement & { readonly updateComplete: Promise<boolean> };

export interface WidgetBaseTestOptions<E extends Widget> {
  /** The component's source file, whose JSDoc documents its parts and properties. */
  source: string;
  /** Renders the element (attached to the document) and resolves once it is ready to use. */
  render: (container?: HTMLElement) => Promise<E>;
  /** A text the element shows that differs between Swedish and English, read from its shadow root. */
  text: (element: E) => string;
  /** Documented parts that only exist in other states; the widget's own tests cover those. */
  partsInOtherStates?: string[];
}

const parts = (element: Element): string[] => [
  ...new Set(
    [...(element.shadowRoot?.querySelectorAll('[part]') ?? [])].flatMap((node) =>
      (node.getAttribute('part') ?? '').split(/\s+/).filter(Boolean),
    ),
  ),
];

const styleText = (element: Element): string =>
  (element.constructor as unknown as { elementStyles: CSSResultOrNative[] }).elementStyles
    .map((style) =>
      style instanceof CSSStyleSheet
        ? [...style.cssRules].map((rule) => rule.cssText).join('\n')
        : style.cssText,
    )
    .join('\n');

/** Windows' high contrast themes on or off for this page (scripts/wtr/forced-colors-plugin.mjs). */
const forcedColors = (active: boolean) => executeServerCommand('forced-colors', { active });

/** The element focused inside `element`'s shadow root (or `element` itself), if any. */
function focusedIn(element: Element): Element | null {
  let focused = element.shadowRoot?.activeElement ?? null;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused;
}

/** The fields a person types or picks in, as laid out now (hidden ones left out). */
const shownFields = (element: Element): HTMLElement[] =>
  [
    ...(element.shadowRoot?.querySelectorAll<HTMLElement>(
      'input:not([type="radio"], [type="checkbox"], [type="file"], [type="hidden"]), select, textarea',
    ) ?? []),
  ].filter((field) => field.getClientRects().length > 0);

/**
 * The behaviour every kontakt widget shares: it renders, is accessible, registers safely twice,
 * follows `lang`, renders the parts its JSDoc documents, themes only with fallbacks, and keeps its
 * fields' edges and its focus ring in forced colours.
 */
export function runWidgetBaseTests<E extends Widget>(
  tag: string,
  options: WidgetBaseTestOptions<E>,
): void {
  describe(`<${tag}> base behaviour`, () => {
    afterEach(() => {
      document.documentElement.removeAttribute('lang');
      fixtureCleanup();
    });

    it('renders into a shadow root with its base part', async () => {
      const element = await options.render();
      expect(element).to.be.instanceOf(customElements.get(tag) as CustomElementConstructor);
      expect(element.shadowRoot?.querySelector('[part~="base"]')).to.exist;
    });

    it('has no accessibility violations (axe) when ready', async () => {
      const element = await options.render();
      await expect(element).to.be.accessible();
    });

    it('ignores a second registration of the same version and warns about another version', async () => {
      // Both bases register the same way (internal/registration.ts).
      const Element = customElements.get(tag) as unknown as typeof KontaktReactiveElement;
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        Element.define(tag);
        expect(warnings).to.have.length(0);
        const Newer = class extends Element {
          static override readonly version = '999.0.0';
        };
        Newer.define(tag);
        expect(customElements.get(tag)).to.equal(Element);
        expect(String(warnings[0]?.[0])).to.contain('999.0.0');
      } finally {
        console.warn = warn;
      }
    });

    it('speaks Swedish by default and follows lang on itself, an ancestor and <html>', async () => {
      const element = await options.render();
      const base = () => element.shadowRoot?.querySelector('[part~="base"]');
      const swedish = options.text(element);
      expect(base()?.getAttribute('lang')).to.equal('sv');

      element.setAttribute('lang', 'en');
      await waitUntil(() => base()?.getAttribute('lang') === 'en', 'own lang not followed');
      expect(options.text(element)).not.to.equal(swedish);

      element.removeAttribute('lang');
      await waitUntil(() => base()?.getAttribute('lang') === 'sv');
      element.parentElement?.setAttribute('lang', 'en-GB');
      await waitUntil(() => base()?.getAttribute('lang') === 'en', 'ancestor lang not followed');
      element.parentElement?.removeAttribute('lang');

      document.documentElement.lang = 'ar';
      await waitUntil(() => base()?.getAttribute('lang') === 'ar', '<html lang> not followed');
      expect(base()?.getAttribute('dir')).to.equal('rtl');
    });

    it('follows the lang of an ancestor across a shadow root', async () => {
      const outer = document.createElement('div');
      document.body.append(outer);
      const root = outer.attachShadow({ mode: 'open' });
      const container = document.createElement('div');
      container.lang = 'en';
      root.append(container);
      try {
        const element = await options.render(container);
        const base = element.shadowRoot?.querySelector('[part~="base"]');
        expect(base?.getAttribute('lang')).to.equal('en');
        container.lang = 'fi';
        await waitUntil(() => base?.getAttribute('lang') === 'fi', 'lang change not seen');
      } finally {
        outer.remove();
      }
    });

    it('keeps its fields’ edges and a focus ring on every stop in forced colours (high contrast)', async () => {
      await forcedColors(true);
      try {
        const element = await options.render();
        expect(matchMedia('(forced-colors: active)').matches).to.be.true;
        // Forced colours drop backgrounds and shadows: a field's edge must be a border.
        for (const field of shownFields(element)) {
          const style = getComputedStyle(field);
          expect(style.borderBlockEndStyle, `#${field.id}`).not.to.equal('none');
          expect(Number.parseFloat(style.borderBlockEndWidth), `#${field.id}`).to.be.at.least(1);
        }
        // And the focus ring an outline (a box-shadow ring vanishes), at every stop the keyboard
        // reaches inside the widget.
        const stops: string[] = [];
        for (let press = 0; press < 40 && stops.length < 12; press++) {
          await sendKeys({ press: 'Tab' });
          const focused = focusedIn(element);
          if (!focused) {
            if (stops.length > 0) break;
            continue;
          }
          const style = getComputedStyle(focused);
          const name = `${focused.localName}#${focused.id}`;
          stops.push(name);
          expect(style.outlineStyle, name).not.to.equal('none');
          expect(Number.parseFloat(style.outlineWidth), name).to.be.at.least(2);
        }
        expect(stops, 'the keyboard reaches the widget').not.to.be.empty;
      } finally {
        await forcedColors(false);
      }
    });

    it('keeps all its text, uncut and within the screen, with the text spacing of WCAG 1.4.12', async () => {
      const element = await options.render();
      // What a person's style sheet or a spacing bookmarklet sets (1.4.12's values), reaching into
      // the shadow root as such a tool does.
      const spacing = new CSSStyleSheet();
      spacing.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
        word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }`);
      const root = element.shadowRoot as ShadowRoot;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, spacing];
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const cut: string[] = [];
      for (const node of root.querySelectorAll<HTMLElement>('*')) {
        const style = getComputedStyle(node);
        const box = node.getBoundingClientRect();
        // Visually hidden text (1 px, clipped) is there for screen readers only.
        if (box.width <= 1 || box.height <= 1 || style.display === 'none') continue;
        const name = `${node.localName}${node.id ? `#${node.id}` : ''}.${node.className}`;
        if (box.right > innerWidth + 1 || box.left < -1) cut.push(`${name} leaves the screen`);
        const clips = /hidden|clip/.test(`${style.overflowX} ${style.overflowY}`);
        if (clips && node.scrollWidth > node.clientWidth + 1) cut.push(`${name} cuts its width`);
        if (clips && node.scrollHeight > node.clientHeight + 1) cut.push(`${name} cuts its height`);
      }
      expect(cut).to.deep.equal([]);
    });

    it('renders every documented part, and documents every part it renders', async () => {
      const docs = await componentDocs(options.source);
      expect(docs.tag).to.equal(tag);
      const element = await options.render();
      const rendered = parts(element);
      const expected = docs.cssParts.filter((part) => !options.partsInOtherStates?.includes(part));
      expect(rendered).to.include.members(expected);
      expect(docs.cssParts).to.include.members(rendered);
    });

    it('gives every var() a literal fallback and documents every --kc-* property it reads', async () => {
      const docs = await componentDocs(options.source);
      const element = await options.render();
      const css = styleText(element);
      expect(varsWithoutFallback(css)).to.deep.equal([]);
      expect(docs.cssProperties).to.have.members(publicProperties(css));
    });
  });
}
