/** The path of a Chromium or Chrome to drive in tests (see find-chrome.mjs for the search order). */
export function findChrome(): string;

/** Flags for a headless test browser (sandbox off as root; no background networking). */
export function chromeArgs(): string[];
