/**
 * For each element a starter imports dynamically: the chunks loading it brings in (its own chunk
 * and everything that imports statically, however deep) that the starter has not loaded already.
 * Both the starters' list of chunks to fetch at once and the compile hints are read from this.
 * @param {import('rollup').OutputBundle} bundle
 * @param {import('rollup').OutputChunk} starter
 * @returns {Map<string, Set<string>>} element file name → the chunks it brings in
 */
export function chunksPerElement(bundle, starter) {
  const byName = new Map(
    Object.values(bundle)
      .filter((file) => file.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
  /** @param {string} fileName @param {Set<string>} seen */
  const staticClosure = (fileName, seen = new Set()) => {
    if (seen.has(fileName)) return seen;
    seen.add(fileName);
    for (const next of byName.get(fileName)?.imports ?? []) staticClosure(next, seen);
    return seen;
  };
  const loaded = staticClosure(starter.fileName);
  const perElement = new Map();
  for (const element of starter.dynamicImports) {
    perElement.set(
      element,
      new Set([...staticClosure(element)].filter((file) => !loaded.has(file))),
    );
  }
  return perElement;
}
