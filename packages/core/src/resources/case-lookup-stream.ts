/*
 * What `client.cases.lookup/follow/unfollow/watch/addMessage` load on first use, as one chunk:
 * the status tracker opens a case and then follows it, so the two load together instead of as two
 * files (each compressed on its own: 0.25 KB less for it), and a client that only sends messages
 * carries neither. Following someone else's fault report (`follow`) loads the stream with it; an
 * answer to the case (`addMessage`) is sent only from a case opened with it.
 */
export { followCase, lookupCase, unfollowCase } from './case-lookup.js';
export { addCaseMessage, sendCaseMessage } from './case-message.js';
export { followCaseStream } from './case-watch-stream.js';
