/** The word for `count` things: `one` for exactly one, else `many` (Swedish and English alike). */
export const plural = (count: number, one: string, many: string): string =>
  count === 1 ? one : many;
