import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The moments a person starts to use a widget. Loading then puts the cost of the submit path
 * (the client, the contract's schemas, the outbox) where the person is already interacting, not
 * in the page's first frames; a keyboard user reaches the widget with Tab (`focusin`), a pointer
 * user presses it, and assistive technology that sets values without focus still fires `input`.
 */
const INTENT_EVENTS = ['focusin', 'pointerdown', 'input'] as const;

/**
 * Loads a module a widget needs only once it is used: on the first sign of intent on the host
 * (focus, press, input) or when the widget asks (`load()`, e.g. on submit). The import runs
 * once per controller and is shared by the module system across elements; the host re-renders
 * when it has arrived, so templates can read `value` and show what needs it.
 *
 * A module that exports `lateStyles` has them added to the host's shadow root as it arrives,
 * before the host renders what needs them: styles of what only the module shows (errors, a
 * receipt) need not be in the first render.
 *
 * A failed import (offline, a blocked chunk) is not cached: the next intent or `load()` tries
 * again.
 */
export class DeferredController<T> implements ReactiveController {
  /** The loaded module, or `undefined` until it has arrived. */
  value: T | undefined;

  readonly #host: Host;
  readonly #importer: () => Promise<T>;
  #loading: Promise<T> | undefined;

  constructor(host: Host, importer: () => Promise<T>) {
    this.#host = host;
    this.#importer = importer;
    host.addController(this);
  }

  /** The module, importing it now if no earlier call has. */
  load(): Promise<T> {
    this.#loading ??= this.#importer().then(
      (module) => {
        // Once per controller (the import's outcome is kept), so the sheet is never added twice.
        const { lateStyles } = module as { lateStyles?: CSSResult };
        const root = this.#host.shadowRoot;
        if (lateStyles?.styleSheet && root) {
          root.adoptedStyleSheets = [...root.adoptedStyleSheets, lateStyles.styleSheet];
        }
        this.value = module;
        this.#stopWatching();
        this.#host.requestUpdate();
        return module;
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  hostConnected(): void {
    if (this.value) return;
    for (const type of INTENT_EVENTS) this.#host.addEventListener(type, this.#onIntent);
  }

  hostDisconnected(): void {
    this.#stopWatching();
  }

  #stopWatching(): void {
    for (const type of INTENT_EVENTS) this.#host.removeEventListener(type, this.#onIntent);
  }

  #onIntent = (): void => {
    // A failure is retried on the next intent, or surfaces where `load()` is awaited (submit).
    this.load().catch(() => undefined);
  };
}
