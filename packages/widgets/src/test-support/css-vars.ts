/** One `var()` in a stylesheet: the property it reads and its fallback, if any. */
export interface VarUse {
  name: string;
  fallback: string | undefined;
  text: string;
}

/** Every `var(...)` in `css`, nested ones included, with balanced parentheses. */
export function varUses(css: string): VarUse[] {
  const uses: VarUse[] = [];
  let index = css.indexOf('var(');
  while (index !== -1) {
    const start = index + 4;
    let depth = 1;
    let end = start;
    while (end < css.length && depth > 0) {
      if (css[end] === '(') depth++;
      if (css[end] === ')') depth--;
      end++;
    }
    const inner = css.slice(start, end - 1);
    const comma = inner.indexOf(',');
    uses.push({
      name: (comma === -1 ? inner : inner.slice(0, comma)).trim(),
      fallback: comma === -1 ? undefined : inner.slice(comma + 1).trim(),
      text: `var(${inner})`,
    });
    index = css.indexOf('var(', start);
  }
  return uses;
}

/**
 * The `var()`s that could end with no value: those without a fallback, unless they read a private
 * local (`--_gap`) that the same styles declare (locals are themselves checked where declared).
 */
export function varsWithoutFallback(css: string): string[] {
  return varUses(css)
    .filter((use) => !use.fallback)
    .filter((use) => !(use.name.startsWith('--_') && new RegExp(`${use.name}\\s*:`).test(css)))
    .map((use) => use.text);
}

/** The public custom properties (`--kc-*`) the styles read. */
export function publicProperties(css: string): string[] {
  return [...new Set(varUses(css).map((use) => use.name))].filter((name) =>
    name.startsWith('--kc-'),
  );
}
