import type { FailureTexts, FieldErrorTexts, KontaktTranslation } from './translation.js';

const fieldErrors: FieldErrorTexts = {
  required: {
    topic: 'Choose what your question is about.',
    message: 'Write your question.',
    answerChannel: 'Choose how you want to get an answer.',
    interpreterLanguage: 'Write which language the interpreter should speak.',
    street: 'Enter the street address.',
    postalCode: 'Enter the postcode.',
    city: 'Enter the town or city.',
  },
  requiredField: 'Fill in this field.',
  phoneForCallBack: 'Enter your phone number so that we can call you back.',
  emailForAnswer: 'Enter your e-mail address so that we can answer you.',
  nameForLetter: 'Enter your name so that the letter reaches you.',
  addressForLetter: 'Enter the address we should send the letter to.',
  invalidPostalCode: 'Enter the postcode as five digits, for example 211 22.',
  contactForVisit: 'Enter a phone number or an e-mail address so that we can book a time with you.',
  tooLong: (maximum) => `The text can be at most ${maximum} characters. Please shorten it.`,
  invalidEmail: 'Enter the e-mail address like name@example.com.',
  invalidPhone: 'Enter a phone number with at least 6 digits, for example +46 70 123 45 67.',
  unknownTopic: 'This topic no longer exists. Choose another topic.',
  invalidOption: 'Choose one of the options.',
  tooManyPhotos: (maximum) =>
    `You can attach at most ${String(maximum) === '1' ? 'one picture' : `${maximum} pictures`}. Remove one.`,
  unknownPhoto:
    'A picture could not be sent with the message. Remove the pictures and add them again.',
  other: 'Check this field.',
};

const failures: FailureTexts = {
  rateLimited: 'You have sent many messages in a short time. Wait a moment and try again.',
  misconfigured:
    'The form does not work on this page right now. Please call or e-mail the contact center instead.',
  payloadTooLarge: 'The message is too large. Shorten the text and try again.',
  expired:
    'Your message could not be sent for several days and was not sent. Your text is still here – send it again.',
  unreachable: 'We could not reach the contact center. Check your connection and try again.',
  validation: 'Some details need correcting. See the errors in the form.',
  unexpected:
    'Something went wrong on our side. Your text is still here – please try again in a moment.',
};

/** English. */
export const en: KontaktTranslation = {
  languageName: 'English',
  dir: 'ltr',
  common: {
    loading: 'Loading the form …',
    loadFailed: 'The form could not be loaded. Check your connection and try again.',
    retry: 'Try again',
    optional: '(optional)',
  },
  contactForm: {
    formLabel: 'Send a question to the contact center',
    topic: 'What is your question about?',
    chooseTopic: 'Choose a topic',
    loadingTopics: 'Loading topics …',
    message: 'Your question',
    messageHint: 'Describe as clearly as you can what you want to know or need help with.',
    characterCount: (used, max) => `${used} of ${max} characters`,
    charactersLeft: (left) =>
      left === 1 ? 'You have 1 character left.' : `You have ${left} characters left.`,
    charactersTooMany: (over) =>
      over === 1 ? 'You have 1 character too many.' : `You have ${over} characters too many.`,
    answerChannel: 'How do you want to get an answer?',
    channels: {
      email: 'By e-mail',
      phone: 'We call you back',
      visit: 'At a visit to a service point',
      letter: 'By letter in the post',
    },
    email: 'E-mail address',
    emailHint: 'We only use it to answer you.',
    phone: 'Phone number',
    phoneHint: 'For example +46 70 123 45 67.',
    visitHint: 'Enter a phone number or an e-mail address so that we can book a time with you.',
    name: 'Name',
    answerLanguage: 'Which language do you want the answer in?',
    needsLegend: 'Do you need support to understand the answer?',
    needs: {
      interpreter: 'Interpreter',
      sign_language: 'Sign language interpreter',
      easy_read: 'An answer in easy-to-read Swedish',
    },
    interpreterLanguage: 'Which language should the interpreter speak?',
    interpreterLanguageHint: 'For example Somali or Persian.',
    publicRecord:
      'What you send to the municipality is as a rule a public record that anyone may ask to read. Do not write personal identity numbers or sensitive details about health or family unless needed.',
    personalIdentityNumberWarning:
      'It looks like you have written a personal identity number. Remove it unless it is needed – the message may become a public record.',
    submit: 'Send',
    submitting: 'Sending …',
    errorSummary: (count) =>
      count === 1 ? 'Correct 1 detail before sending' : `Correct ${count} details before sending`,
    fieldErrors,
    offlineHeading: 'Saved – will be sent when you are online again',
    offlineText:
      'We could not reach the contact center just now. Your question is saved in this browser and will be sent automatically when the connection works again, while this page is open or the next time you visit it.',
    sendNow: 'Try sending now',
    failedHeading: 'Your question could not be sent',
    failures,
    receiptHeading: 'Thank you! We have received your question',
    receiptReference: 'Your case number',
    receiptAnswerBy: (date) => `You will get an answer by ${date}.`,
    receiptKeep: 'Keep the case number. You need it if you want to ask about your case.',
    receiptTrack: 'Follow your case',
    newMessage: 'Send a new question',
    draftRestored: 'We have filled in what you wrote earlier.',
    clearForm: 'Clear the form',
    formCleared: 'The form has been cleared.',
    photos: {
      legend: 'Pictures',
      hint: (max) =>
        `You can attach ${max === 1 ? 'one picture' : `up to ${max} pictures`}, for example a photo of a letter or a screenshot. The pictures are made smaller, and location and camera details are removed before they are sent.`,
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
    postalAddress: {
      legend: 'Where should we send the letter?',
      street: 'Street address',
      streetHint: 'Street and number, and your flat number if you have one.',
      postalCode: 'Postcode',
      city: 'Town or city',
    },
  },
};
