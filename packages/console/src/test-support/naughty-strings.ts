/**
 * Hostile text a citizen can send, to render everywhere citizen text appears: markup and scripts
 * that must never run or render, `javascript:` and `data:` URLs, event-handler attributes, SVG and
 * MathML tricks, template and Lit-marker injections, bidi overrides, and text that breaks naive
 * layouts. Each payload that could run sets `window.__pwned` (a trap the test watches). Drawn from
 * the Big List of Naughty Strings and OWASP's XSS filter evasion cheat sheet.
 */
export const XSS_PAYLOADS: readonly string[] = [
  `<script>window.__pwned = 'script'</script>`,
  `<img src=x onerror="window.__pwned = 'img-onerror'">`,
  `"><img src=x onerror=window.__pwned='attribute-break'>`,
  `'><svg onload="window.__pwned = 'svg-onload'">`,
  `<svg><script>window.__pwned = 'svg-script'</script></svg>`,
  `<svg><animate onbegin="window.__pwned = 'svg-animate'" attributeName="x" dur="1s"></animate></svg>`,
  `<a href="javascript:window.__pwned = 'a-href'">Klicka här</a>`,
  `javascript:window.__pwned = 'javascript-url'`,
  `JaVaScRiPt:window.__pwned = 'mixed-case-url'`,
  `data:text/html,<script>window.__pwned = 'data-url'</script>`,
  `<iframe src="javascript:window.__pwned = 'iframe'"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned = 'srcdoc'</script>"></iframe>`,
  `<details open ontoggle="window.__pwned = 'details'">x</details>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned = 'mxss'">`,
  `<style>* { display: none !important }</style>`,
  `<object data="javascript:window.__pwned = 'object'"></object>`,
  `<input autofocus onfocus="window.__pwned = 'autofocus'">`,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is a template placeholder
  '${window.__pwned = "template-literal"}',
  `{{constructor.constructor("window.__pwned = 'angular'")()}}`,
  `<!--?lit$123456789$--><?lit$123456789$>lit-marker`,
  `&lt;script&gt;window.__pwned = 'entity'&lt;/script&gt;`,
  `\u202Egnp.exe\u202C (right-to-left override)`,
  `\u2066isolate\u2069 \u200Fmark\u200E \u061Cletter`,
  `Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰`,
  `田中さんにあげて下さい 👾 🙇 💁 ﷽ Ω≈ç√∫˜µ≤≥÷`,
  `null undefined NaN 0 -1 true`,
  `${'a'.repeat(300)}-unbroken`,
];
