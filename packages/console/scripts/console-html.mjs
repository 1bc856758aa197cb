// Writes the console's `index.html` beside the bundle, naming the hashed entry file, so the page
// that is revalidated on every visit is the only file whose name never changes.

/**
 * @param {{ entry: string, base: string }} options `entry`: the rollup input name of the app;
 *   `base`: the URL path the server serves `dist/` at (absolute, since the same page answers
 *   every deep link such as `/console/cases/KC-…`, and `base-uri 'none'` rules out `<base>`).
 * @returns {import('rollup').Plugin}
 */
export function consoleHtml({ entry, base }) {
  return {
    name: 'kontakt-console-html',
    generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const main = chunks.find((chunk) => chunk.isEntry && chunk.name === entry);
      if (!main) this.error(`No entry chunk named ${entry}`);
      // Its static imports load in parallel with it instead of one level at a time.
      const preloads = main.imports.map(
        (file) => `    <link rel="modulepreload" href="${base}${file}">`,
      );
      this.emitFile({
        type: 'asset',
        fileName: 'index.html',
        source: page({ script: `${base}${main.fileName}`, preloads }),
      });
    },
  };
}

/** The page: no inline script or style (the CSP allows neither); the app styles itself. */
function page({ script, preloads }) {
  return `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light">
    <link rel="icon" href="data:,">
    <title>Kontaktcenter</title>
    <script type="module" src="${script}"></script>
${preloads.join('\n')}
  </head>
  <body>
    <kc-console>
      <p>Kontaktcenters handläggarvy startar … Om inget händer: kontrollera att JavaScript är påslaget.</p>
      <p lang="en">The contact center console is starting … If nothing happens, check that JavaScript is on.</p>
    </kc-console>
  </body>
</html>
`;
}
