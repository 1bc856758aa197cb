// Size budgets (min + gzip), checked by `npm run size` in `npm test`. The widget budgets are those
// of DESIGN.md and issue 6; each script-tag file is measured as the browser downloads it (one
// gzip per file, no re-bundling). See packages/widgets/src/components/README.md.
import { existsSync } from 'node:fs';

const CDN = 'packages/widgets/dist/cdn';
const asLoaded = { disablePlugins: ['@size-limit/esbuild'], gzip: true };

/** What a page loads for `<kc-contact-form>` before anyone uses it. */
const contactFormFirstRender = [
  `${CDN}/contact-form.js`,
  `${CDN}/chunks/contact-form-*.js`,
  `${CDN}/chunks/lit-*.js`,
];
const contactFormSubmitPath = `${CDN}/chunks/contact-form.deferred-*.js`;

/**
 * Budgets set ahead of widgets that are not built yet: checked as soon as the widget's script-tag
 * starter exists in the source, so the first commit of it has to meet them.
 */
const upcoming = [
  {
    name: '<kc-chat-bubble> launcher before it opens (budget: 10 KB)',
    source: 'packages/widgets/src/cdn/chat-bubble.ts',
    path: [`${CDN}/chat-bubble.js`, `${CDN}/chunks/chat-bubble-*.js`, `${CDN}/chunks/lit-*.js`],
    limit: '10 KB',
    message: 'The chat launcher loads its panel and the SDK only when opened (DESIGN.md: 10 KB).',
  },
];

export default [
  {
    name: '@kontakt/core: createClient (ky + zod/mini + outbox)',
    message:
      'The SDK grew: check what createClient() pulls in (npm run build, then look at packages/core/dist).',
    path: 'packages/core/dist/index.js',
    import: '{ createClient }',
    gzip: true,
    limit: '24 KB',
  },
  {
    name: '@kontakt/core/schemas: the whole contract',
    message: 'The contract grew: zod/mini schemas are built when imported; keep them small.',
    path: 'packages/core/dist/schemas/index.js',
    import: '*',
    gzip: true,
    limit: '12 KB',
  },
  {
    name: '<kc-contact-form> first render: starter + element + Lit (budget: 20 KB)',
    message:
      'The first render must stay within 20 KB: move what the first frame does not need into contact-form.deferred.ts (packages/widgets/src/components/README.md).',
    path: contactFormFirstRender,
    limit: '20 KB',
    ...asLoaded,
  },
  {
    name: '<kc-contact-form> everything a Swedish page ever loads: first render + submit path (budget: 45 KB)',
    message:
      'Everything the contact form loads must stay within 45 KB (DESIGN.md): look at the submit path chunk (contact-form.deferred) first.',
    path: [...contactFormFirstRender, contactFormSubmitPath],
    limit: '45 KB',
    ...asLoaded,
  },
  {
    name: '<kc-contact-form> everything a page in another language ever loads (largest: Arabic)',
    message: 'A page in another language loads at most 2 KB more than a Swedish one.',
    path: [...contactFormFirstRender, contactFormSubmitPath, `${CDN}/chunks/ar-*.js`],
    limit: '47 KB',
    ...asLoaded,
  },
  {
    name: 'one more language for a widget, loaded on demand (largest: Arabic)',
    message: 'A language chunk holds words only: keep code out of src/i18n/<locale>.ts.',
    path: `${CDN}/chunks/ar-*.js`,
    limit: '3 KB',
    ...asLoaded,
  },
  ...upcoming
    .filter((budget) => existsSync(budget.source))
    .map(({ source: _, ...budget }) => ({ ...budget, ...asLoaded })),
  {
    name: 'all widgets together: every script-tag file but the other languages (budget: 60 KB)',
    message:
      'All widgets together must stay within 60 KB (DESIGN.md): share Lit and the core, load maps and photos at their step.',
    path: [`${CDN}/*.js`, `${CDN}/chunks/*.js`, `!${CDN}/chunks/{en,fi,ar}-*.js`],
    limit: '60 KB',
    ...asLoaded,
  },
];
