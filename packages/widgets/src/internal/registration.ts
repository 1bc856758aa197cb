/** A widget class as guarded registration sees it: any custom element, with the version it comes from. */
export interface VersionedElement extends CustomElementConstructor {
  readonly version: string;
}

/**
 * Registers `element` under `tag`. Host pages often load an embed twice (two CMS blocks, a script
 * tag and a bundle): registering the same version again does nothing, and another version keeps
 * the first one and warns, instead of throwing and breaking the page. Every base element's
 * `define()` calls this, whatever Lit class it builds on.
 */
export function defineOnce(
  element: VersionedElement,
  tag: string,
  registry: CustomElementRegistry,
): void {
  const existing = registry.get(tag) as
    | (CustomElementConstructor & { version?: string })
    | undefined;
  if (!existing) {
    registry.define(tag, element);
    return;
  }
  if (existing === element || existing.version === element.version) return;
  console.warn(
    `[kontakt] <${tag}> is already registered by @kontakt/widgets ${existing.version ?? '(unknown version)'}; ` +
      `version ${element.version} was not registered. Load the widgets once per page.`,
  );
}

/** Turns one custom state on or off, so pages can style `kc-x:state(name)`. */
export function toggleState(states: CustomStateSet, name: string, on: boolean): void {
  if (on) states.add(name);
  else states.delete(name);
}

/** Makes `name` the only one of `names` that is on (none, for `undefined`). */
export function setExclusiveState(
  states: CustomStateSet,
  names: readonly string[],
  name: string | undefined,
): void {
  for (const each of names) toggleState(states, each, each === name);
}
