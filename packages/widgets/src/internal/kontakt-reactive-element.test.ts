// The reactive base of the widgets built without Lit (the notice, the chat launcher): the part of
// ReactiveElement's behaviour they rely on, in a real browser with real custom elements.

import type { ReactiveController } from '@lit/reactive-element';
import { css } from '@lit/reactive-element/css-tag.js';
import { expect, fixtureCleanup } from '@open-wc/testing';
import type { PropertyValues } from './kontakt-reactive-element.js';
import { KontaktReactiveElement } from './kontakt-reactive-element.js';

let defined = 0;

/** A fresh element class under a tag of its own, so each test starts from a clean registry. */
function defineProbe() {
  class Probe extends KontaktReactiveElement {
    static override properties = {
      name: { reflect: true },
      level: { attribute: 'heading-level', type: Number },
      open: { type: Boolean, reflect: true },
      data: { attribute: false },
    };
    static override styles = [css`:host { display: block; }`, [css`p { margin: 0; }`]];

    declare name: string | undefined;
    level = 2;
    open = false;
    declare data: unknown;
    /** Every update, with what changed. */
    readonly updates: PropertyValues[] = [];

    protected override update(changed: PropertyValues): void {
      super.update(changed);
      this.updates.push(changed);
    }
  }
  const tag = `kc-probe-${++defined}`;
  Probe.define(tag);
  return { Probe, tag };
}

/** Marks an element so that cleanup finds it. */
function marked<E extends HTMLElement>(element: E): E {
  element.dataset.probe = '';
  return element;
}

/** Puts a fresh element into the page and waits for its first update. */
async function attach<E extends HTMLElement & { updateComplete: Promise<boolean> }>(element: E) {
  document.body.append(element);
  await element.updateComplete;
  return element;
}

afterEach(() => {
  fixtureCleanup();
  for (const element of document.querySelectorAll('[data-probe]')) element.remove();
});

describe('KontaktReactiveElement', () => {
  it('updates once after connection, with the initial values, and not before', async () => {
    const { Probe } = defineProbe();
    const element = marked(new Probe());
    await Promise.resolve();
    expect(element.hasUpdated).to.equal(false);
    await attach(element);
    expect(element.hasUpdated).to.equal(true);
    expect(element.updates).to.have.length(1);
    expect([...(element.updates[0]?.keys() ?? [])]).to.have.members(['level', 'open']);
  });

  it('batches changes into one update and reports the values before', async () => {
    const { Probe } = defineProbe();
    const element = await attach(marked(new Probe()));
    element.name = 'a';
    element.level = 3;
    element.level = 4;
    await element.updateComplete;
    expect(element.updates).to.have.length(2);
    const changed = element.updates[1];
    expect(changed?.get('name')).to.equal(undefined);
    expect(changed?.get('level')).to.equal(2);
    // The same value again is no change (NaN included).
    element.level = 4;
    await element.updateComplete;
    element.level = Number.NaN;
    await element.updateComplete;
    element.level = Number.NaN;
    await element.updateComplete;
    expect(element.updates).to.have.length(3);
  });

  it('reads attributes by type and reflects the properties that ask for it', async () => {
    const { Probe, tag } = defineProbe();
    const element = marked(document.createElement(tag) as InstanceType<typeof Probe>);
    element.setAttribute('heading-level', '3');
    element.setAttribute('open', '');
    await attach(element);
    expect(element.level).to.equal(3);
    expect(element.open).to.equal(true);
    element.removeAttribute('open');
    expect(element.open).to.equal(false);

    element.name = 'gata';
    element.open = true;
    await element.updateComplete;
    expect(element.getAttribute('name')).to.equal('gata');
    expect(element.hasAttribute('open')).to.equal(true);
    element.open = false;
    element.name = undefined;
    await element.updateComplete;
    expect(element.hasAttribute('open')).to.equal(false);
    expect(element.hasAttribute('name')).to.equal(false);
    // `data` (attribute: false) has no attribute.
    expect(Probe.observedAttributes).to.have.members(['name', 'heading-level', 'open']);
  });

  it('keeps a property set on the element before its class was defined', async () => {
    const tag = `kc-probe-${++defined}`;
    const element = marked(document.createElement(tag) as HTMLElement & { level?: number });
    element.level = 5;
    document.body.append(element);
    class Late extends KontaktReactiveElement {
      static override properties = { level: { type: Number } };
      level = 2;
    }
    Late.define(tag);
    await (element as unknown as Late).updateComplete;
    expect((element as unknown as Late).level).to.equal(5);
  });

  it('adopts its styles, flattened, into an open shadow root', async () => {
    const { Probe } = defineProbe();
    const element = await attach(marked(new Probe()));
    expect(element.shadowRoot).to.equal(element.renderRoot);
    expect(Probe.elementStyles).to.have.length(2);
    expect(element.shadowRoot?.adoptedStyleSheets).to.have.length(2);
  });

  it('tells controllers when the element is connected and disconnected', async () => {
    const { Probe } = defineProbe();
    const element = marked(new Probe());
    const heard: string[] = [];
    const controller: ReactiveController = {
      hostConnected: () => heard.push('connected'),
      hostDisconnected: () => heard.push('disconnected'),
    };
    element.addController(controller);
    await attach(element);
    element.remove();
    document.body.append(element);
    element.removeController(controller);
    element.remove();
    expect(heard).to.deep.equal(['connected', 'disconnected', 'connected']);
  });

  it('registers a tag once per version (as KontaktElement does)', () => {
    const { Probe, tag } = defineProbe();
    Probe.define(tag);
    expect(customElements.get(tag)).to.equal(Probe);
  });
});
