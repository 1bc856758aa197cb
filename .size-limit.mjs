// Size budgets (min + gzip), checked by `npm run size` in `npm test`. The widget budgets are those
// of DESIGN.md and issue 6; each script-tag file is measured as the browser downloads it (one
// gzip per file, no re-bundling). See packages/widgets/src/components/README.md.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const CDN = 'packages/widgets/dist/cdn';
const asLoaded = { disablePlugins: ['@size-limit/esbuild'], gzip: true };

/**
 * Every script-tag file a starter ever loads: the starter, then each file named in it (the
 * element's chunks it lists, its static and dynamic imports), and theirs, from the built files.
 * `except` leaves out chunks loaded only for other languages.
 */
function loadedBy(starter, except = /^$/) {
  const files = new Set();
  const visit = (file) => {
    if (files.has(file) || !existsSync(file) || except.test(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, path] of code.matchAll(/["'](\.\.?\/[^"']+\.js)["']/g)) {
      visit(relative('.', join(dirname(file), path)));
    }
  };
  visit(`${CDN}/${starter}`);
  return [...files];
}

/**
 * What a starter loads before its widget is used: the starter, the element it imports and the
 * chunks listed beside it, and what those import statically (`import … from "./x.js"`), not what
 * they import on demand (`import("./x.js")`: a panel, a language, the client).
 */
