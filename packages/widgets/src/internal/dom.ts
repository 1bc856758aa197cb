/*
 * The DOM builder of the widgets that render without templates (`<kc-notice>`, the chat
 * launcher): `createElement`, `setAttribute` and `append` only, never `innerHTML`, so text is
 * always text and no Trusted Types policy is needed.
 */

/** Makes an element with attributes (`class`, `part`, `role`, …) and children (nodes or text). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}
