import type {
  ContactMessage,
  KontaktError,
  MessageClient,
  Receipt,
  SubmissionOutboxEntry,
} from '@kontakt/core';
import type { ReactiveElement } from 'lit';
import { KcErrorEvent } from '../../events/error.js';
import { KcSubmittedEvent } from '../../events/submitted.js';
import { failureText as textFor } from '../../i18n/messages.js';
import type { ContactFormLaterTexts } from '../../i18n/translation.js';
import type { SendOptions, SubmissionState } from '../../internal/submission-controller.js';
import { toErrorMap } from './contact-form.error-map.js';
import { focusId } from './contact-form.fields.js';
import type { ContactFormValues, FieldErrorMap } from './contact-form.model.js';
import { isEmpty, valuesFromDraft } from './contact-form.model.js';
import { uploadPercent } from './contact-form.photos-loader.js';

/*
 * What `<kc-contact-form>` does when its submission moves on (sending, offline, delivered,
 * failed), loaded with the submit path (`contact-form.deferred.ts`): none of it can happen before
 * that is there, so the first render does not carry it.
 */

/** The part of the element a submission's outcome changes (its `@internal` state). */
export interface SendingForm extends ReactiveElement {
  values: ContactFormValues;
  errors: FieldErrorMap;
  announcement: '' | 'submitting' | 'draftRestored' | 'formCleared';
  focusAfterRender: string | undefined;
  /** Keeps the draft now (whatever happens next, the text survives a reload). */
  flushDraft(): void;
  /** Forgets the draft, its photos too. */
  forgetDraft(): void;
}

/** What one send is: the message, and the photos the SDK uploads before it. */
export interface Sending {
  readonly message: ContactMessage;
  readonly photos: readonly Blob[];
}

/** Sends a message, and its photos first, telling the form how far their upload has come. */
export function messageSender(form: SendingForm) {
  return (client: MessageClient, { message, photos }: Sending, options: SendOptions) =>
    client.cases.submit(message, {
      ...options,
      ...(photos.length
        ? {
            photos,
            onProgress: ({ loaded, total }: { loaded: number; total: number }) => {
              uploadPercent.set(form, total ? Math.round((100 * loaded) / total) : 100);
              form.requestUpdate();
            },
          }
        : {}),
    });
}

/** Shows where the submission stands: the receipt, the offline panel or why it failed. */
export function onSubmissionChange(
  form: SendingForm,
  state: SubmissionState,
  focus: boolean,
): void {
  form.announcement = state.status === 'sending' ? 'submitting' : '';
  if (state.status !== 'sending') uploadPercent.delete(form);
  if (state.status === 'offline') showOffline(form, focus);
  else if (state.status === 'delivered') showReceipt(form, state.receipt, focus);
  else if (state.status === 'failed') showFailure(form, state.error, state.entry);
}

/** Shows the fields' errors, and moves focus to the first. */
export function showErrors(form: SendingForm, errors: FieldErrorMap): void {
  form.errors = errors;
  form.announcement = '';
  const [first] = errors.keys();
  if (first) form.focusAfterRender = focusId(first);
}

function showFailure(
  form: SendingForm,
  failure: KontaktError,
  entry: SubmissionOutboxEntry | undefined,
): void {
  // After a reload without a draft, the outbox still has the text: give it back. (The outbox
  // is shared by every widget of the endpoint: a fault report's entry is not this form's.)
  if (entry && entry.kind !== 'fault' && isEmpty(form.values))
    form.values = valuesFromDraft(entry.submission.message) ?? form.values;
  const fieldErrors = toErrorMap(failure.fieldErrors);
  // The alert is announced; focus stays on the button, ready to try again.
  if (fieldErrors.size) showErrors(form, fieldErrors);
  form.dispatchEvent(new KcErrorEvent(failure));
}

function showReceipt(form: SendingForm, receipt: Receipt, focus: boolean): void {
  form.values = { ...form.values, message: '', topic: '', photos: [] };
  form.forgetDraft();
  if (focus) form.focusAfterRender = 'receipt-heading';
  form.dispatchEvent(new KcSubmittedEvent(receipt));
}

/** The message is in the outbox: the offline panel shows until it is delivered or refused. */
function showOffline(form: SendingForm, focus: boolean): void {
  // Whatever the outbox does next, the text is kept for a reload.
  form.flushDraft();
  if (focus) form.focusAfterRender = 'offline-heading';
}

/** Why sending failed, in words. */
export function failureText(later: ContactFormLaterTexts, error: KontaktError): string {
  // A refusal about fields the form does not show (e.g. `origin.department`) is not the
  // person's to fix: it means the widget is set up wrong on this page.
  return textFor(later.failures, error.code === 'validation_failed' ? 'misconfigured' : error.code);
}