function firstLoad(starter) {
  const files = new Set();
  const visit = (file, staticOnly) => {
    if (files.has(file) || !existsSync(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    const imports = staticOnly
      ? /(?:from|import)\s*["'](\.\.?\/[^"']+\.js)["']/g
      : /["'](\.\.?\/[^"']+\.js)["']/g;
    for (const [, path] of code.matchAll(imports)) {
      visit(relative('.', join(dirname(file), path)), true);
    }
  };
  visit(`${CDN}/${starter}`, false);
  return [...files];
}

/**
 * The agent console's first load: the scripts its `index.html` names (the app and the chunks it
 * preloads), before anyone has signed in. Each view is a chunk of its own, loaded when shown.
 */
function consoleFirstLoad() {
  const page = 'packages/console/dist/index.html';
  if (!existsSync(page)) return [page];
  const html = readFileSync(page, 'utf8');
  return [...html.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.js)"/g)].map(
    ([, file]) => `packages/console/dist/${file}`,
  );
}

/** Chunks loaded only for a language other than Swedish, or for easy-read Swedish (`sv-simple`). */
const LANGUAGES = /chunks[\\/](en|fi|ar|sv-simple)-[^\\/]+\.js$/;
/** The notice's words in a language other than Swedish, each loaded only on a page in it. */
const NOTICE_LANGUAGES = /chunks[\\/]notice\.texts\.(en|fi|ar)-[^\\/]+\.js$/;
/**
 * Chunks the client loads only when `client.notices` is used, which the contact form never does
 * (its client carries only the small stub: see packages/core/src/resources/notices.ts).
 */
const NOTICES_ONLY = /chunks[\\/](notice-watch|notices-list)-[^\\/]+\.js$/;
/**
 * The chunk the client loads only for `client.cases.lookup/watch/follow` (the status tracker):
 * the lookup and the live stream, one file (`case-lookup-stream.ts`). The contact form never
 * uses them.
 */
const CASES_ONLY = /chunks[\\/]case-lookup-stream-[^\\/]+\.js$/;
/**
 * Chunks the client loads only for `client.faults` and `client.photos` (the fault report), which
 * the contact form never uses.
 */
const FAULTS_ONLY = /chunks[\\/](faults-impl|faults-send|photos-upload)-[^\\/]+\.js$/;

/**
 * Chunks the client loads only for `client.chat` (the chat panel), which the forms never use. The
 * chat widget's own chunks are `chat-bubble*`.
 */
const CHAT_ONLY = /chunks[\\/]chat-(?!bubble)[^\\/]+\.js$/;
/**
 * Chunks a contact form loads only for a department that takes photos with messages: the photos
 * field, the kept photos, the photo processing, and the uploads before the message.
 */
const PHOTOS_ONLY =
  /chunks[\\/](contact-form\.photos|picked-photos|photo-processing|send-with-photos)-[^\\/]+\.js$/;

/** Chunks the client loads only for `client.callbacks` (call-back requests), which the forms never use. */
const CALLBACKS_ONLY = /chunks[\\/]callbacks-[^\\/]+\.js$/;

/**
 * What a page loads for `<kc-contact-form>` before anyone uses it: the starter, the element and
 * what it imports (shared chunks included, whichever widget they are shared with); the submit
 * path and other languages load on demand.
 */
const contactFormFirstRender = firstLoad('contact-form.js');
/** …and once it is used: the submit path too. */
const contactFormEverything = loadedBy(
  'contact-form.js',
  new RegExp(
    `${LANGUAGES.source}|${NOTICES_ONLY.source}|${CASES_ONLY.source}|${FAULTS_ONLY.source}|${CHAT_ONLY.source}|${CALLBACKS_ONLY.source}`,
  ),
);

/**
 * What a page loads for `<kc-status-tracker>` before anyone uses it (or a receipt link opens a
 * case): the form and its Swedish words. The lookup, the client and a case's templates (with the
 * status words of every language) come with `status-tracker.deferred`, on demand.
 */
const statusTrackerFirstRender = firstLoad('status-tracker.js');

/** Every script-tag file the status tracker ever loads on a Swedish page. */
const statusTrackerEverything = loadedBy(
  'status-tracker.js',
  new RegExp(
    `status-tracker\\.texts\\.(en|fi|ar|sv-simple)-|${LANGUAGES.source}|${NOTICES_ONLY.source}|${CHAT_ONLY.source}|${CALLBACKS_ONLY.source}`,
  ),
);

/**
 * Chunks the status tracker loads only for a case whose department takes photos with messages:
 * the answer's photo field, the picked photos and their processing (at the first pick).
 */
const TRACKER_PHOTOS_ONLY =
  /chunks[\\/](status-tracker\.message-photos|picked-photos|photo-processing)-[^\\/]+\.js$/;

/**
 * What a page loads for `<kc-fault-report>` before anyone uses it: the frame and the first step.
 * The later steps (`fault-report.later`), the submit path, the map, the photo processing and other
 * languages load on demand.
 */
const faultReportFirstRender = firstLoad('fault-report.js');

/**
 * Budgets set ahead of widgets that are not built yet: checked as soon as the widget's script-tag
 * starter exists in the source, so the first commit of it has to meet them.
 */
const upcoming = [
  {
    name: '<kc-chat-bubble> launcher before it opens (budget: 10 KB)',
    source: 'packages/widgets/src/cdn/chat-bubble.ts',
    // The starter, the launcher and what it imports; its panel and the SDK load when it opens.
    // 8.85 KB: the launcher 3.5 KB, its reactive base 1.2 KB (shared with the notice), the light
    // core 3.6 KB, the starter 0.5 KB. (9.97 KB on Lit's ReactiveElement.) V8's compile hint on
    // the launcher and the light core (rollup/compile-hints.mjs): 8.9 KB. The early request's
    // body read when it arrives (its `JsonAnswer` in the light core's fetchJson): 8.96 KB.
    // Until when a chat open overnight is open ("Öppet till i morgon 02.00", the day named):
    // 8.94 KB. Configured by a <kc-provider> or configure() too (internal/settings.ts, the
    // Context Community Protocol's request by hand): 9.24 KB; terser after esbuild's minifier
    // (rollup.config.mjs): 9.16 KB. The shared light core's vocabulary names the most photos a
    // message may carry (MESSAGE_MAX_PHOTOS): 9.17 KB. The vocabulary's fourth answer channel
    // (letter): 9.2 KB. The icon alone on a narrow screen: 9.29 KB. Easy-read Swedish
    // (lang="sv-simple": the variant read in the shared language code, its words with the
    // others' in the launcher's language chunk): 9.34 KB. The page's way in after the button in
    // focus order, shown above it: 9.34 KB.
    path: firstLoad('chat-bubble.js'),
    limit: '9.35 KB',
    message: 'The chat launcher loads its panel and the SDK only when opened (DESIGN.md: 10 KB).',
  },
];

export default [
  {
    // 24 KB before notices; client.notices adds the list with its schema and the live feed
    // (EventStream + watchNotices), 5.5 KB in all. Both are dynamic imports that bundlers split
    // off (a client that never uses notices does not load them), but this check bundles them in.
    // client.cases.lookup/watch/follow (issue 9) add 2.1 KB the same way: the CaseWatch stub in
    // the client, the lookup with the public case's schemas and the live stream as chunks.
    // client.faults (issue 9) adds 0.85 KB the same way (a stub in the client; the fault schemas,
    // sending and the outbox's photo uploads as a chunk), client.photos (XHR for upload progress)
    // about as much: 33.7 KB measured from the built dist. Issue 10: client.chat adds 3.4 KB the
    // same way (a stub in the client; the conversation, its sender and the chat schemas as a
    // chunk, loaded when the chat panel opens), client.callbacks 1.3 KB: 38.7 KB measured.
    // The photos a kept submission uploaded, kept with it and uploaded again when the server let
    // them expire (send-with-photos.ts, the outbox entry's schema): 39.03 KB. outboxMaxAge at most
    // the default 7 days (the server remembers keys for 8): 39.06 KB. An answer by letter (the
    // postal address in the message's schema): 39.16 KB. The details each answer channel needs in
    // one rule for a citizen's message and a registered call (missingForAnswer): 39.17 KB.
    name: '@kontakt/core: createClient (ky + zod/mini + outbox + notices, the lazy feed included)',
    message:
      'The SDK grew: check what createClient() pulls in (npm run build, then look at packages/core/dist).',
    path: 'packages/core/dist/index.js',
    import: '{ createClient }',
    gzip: true,
    // client.cases.addMessage, a sender's message to an open case (its loader, and its request in
    // the lazy lookup chunk counted here), and whose a lookup's token is (CaseAccess.sender): 39.28
    // KB. A message to a case kept in the outbox when it cannot be sent, and the shared outbox
    // taught to send it (a third kind of entry, its sender given by createClient): 39.6 KB. Its
    // photos, uploaded first and kept with it (uploadThenSend, shared with the submissions): 39.8.
    // A kept entry's photos uploaded for its own department (uploadFor): 39.86 KB.
    // Tabs sharing the outbox told of what one delivered or gave up (BroadcastChannel): 40.18.
    // The field error codes of parking a case until a date (only_when_parked, in_the_past,
    // too_far_ahead: the codes every client knows): 40.21 KB.
    // Field error codes recognised by their shape (toFieldErrors), so the list of codes stays
    // out of the bundle: 40.07 KB. The place at a point (ReverseGeocodeSchema, in the fault
    // schemas the faults chunk carries): 40.1 KB. client.faults.geocode and placeAt (two stubs
    // in the client; their requests in the faults chunk, one GET helper for the three reads):
    // 40.22 KB. A NoticeFeed closes itself after an error it will not retry: 40.23 KB.
    // The language of a public note in the contract (TimelineEntry.noteLanguage): 40.231 KB.
    // client.notices.watch() reads with the client's own fetch, as its other requests do (the
    // event-stream reader's `fetch` option): 40.248 KB.
    limit: '40.25 KB',
  },
  {
    // What a page that only sends messages needs (the contact form's client): createClient's
    // cases.submit and outbox without the other resources' code. The kept fault report's
    // sending (a dynamic import) is bundled in here too. A message and a report sent by one
    // postSubmission (they were two copies): 0.01 KB more here, less in all widgets together.
    // The details each answer channel needs as one rule (missingForAnswer): 27.47 KB.
    name: '@kontakt/core: createMessageClient (ky + zod/mini + outbox, cases.submit only)',
    message:
      'createMessageClient() must not carry the other resources: check what message-client.ts imports (npm run build, then look at packages/core/dist).',
    path: 'packages/core/dist/index.js',
    import: '{ createMessageClient }',
    gzip: true,
    // client.cases.addMessage (its loader; the request is in the lookup's chunk): 27.48 KB. The
    // outbox reads a kept message to a case (so it does not forget it as unreadable) and leaves
    // it for a client that can send it; the delivered event with a case: 27.68 KB. Its photos in
    // the entry's schema, and the uploads generalised over the three kinds: 27.76 KB. A kept
    // entry's photos uploaded for its own department (uploadFor): 27.78 KB.
    // Tabs sharing the outbox told of what one delivered or gave up (BroadcastChannel): 28.09.
    // The field error codes of parking a case until a date: 28.12 KB.
    // Field error codes recognised by their shape (toFieldErrors), so the list of codes stays
    // out of the bundle: 27.97 KB.
    // The language of a public note in the contract (TimelineEntry.noteLanguage): 27.97 KB.
    limit: '27.98 KB',
  },
  {
    name: '@kontakt/core/schemas: the whole contract',
    // 12 KB before the notice schemas (0.8 KB); the staff statuses and their mapping to what a
    // citizen sees (issue 8) are 0.1 KB more. The agent's schemas are in @kontakt/core/agent.
    // Fault reports (catalog, questions, report, nearby, photos) and the citizen's case view with
    // its status words in four languages (issue 9): 2.6 KB more. A widget imports only the schemas
    // it sends with, in its deferred chunk; this measures the whole contract. Chat and call-back
    // (issue 10: sessions, messages, events, availability, slots, requests): 1.2 KB more; the chat
    // panel's chunk carries the part it sends with, the launcher none of it. The codes
    // agent_at_capacity and callback_not_offered and the end kind ended_citizen_left: 2 bytes.
    // Photos with contact messages (message.photos, Department.messagePhotos, the photo
    // schemas shared with fault reports in photo.ts): 17.15 KB. How long the server remembers an
    // idempotency key (IDEMPOTENCY_KEY_LIFETIME_MS, the outbox's limit): 17.19 KB. An answer by
    // letter (PostalAddressSchema, the Swedish postcode, the code invalid_postal_code): 17.37 KB;
    // the details each answer channel needs as one exported rule (missingForAnswer): 17.39 KB.
    message: 'The contract grew: zod/mini schemas are built when imported; keep them small.',
    path: 'packages/core/dist/schemas/index.js',
    import: '*',
    gzip: true,
    // A sender's message to an open case (CaseMessageSchema, the code case_finished,
    // CaseAccess.sender): 17.42 KB. The field error codes of parking a case until a date: 17.44.
    // The code only_when_finished (how a finished case was resolved): 17.45 KB. The place at a
    // point (ReverseGeocodeSchema, GET /v1/geocode/reverse): 17.47 KB.
    // The language of a public note in the contract (TimelineEntry.noteLanguage): 17.482 KB.
    // The language of a chat message from staff (ChatMessage.language): 17.492 KB.
    limit: '17.5 KB',
  },
  {
    // DESIGN.md: 20 KB, met: 19.65 KB (each file as served; since without a source-map comment).
    // Lit (templates and ReactiveElement) with the light core and base element every widget
    // shares, 10.95 KB in two chunks (rollup.config.mjs), the starter 1 KB, the department request
    // 0.8 KB; the element with the Swedish texts it shows before use and its styles 7.0 KB. What
    // can happen only once the submit path is there comes with it: the texts of the errors, of
    // why sending failed, of the receipt and the offline panel (i18n/sv.later.ts), what a
    // submission's outcome does to the form (contact-form.sending.ts), the receipt's date and
    // the kc-submit event (0.7 KB less here). The element's private members are `#private`,
    // which the minifier shortens (0.15 KB with the controllers'). See the components README.
    // Photos with messages (DESIGN.md's attachments): 19.99 KB, at the limit. Their
    // field, texts, styles and state are a chunk of their own (contact-form.photos), loaded with
    // the submit path for a department that takes photos; the first render keeps only the count
    // read from the department (`photos`), the ids a draft names, and the calls into the submit
    // path. Easy-read Swedish (lang="sv-simple") read by the language code and the controller:
    // 0.1 KB, paid for by the styles of what only the submit path shows (the warning, the
    // sending button, the error summary, the receipt, the offline panel), which now come with
    // it (contact-form.outcome-styles.ts, adopted by the DeferredController): 19.98 KB. A topic
    // the department has not translated marked as Swedish (`lang` on its option): 19.993 KB.
    name: '<kc-contact-form> first render: starter + element + Lit (DESIGN.md: 20 KB)',
    message:
      'The first render must not grow (DESIGN.md: 20 KB): move what the first frame does not need into contact-form.deferred.ts (packages/widgets/src/components/README.md).',
    path: contactFormFirstRender,
    limit: '20 KB',
    ...asLoaded,
  },
  {
    // 49.3 KB: the first render (19.97 KB), the client (25 KB: ky 8.5 KB, zod/mini 9.5 KB with
    // every zod constructor any widget's client-side schema uses, as zod's modules are shared
    // whole; the outbox with IndexedDB 3 KB; errors, retries, cases.submit and the contact
    // message's schemas), the submit path with the errors, receipt and offline panel and their
    // Swedish texts (3.1 KB) and the submission controller (1 KB, a file of its own: the fault
    // report shares it). The client is a MessageClient (createMessageClient: cases.submit and
    // the outbox), not createClient's whole client, whose other resources (stubs, CaseWatch,
    // NoticeFeed, departments) are a chunk the other widgets load: 1.04 KB less here. What stands
    // between this and 45 KB: ky and zod (18 KB in the client), each shared file compressed on
    // its own, and the 20 KB first render. No source-map comment in the files (rollup.config.mjs):
    // 49 KB. The department's schema out of the client's chunk (the id and the answer-time
    // promise defined with the origin and the receipt): 48.79 KB. The settings of a
    // <kc-provider> (internal/settings.ts) 0.2 KB more; terser after esbuild's minifier
    // (rollup.config.mjs): 47.98 KB. Photos with messages, for a page of a department that takes
    // none: 49.1 KB (the photos field's loader and what sending says of uploads in the submit
    // path 0.5 KB, cases.submit's way to the upload chunk 0.35 KB, the Blob-aware idempotency
    // fingerprint, the count in the department preview). A kept message's uploaded photos in
    // the outbox entry's schema and the outbox's sender (uploaded again once expired): 49.18 KB.
    // An answer by letter: the address's fields, texts and late styles in the submit path
    // (0.55 KB; the form's error sorting moved there from the first render to make room), the
    // postal address in the message's schema (0.14 KB): 49.99 KB.
    name: '<kc-contact-form> everything a Swedish page ever loads, for a department without photos: first render + submit path (DESIGN.md: 45 KB, not met)',
    message:
      'Everything the contact form loads must stay within 45 KB (DESIGN.md): look at the submit path chunk (contact-form.deferred) first.',
    path: contactFormEverything.filter((file) => !PHOTOS_ONLY.test(file)),
    // The client's addMessage (a stub; its request loads with the lookup): 50 KB. The outbox's
    // third kind of entry, the status tracker's message to a case, read and left for a client
    // that can send it (see createMessageClient): 50.24 KB. Its photos kept with it (the entry's
    // schema): 50.27 KB. A kept entry's photos uploaded for its own department: 50.3 KB.
    // Tabs sharing the outbox told of what one delivered or gave up (BroadcastChannel): 50.6 KB.
    // Field error codes recognised by their shape (toFieldErrors), so the list of codes stays
    // out of every bundle that validates: 50.48 KB. Easy-read Swedish (lang="sv-simple", its
    // texts a chunk like a language's, not counted): reading the variant 0.1 KB; the styles of
    // what only the submit path shows (errors, receipt, offline panel) moved into it from the
    // first render to make room there, adopted as it arrives: 50.76 KB. "At most one photo" in
    // the singular: 50.78 KB. A topic the department has not translated marked as Swedish
    // (WCAG 3.1.2): 50.79 KB.
    // The language of a public note in the contract (TimelineEntry.noteLanguage): 50.792 KB.
    limit: '50.8 KB',
    ...asLoaded,
  },
  {
    // 55.05 KB: 49.09 KB and the photos field with its texts and styles (2.4 KB), the kept photos
    // (IndexedDB), their previews and the list's styles (1.2 KB, shared with the fault report),
    // the photo processing (1.6 KB, the fault report's too), the uploads before the message
    // (0.8 KB). The check of a submission's photos and its unsaved outbox entry shared by
    // messages and fault reports (send-with-photos.ts, was a copy in each): 55.15 KB. Uploaded
    // photos kept with a kept submission and uploaded again when the server let them expire
    // (0.3 KB): 55.46 KB. An answer by letter (see above): 56.26 KB, and a byte or two of room for
    // the chunks' hashes. The outbox's message to a case (see above): 56.51 KB; its photos, and
    // the uploads shared with it (uploadThenSend): 56.6 KB. A photo's item in the list shared with
    // the status tracker's answer (picked-photos.ts imports Lit's html for it): 56.65 KB.
    name: '<kc-contact-form> everything a Swedish page ever loads, for a department that takes photos: and the photos field, processing and uploads',
    message:
      'The photos field is one chunk (contact-form.photos.ts), loaded only for a department that takes photos: keep the rest of the form out of it, and it out of the rest.',
    path: contactFormEverything,
    // Tabs sharing the outbox told of what one settled: 56.94 KB. One PhotoList for the three
    // forms with photos (picked-photos.ts; the fault report lost photos removed while prepared):
    // 57.0 KB, all widgets together 0.57 KB less.
    // Field error codes recognised by their shape: 56.88 KB. Easy-read Swedish: 57.16 KB.
    // One photo in the singular: 57.18 KB. An untranslated topic marked as Swedish: 57.19 KB.
    // The language of a public note in the contract (TimelineEntry.noteLanguage): 57.19 KB.
    limit: '57.2 KB',
    ...asLoaded,
  },
  {
    name: '<kc-contact-form> everything a page in another language ever loads (largest: Arabic)',
    message: 'A page in another language loads at most 2 KB more than a Swedish one.',
    path: [...contactFormEverything, `${CDN}/chunks/ar-*.js`],
    // 52.35 KB; each file's gzip size moves by a byte or two with the hashes in the names of the
    // chunks it imports, whatever their code: 0.01 KB of room for that. The topics in the
    // first frame: 52.6 KB. The contact form's client a MessageClient: 51.57 KB; no source-map
    // comments: 51.22 KB; the department's schema out of the client: 51.01 KB; a provider's
    // settings, and terser: 50.21 KB; photos with messages (their field's chunks included): 57.87
    // KB;
    // uploaded photos kept with a kept submission, uploaded again once expired: 58.18 KB; an
    // answer by letter (its texts in Arabic too): 59.18 KB; the outbox's message to a case:
    // 59.43 KB; its photos: 59.52 KB; a photo's item shared with the status tracker: 59.57 KB;
    // tabs sharing the outbox told of what one settled: 59.86 KB; one PhotoList: 59.92 KB.
    // Field error codes recognised by their shape: 59.8 KB.
    // Easy-read Swedish: 60.08 KB. One photo (and two: Arabic's dual) in the singular: 60.13 KB.
    // An untranslated topic marked as Swedish: 60.14 KB.
    // The language of a public note in the contract (TimelineEntry.noteLanguage): 60.14 KB.
    limit: '60.15 KB',
    ...asLoaded,
  },
  {
    name: 'one more language for a widget, loaded on demand (largest: Arabic)',
    message: 'A language chunk holds words only: keep code out of src/i18n/<locale>.ts.',
    path: `${CDN}/chunks/ar-*.js`,
    limit: '3 KB',
    ...asLoaded,
  },
  {
    // Every text of the contact form in easy-read Swedish (src/i18n/sv-simple.ts), loaded on a
    // page marked lang="sv-simple" instead of nothing more: 2.81 KB. Its first frame and submit
    // path are a Swedish page's.
    name: 'easy-read Swedish for the contact form, loaded on demand (as a language: 3 KB)',
    message: 'Easy-read Swedish is a language chunk: words only, within a language’s 3 KB.',
    path: `${CDN}/chunks/sv-simple-*.js`,
    limit: '3 KB',
    ...asLoaded,
  },
  {
    // The element and the settings it hands down, one file that imports nothing: 1.1 KB; with
    // configure() for a page template's own script (the endpoint and department checks): 1.42 KB;
    // taking what it leaves out from the provider around it (its own SettingsController): 1.61 KB;
    // a warning in the console for an endpoint or department no widget could use: 1.73 KB.
    name: '<kc-provider>: one file, the element and configure() (budget: 1.75 KB)',
    message:
      '<kc-provider> is on pages that load it for several widgets: it answers requests for settings and nothing else.',
    path: `${CDN}/provider.js`,
    limit: '1.75 KB',
    ...asLoaded,
  },
  {
    // DESIGN.md's budget is 8 KB, met: 7.98 KB. One file of its own (rollup.config.mjs:
    // SELF_CONTAINED) with the element, its reactive base, the few modules of the light core it
    // uses and watchNotices with the core's EventStream: 13.14 KB as a starter and five shared
    // chunks, each compressed on its own (1.8 KB of that was per-file cost), 10.31 KB as one
    // file. Its styles are plain text adopted without Lit's css tag: 0.5 KB less. watchNotices
    // extends the core's EventReader (what EventStream is built on) without EventStream's events
    // and async iterator: 9.51 KB; the element a little shorter (one pass over what to read out,
    // no unused classes): 9.47 KB. One request instead of two: the stream begins with the
    // current notices (`current=1`), so no list request, fetchJson or cursor: 8.84 KB; the
    // reader asks with a plain GET of its own (EventStream's headers are EventStream's) and one
    // watchdog covers the request too: 8.72 KB; only the shared tokens it uses: 8.6 KB. Its
    // words in English, Finnish and Arabic are chunks loaded on a page in that language (below):
    // 8.41 KB; its stylesheet its own, whole (the shared base's rules that apply to it, each
    // token read where used): 8.28 KB; a notice's nodes filled with replaceChildren (none kept
    // but the item, heading, text and button), the reader's refusals in one function, the
    // hidden list read without a copy: 8.12 KB; no source-map comment (the map is still written
    // beside it), CSS selecting by element where a class only named it, a few shorter forms
    // (one message for a stream that ends or drops, severity ranked by its list): 7.99 KB; the
    // corner radius read where used, the region's label through ariaLabel: 7.98 KB. Configured
    // by a <kc-provider> or configure() too (internal/settings.ts): 8.22 KB, over; terser after
    // esbuild's minifier (rollup.config.mjs), 3 % less on this file: 7.99 KB. Focus kept in the
    // region when the person hides the last notice (WCAG 2.4.3: a tabindex, one focus call, and a
    // style rule that shows the region while it has a notice or focus, in place of toggling
    // `hidden`), paid for by `Infinity` for Number.POSITIVE_INFINITY: 7.995 KB; that rule one of
    // its own (a browser without :has() drops only it, never the [hidden] rule): 7.997 KB. See
    // packages/widgets/src/components/README.md.
    name: '<kc-notice> everything a Swedish page ever loads: one file, the element with its reactive base and the core it uses (DESIGN.md: 8 KB)',
    message:
      '<kc-notice> is on every page of every department: nothing may grow it. Look at what dist/cdn/notice.js holds (npm run build).',
    path: loadedBy('notice.js', NOTICE_LANGUAGES),
    limit: '8 KB',
    ...asLoaded,
  },
  {
    // The Swedish page's file and the largest language's words (Arabic, 0.24 KB): 8.22 KB. The
    // file names the word chunks by their hashes, which move its gzip size by a byte or two:
    // 0.01 KB of room for that. Focus kept after the last notice is hidden: 8.231 KB.
    name: '<kc-notice> everything a page in another language ever loads (largest: Arabic)',
    message:
      "The notice's words in another language are a chunk of words only (notice.texts.*.ts).",
    path: [...loadedBy('notice.js', NOTICE_LANGUAGES), `${CDN}/chunks/notice.texts.ar-*.js`],
    limit: '8.24 KB',
    ...asLoaded,
  },
  {
    name: '<kc-status-tracker> first render: starter + element + Lit (DESIGN.md: 20 KB)',
    message:
      'The first render must not grow (DESIGN.md: 20 KB): what only a shown case needs belongs in status-tracker.deferred.ts (packages/widgets/src/components/README.md).',
    path: statusTrackerFirstRender,
    limit: '20 KB',
    ...asLoaded,
  },
  {
    // 55.5 KB: the first render (18.6 KB) + the client (ky, zod/mini, the outbox: 26 KB, the
    // same chunk the contact form loads) + the lookup and the live case stream (4.1 KB) + the
    // case's templates and the status words (2.5 KB) + the fault catalog, for a fault report's
    // category name (4.3 KB with the faults chunks the client splits off). V8's compile hint on
    // the first render's chunks (rollup/compile-hints.mjs): 0.06 KB more. The lookup and the
    // live stream one chunk (case-lookup-stream): 0.25 KB less. The contact form's client a
    // MessageClient: createClient's other resources are a chunk of their own here (1.56 KB,
    // 0.54 KB more than in the shared client chunk): 55.93 KB. (Against the contact form's
    // 1.04 KB less.) No source-map comment in its 15 files: 55.38 KB; the early GET's registry
    // renamed (@kontakt/core/early-get/2): 55.4 KB. The department's schema with the other
    // resources instead of in the shared client chunk: 55.52 KB (the contact form 0.22 KB less).
    // A provider's settings, and terser after esbuild's minifier (rollup.config.mjs): 54.44 KB.
    // Photos with contact messages (cases.submit's way to the upload chunk in the shared client,
    // messagePhotos in the department's schema): 55.07 KB. Uploaded photos kept with a kept
    // submission and uploaded again once expired (the shared client's upload chunk): 55.36 KB.
    // The postal address in the message's schema (an answer by letter): 55.52 KB.
    name: '<kc-status-tracker> everything a Swedish page ever loads, for a case whose department takes no photos: first render + lookup + live updates',
    message:
      'Everything the status tracker loads: look at status-tracker.deferred and the case-lookup/case-watch chunks first.',
    path: statusTrackerEverything.filter((file) => !TRACKER_PHOTOS_ONLY.test(file)),
    // The early answer read at once, peekDepartmentPreview (the topics in the first frame): 55.7.
    // Its sender's answer to the contact center's question: the form, its Swedish words, the draft
    // and sending (addMessage), 2.3 KB in the later chunk and 0.17 KB in the element; the form for
    // the sender alone (CaseAccess.sender), what is typed while it is sent kept: 57.82 KB. An
    // answer that cannot be sent kept in the outbox (IndexedDB) instead of the tab, so a closed
    // tab does not lose it: shown waiting with "try now", found again when the case is opened,
    // given back when the case no longer takes it (0.7 KB in the later chunk with its Swedish
    // words), the outbox's third kind of entry and its sender (0.5 KB): 59.03 KB. The contact
    // center's notes and the answer's field in their own direction (unicode-bidi, dir=auto): 59.05.
    // Photos with the answer in the client (addMessage's uploads, kept with it, sent by the
    // outbox): 59.45 KB. The form's part of its photos (loading the field, a draft's photos, the
    // count of a kept answer's; 0.5 KB) and the answer's client for the case's department
    // (0.14 KB in the element): 60.12 KB. That choice moved from the element to the later chunk
    // (the first render 0.05 KB smaller): 60.16 KB.
    // Tabs sharing the outbox told of what one delivered or gave up (BroadcastChannel): 60.45 KB.
    // An older copy of the case passed over (a late read after the answer's reply): 60.49 KB.
    // Field error codes recognised by their shape: 60.38 KB. Easy-read Swedish (the variant read,
    // the statuses said in the texts' own words where they have them; the texts a chunk like a
    // language's, not counted): 60.53 KB. The statuses' words a chunk of their own, shared with
    // the fault report's nearby reports, which say their status: 60.65 KB. A department's name
    // and topic it has not translated marked as Swedish (WCAG 3.1.2), in the case's templates
    // and in the sentence that says where the case was sent: 60.72 KB. The client's fault
    // schemas with the place at a point (ReverseGeocodeSchema): 60.75 KB. client.faults.geocode
    // and placeAt (counted with the faults chunk the client can load, which the tracker never
    // does): 60.84 KB. A NoticeFeed that closes itself after a fatal error: 60.85 KB.
    // The language of a public note in the contract (TimelineEntry.noteLanguage): 60.895 KB.
    // The language of a chat message from staff (ChatMessage.language): 60.899 KB.
    // client.notices.watch() reads with the client's own fetch (the reader's `fetch` option, in
    // the event-stream reader the case's live view shares): 60.913 KB.
    limit: '60.92 KB',
    ...asLoaded,
  },
  {
    name: "<kc-status-tracker> everything a Swedish page ever loads, for a case whose department takes photos: and the answer's photo field, the picked photos and their processing",
    message:
      "The answer's photos are chunks of their own (status-tracker.message-photos.ts, the shared picked photos and processing), loaded only for a department that takes photos.",
    path: statusTrackerEverything,
    // The field with its Swedish words (1.9 KB), the picked photos kept in IndexedDB with their
    // previews (1.5 KB, the contact form's and fault report's too), the processing (1.6 KB,
    // loaded at the first pick): 65.11 KB. A photo's item shared with the contact form
    // (picked-photos.ts): 65.18 KB; the answer's client chosen in the later chunk: 65.22 KB; tabs
    // sharing the outbox told of what one settled: 65.52 KB; an older copy of the case passed
    // over: 65.56 KB.
    // Field error codes recognised by their shape: 65.4 KB. Easy-read Swedish: 65.55 KB. The
    // statuses' words shared with the fault report: 65.68 KB. Untranslated names marked as
    // Swedish: 65.75 KB. The place at a point in the client's fault schemas: 65.78 KB.
    // client.faults.geocode and placeAt: 65.87 KB; a NoticeFeed that closes itself: 65.88 KB.
    // The language of a public note in the contract (TimelineEntry.noteLanguage): 65.926 KB.
    // The language of a chat message from staff (ChatMessage.language): 65.93 KB.
    // client.notices.watch() with the client's own fetch: 65.945 KB.
    limit: '65.95 KB',
    ...asLoaded,
  },
  {
    // 19.25 KB: the frame and the first step with their Swedish texts and styles (7.4 KB), Lit
    // and the shared core (10.95 KB), the starter (1 KB). Everything after the first step (its
    // templates and handlers, checks, lookups, photos, sending, the receipt, the rest of the
    // Swedish texts and styles: 13 KB) is fault-report.later, loaded at the first focus, press or
    // input (or with a draft past the first step).
    name: '<kc-fault-report> first render: starter + element + Lit (DESIGN.md: 20 KB)',
    message:
      'The first render must not grow (DESIGN.md: 20 KB): what later steps need belongs in fault-report.later.ts (packages/widgets/src/components/README.md).',
    path: faultReportFirstRender,
    limit: '20 KB',
    ...asLoaded,
  },
  {
    // Leaflet (~40 KB) with its stylesheet and the pin: loaded only when a person asks for the map.
    name: '<kc-fault-report> map step (Leaflet), loaded when the map is asked for (budget: 50 KB)',
    message:
      'The map chunk holds Leaflet and the pin only; the way without the map needs none of it.',
    path: `${CDN}/chunks/fault-report.map-*.js`,
    limit: '50 KB',
    ...asLoaded,
  },
  {
    // The fault report's photo step and the contact form's photos load the same chunk.
    name: 'photo processing, loaded when a photo is picked (fault report, contact form; budget: 3 KB)',
    message: 'Photo processing is a chunk of its own, loaded when a person picks a photo.',
    path: `${CDN}/chunks/photo-processing-*.js`,
    limit: '3 KB',
    ...asLoaded,
  },
  ...upcoming
    .filter((budget) => existsSync(budget.source))
    .map(({ source: _, ...budget }) => ({ ...budget, ...asLoaded })),
  {
    name: 'all widgets together: every script-tag file but the other languages and the map (DESIGN.md: 60 KB, not met)',
    message:
      'All widgets together must stay within 60 KB (DESIGN.md): share Lit and the core, load maps and photos at their step.',
    // Every file the widgets load to render and be used, the client's chunks for each widget's
    // resource and the photo processing included. Left out: the languages other than Swedish (a
    // page loads one), and the fault report's map (Leaflet, 45 KB, budgeted above), which loads
    // only when a person asks for the map: the report is complete without it. 103.9 KB: the
    // client (ky, zod/mini, the outbox) 26 KB and the chunks of its resources 15 KB (the chat's
    // 5 KB among them), Lit with the shared core 11 KB, the fault report 22 KB (its first render
    // 7.4 KB), the contact form 10.5 KB, the status tracker 9 KB, the notice 4.2 KB, the starters.
    // Issue 10: <kc-chat-bubble> 16.7 KB more — its launcher 4.1 KB with the starter, the panel
    // (Lit's repeat, the views, the Swedish words, the forms' checks, the dialog's focus guards)
    // 11.8 KB, the launcher's other languages 0.7 KB: 121.1 KB. The contact form's first render
    // made smaller by moving its sending outcome to the submit path: 121.35 KB. The notice and
    // the launcher on a reactive base of their own (1.2 KB) instead of Lit's ReactiveElement,
    // which only the widgets built on Lit load now: 1.1 KB less for each of those two, 0.2 KB
    // less for each form's first render, 0.6 KB more here: 122 KB. The widgets' private members
    // and controllers' as #private, which the minifier shortens: 121.45 KB (with the chat
    // panel as it was). The notice as one file of its own (13.14 -> 10.31 KB for a page with
    // the notice alone) carries its own copies of what it used from the shared chunks (the
    // light core, the reactive base, the event-stream reader): 5.8 KB more here, and on a page
    // with the notice and another widget: 127.25 KB; its styles without Lit's css tag: 126.75 KB.
    // V8's compile hint atop each first-render chunk (rollup/compile-hints.mjs): 0.11 KB more.
    // The notice's feed on the core's EventReader, and the reader's parser shorter: 126.6 KB.
    // The data in the first frame (early answers read at once, peeked by the elements): 127.05.
    // <kc-provider>'s file (1.1 KB) and every widget's settings from it (1 KB), then terser after
    // esbuild's minifier (rollup.config.mjs: 3.6 KB less): 123.98 KB; configure() in the
    // provider's file: 124.3 KB; providers that nest: 124.5 KB (the starters' early requests
    // read nested providers: 124.52 KB; the provider's warning: 124.64 KB). Photos with contact
    // messages: the field's chunk 2.6 KB, the kept photos and previews (shared with the fault
    // report, which had them in its later chunk) 0.9 KB, the uploads before a message 0.8 KB,
    // the submit path's loader 0.5 KB: 128.7 KB. Uploaded photos kept with a kept submission and
    // uploaded again once expired: 129 KB. An answer by letter (the contact form's address, its
    // texts, the schema): 129.81 KB.
    path: [
      `${CDN}/*.js`,
      `${CDN}/chunks/*.js`,
      `!${CDN}/chunks/{en,fi,ar,sv-simple}-*.js`,
      `!${CDN}/chunks/*.texts.{en,fi,ar,sv-simple}-*.js`,
      `!${CDN}/chunks/fault-report.map-*.js`,
    ],
    // The status tracker's answer to the contact center (its form, Swedish words, draft and
    // sending: 2.3 KB): 132.11 KB. Its answer kept in the outbox when it cannot be sent (see the
    // status tracker): 133.36 KB. Notes and chat messages in their own direction: 133.39 KB.
    // Photos with the answer in the client: 133.8 KB; and in the tracker's form (the field, its
    // Swedish words, loaded for a department that takes photos): 136.32 KB. Tabs sharing the
    // outbox told of what one settled: 136.55 KB. The tracker passes over an older copy of the
    // case: 136.59 KB. The chat launcher's icon alone on a narrow screen: 136.68 KB. One
    // PhotoList for the three forms with photos: 136.11 KB.
    // Field error codes recognised by their shape: 136.0 KB. Easy-read Swedish (its texts left
    // out with the languages'; reading the variant, the tracker's statuses, the launcher's
    // words with its languages', the contact form's late styles): 136.6 KB. One photo in the
    // singular, and a search that finds nothing shows the whole list: 136.67 KB. The chat's
    // call-back errors named by their field, each a link to it: 136.81 KB. The chat's list
    // following new messages, focus kept when a failed one is removed, the page's way in after
    // the launcher: 136.89 KB. The fault report's nearby reports say their status in the
    // contract's words (a chunk shared with the tracker): 137.07 KB. A department's text it has
    // not translated marked as Swedish (WCAG 3.1.2) in the contact form, the fault report and the
    // tracker, each with its own two-line helper (a module shared by them would be one more
    // chunk in the fault report's first render): 137.25 KB. The fault report names the place at a
    // point chosen on the map or by the device (GET /v1/geocode/reverse, its words in every
    // language), in its chunks and its self-contained bundle: 137.6 KB. client.faults.geocode
    // and placeAt in the SDK: 137.66 KB; the fault report's lookups through a client given
    // from JavaScript: 137.67 KB.
    // The language of a public note in the contract (TimelineEntry.noteLanguage): 137.743 KB.
    // The language of a chat message from staff (ChatMessage.language): 137.779 KB.
    limit: '137.79 KB',
    ...asLoaded,
  },
  {
    // 40.25 KB: the app, 34.2 KB (the shell and the sign-in form, both languages' texts, the
    // agent client's session part: ky, zod/mini, the session's schemas), and 6 KB of Lit. The
    // client's resources (cases, chat, dashboard, … with their schemas and live streams: 5.3 KB
    // of the 45.5 KB the page weighed with them) load once someone is signed in
    // (app/agent-resources.ts); the views are chunks of their own. The contact message's schema
    // it carries names photos now (message.photos, photo.ts): 40.63 KB. An answer by letter (the
    // postal address in that schema, the console's words for it): 40.8 KB; the details each
    // answer channel needs as one rule in that schema (missingForAnswer): 40.83 KB. The printed
    // letter's route, the shell's print rules and the link's and heading's words (its view and
    // its other words are a chunk of their own): 41.2 KB; one load-once-per-client for the
    // departments and the letterhead, one reading of why a case cannot be shown: 41.23 KB. Table
    // cells that break words only where they must: 41.24 KB. Parking a case until a date: its
    // words in both languages (the field, its hint, the case's and timeline's lines, three field
    // errors) and the status input's rule in the agent contract: 41.53 KB.
    name: '@kontakt/console first load: the sign-in page (app shell, agent client session, Lit)',
    message:
      "The sign-in page loads the shell and the agent client's session part only: the resources come with app/agent-resources.ts after sign-in, each view as a chunk of its own (packages/console/src/app/views.ts).",
    path: consoleFirstLoad(),
    // How a finished case was resolved: its words in both languages (the field, the case's and
    // timeline's lines, the dashboard's table and share, a field error): 41.86 KB. A case's
    // priority (its words, the inbox filter's and the case's, in both languages): 42.0 KB. A
    // case waiting for the citizen until a date too (isPaused, the hint's words): 42.05 KB. The
    // time in each status (the case's table, the dashboard's) and the forward's preview, their
    // words in both languages: 42.55 KB. Classification (the case's form and line, the timeline's,
    // the inbox's filter, the dashboard's table, in both languages): 42.97 KB. The case view's and
    // the dashboard's own words moved to their views' chunks (views/case-texts.ts,
    // views/dashboard-texts.ts), as the letter's and the fault section's are: 39.25 KB. The inbox's
    // order (oldest first), and the inbox's own words in its chunk too (views/inbox-texts.ts):
    // 38.57 KB. The notices view's own words in its chunk (views/notices-texts.ts): 37.92 KB.
    limit: '37.93 KB',
    ...asLoaded,
  },
  {
    // 44.7 KB, nearly all Leaflet (1.9, minified, with its stylesheet as a string); loaded only
    // when a fault case with a point is opened, never with the first load or a contact case.
    name: '@kontakt/console fault map chunk (Leaflet), loaded only for a fault case with a point',
    message:
      'The console map chunk is Leaflet and the pin: keep the fault section and the case view out of it (packages/console/src/fault/fault-map.ts).',
    path: 'packages/console/dist/assets/fault-map-*.js',
    limit: '46 KB',
    ...asLoaded,
  },
  {
    // 6.2 KB: the fault section, the duplicate suggestions, the catalog loader and their texts.
    name: '@kontakt/console fault case chunks (section, suggestions, catalog, texts)',
    message:
      'What only fault cases need belongs in packages/console/src/fault/, loaded by the case view when a fault case is opened.',
    path: [
      'packages/console/dist/assets/define-*.js',
      'packages/console/dist/assets/catalog-*.js',
      'packages/console/dist/assets/fault-texts-*.js',
    ],
    limit: '7 KB',
    ...asLoaded,
  },
];
