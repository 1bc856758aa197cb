/** The version of `@kontakt/widgets`; kept equal to package.json by a test. */
export const VERSION = '0.0.0';
