/**
 * What the tracker loads once it is used (or opened from a link): the client, and the checks of
 * what a person typed. Re-exports only; see components/README.md.
 */
export { createClient, EmailSchema, normalizeCaseReference } from '@kontakt/core';
