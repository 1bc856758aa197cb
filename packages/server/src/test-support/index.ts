/**
 * Test helpers of `@kontakt/server` for other packages' tests (`@kontakt/server/test-support`,
 * resolved only with the `@kontakt/source` condition: it is not published). A real server on a
 * random port with the store under test, the departments it serves, and admin API keys.
 */
export { createApiKey, hashApiKey } from '../api-keys.js';
/** Real images with planted metadata (GPS, camera), for tests of what a photo keeps. */
export { jpegWithMetadata } from '../photos/metadata-fixtures.js';
export { signIn, TEST_PASSWORD, type TestSession, testAccounts } from './agents.js';
export { keyRecord, newCase } from './cases.js';
export {
  ALWAYS_OPEN,
  gata,
  LETTER_ANSWER,
  skola,
  startTestServer,
  TEST_LETTERHEAD,
  type TestServer,
  type TestServerOptions,
  testDepartments,
  validFaultSubmission,
  validSubmission,
} from './departments.js';
export { noticeText } from './notices.js';
export {
  caseAudit,
  caseColumns,
  createTestDatabase,
  storeUnderTest,
  type TestDatabase,
} from './store.js';
