import type { TrackerTexts } from './status-tracker.texts.js';

export const en: TrackerTexts = {
  dir: 'ltr',
  loading: 'Loading the case …',
  formHeading: 'Follow your case',
  formIntro:
    'Enter the case number from your receipt and the e-mail address you gave when you sent it.',
  reference: 'Case number',
  referenceHint: 'For example KC-7F3K-9QXM',
  email: 'E-mail address',
  emailHint: 'The address you wrote when you sent the case.',
  submit: 'Show the case',
  submitting: 'Searching …',
  errorSummary: (count) =>
    count === 1 ? 'Correct 1 thing to go on' : `Correct ${count} things to go on`,
  referenceMissing: 'Enter the case number.',
  referenceInvalid:
    'Enter the case number as it is on the receipt: KC and eight characters, for example KC-7F3K-9QXM.',
  emailMissing: 'Enter your e-mail address.',
  emailInvalid: 'Enter the e-mail address like name@example.com.',
  notFoundHeading: 'We cannot find a case',
  notFound:
    'We cannot find a case with those details. Check the case number and the e-mail address and try again.',
  rateLimited: (at) =>
    at
      ? `You have tried many times in a short while. Try again after ${at}.`
      : 'You have tried many times in a short while. Wait a moment and try again.',
  unreachable: 'We could not reach the contact center. Check your connection and try again.',
  unexpected: 'Something went wrong on our side. Try again in a while.',
  failedHeading: 'The case could not be shown',
  retry: 'Try again',
  caseHeading: 'Case',
  status: 'Status',
  expectedBy: (date) => `You will get an answer by ${date}.`,
  kind: 'Kind of case',
  kinds: { fault: 'Fault report', question: 'Question to the contact center' },
  category: 'Topic',
  photosLabel: 'Photos',
  photos: (count) => (count === 1 ? '1 photo attached' : `${count} photos attached`),
  timelineHeading: 'What has happened',
  timelineOrder: 'The latest is first.',
  forwardedTo: (department) => `Sent to ${department}.`,
  duplicateOf: 'The same thing is already reported in case',
  followInstead: 'Follow that report instead',
  following: 'You are now following that report.',
  followFailed: 'That report could not be followed just now. Try again in a while.',
  changed: (status) => `The case has been updated: ${status}.`,
  reconnecting: 'We lost the connection and are trying again. What is shown may be out of date.',
  reconnected: 'The connection is back.',
  watchEnded: 'The case is no longer updated here. Reload the page to see the latest.',
  anotherCase: 'Show another case',
  noPersonalData:
    'Personal data and what you wrote are never shown here, only how the case is going.',
  message: {
    answerHeading: 'Answer our question',
    answerLabel: 'Your answer',
    ourQuestion: 'Our question:',
    addHeading: 'Send more information',
    addLabel: 'What you want to add',
    hint: 'What you send may become a public record. Do not write your personal identity number or sensitive details unless you must.',
    send: 'Send',
    sending: 'Sending …',
    sent: 'Thank you! We have received what you sent.',
    required: 'Write something before you send.',
    tooLong: (max) => `The text is too long. It may be at most ${max} characters.`,
    offline:
      'The contact center could not be reached. Your text is kept and will be sent when the connection is back.',
    queuedHeading: 'Not sent yet.',
    queued:
      'What you wrote is saved in this browser and will be sent automatically when the connection works again, while this page is open or the next time you visit it.',
    queuedLabel: 'Saved:',
    sendNow: 'Try sending now',
    queuedPhotos: (count) => (count === 1 ? 'And one picture.' : `And ${count} pictures.`),
    photos: {
      legend: 'Pictures',
      hint: (max) =>
        `You can send ${max === 1 ? 'one picture' : `up to ${max} pictures`} with your answer, for example a photo of what we asked about. The pictures are made smaller, and location and camera details are removed before they are sent.`,
      add: 'Add a picture',
      full: (max) =>
        `You have added ${max === 1 ? 'one picture' : `${max} pictures`}, as many as you can.`,
      alt: (n, total) => `Picture ${n} of ${total}`,
      remove: (n, total) => `Remove picture ${n} of ${total}`,
      preparing: 'Preparing the picture …',
      added: (n, total) => `Picture ${n} of ${total} added.`,
      removed: 'The picture is removed.',
      uploading: (percent) => `Sending pictures: ${percent} %`,
      problems: {
        heic_unsupported:
          'The picture is in the HEIC format, which cannot be used here. Choose another picture, or set the camera to “Most compatible” (JPEG).',
        too_large: 'The picture is too large to send. Choose a smaller picture.',
        decode_failed: 'The file could not be read as a picture. Choose a JPEG, PNG or WebP image.',
        not_an_image: 'That kind of file cannot be sent. Choose a JPEG, PNG or WebP image.',
      },
    },
    finished: 'The case is closed and takes nothing more. Send a new message instead.',
    notYours: 'Only the person who sent the case can answer here.',
    rateLimited: 'Too many attempts just now. Wait a while and try again.',
    failed: 'It could not be sent. Your text is kept. Try again.',
  },
};
