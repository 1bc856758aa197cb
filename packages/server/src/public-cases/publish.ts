/** A case's public stream: `case.changed` with the whole `PublicCase` after each change. */
export const publicCaseStream = (reference: string) => `public-case:${reference}`;
