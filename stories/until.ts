/**
 * Waits until `found` gives something, for the stories' play functions (they run in Storybook,
 * where no test helpers are), and says `what` did not come when it does not. Up to 30 s: on a busy
 * machine the first load of a widget's chunk takes that long.
 */
export async function until<T>(
  found: () => T | null | undefined | false,
  what: string,
): Promise<T> {
  for (let tries = 0; tries < 600; tries += 1) {
    const value = found();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(what);
}
