/**
 * The script-tag bundle of `<kc-notice>` (`dist/cdn/notice.js`): one file with everything the
 * element ever loads. It is on every page of every department, where one request and one gzip
 * stream cost least, so rollup.config.mjs builds it on its own instead of as a starter with
 * shared chunks. Being one file, there is no chunk that could fail to load, and the element needs
 * no Trusted Types policy: until it is defined, the page's own content inside the tag shows.
 * npm users import `@kontakt/widgets/define/notice` instead.
 *
 * @module
 */
import '../define/notice.js';
