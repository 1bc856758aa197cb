/*
 * What the SDK's tests send and get back, in node and in the browser alike (nothing here imports
 * node's modules): a valid contact message and a receipt.
 */

/** A receipt as the server would send it. */
export const receipt = {
  reference: 'KC-7F3K-9QXM',
  receiptToken: 'abcdefghijklmnopqrstuvwxyz0123456789ABCD',
  submittedAt: '2026-11-23T09:00:00.000Z',
  expectedAnswerBy: '2026-11-25T16:00:00.000Z',
  answerTimePromise: { workingDays: 2 },
};

/** A valid contact message. */
export const message = {
  topic: 'parkering',
  message: 'Hur söker jag boendeparkering på Storgatan?',
  answerChannel: 'email',
  email: 'anna.svensson@example.se',
} as const;
