/*
 * The sender's form to a shown case (see `CaseMessageController`): the field, or the message the
 * outbox keeps instead of it, the alerts, and the form's styles. In the tracker's later chunk.
 */
import type { MessagePhotoSettings } from '@kontakt/core';
import { MESSAGE_MAX_LENGTH } from '@kontakt/core';
import type { PublicCase } from '@kontakt/core/schemas';
import type { CSSResult, ReactiveElement, TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import type {
  CaseMessageController,
  MessageProblem,
  QueuedMessage,
} from './status-tracker.message.js';
import type { MessageTexts } from './status-tracker.message-texts.js';

export interface MessageViewContext {
  /** In the element's language (`TrackerTexts.message`, or `SV_MESSAGE_TEXTS`). */
  readonly texts: MessageTexts;
  readonly publicCase: PublicCase;
  readonly message: CaseMessageController;
  /** The case's department's photos with messages, when the answer may carry some. */
  readonly photos?: MessagePhotoSettings | undefined;
}

/**
 * The form: an answer to the contact center's question while it waits for the person (its last
 * public note shown as the question), else "send more information".
 */
export function messageView(ctx: MessageViewContext): TemplateResult {
  const { publicCase, message } = ctx;
  const m = ctx.texts;
  const waiting = publicCase.status === 'waiting_for_citizen';
  const asked = waiting
    ? publicCase.timeline.findLast((entry) => entry.status === 'waiting_for_citizen')
    : undefined;
  const question = asked?.note;
  const { problem, queued } = message;
  const fieldProblem = problem === 'required' || problem === 'too_long';
  const problemText =
    problem === 'too_long' ? m.tooLong(MESSAGE_MAX_LENGTH) : problem ? m[camel(problem)] : '';
  return html`<form
    part="message-form"
    class="message-form"
    aria-labelledby="message-heading"
    novalidate
    @submit=${message.onSubmit}
  >
    <h3 id="message-heading">${waiting ? m.answerHeading : m.addHeading}</h3>
    ${
      question
        ? html`<p part="question" class="question">
          <span class="label">${m.ourQuestion}</span>
          <span class="note" lang=${asked?.noteLanguage ?? nothing}>${question}</span>
        </p>`
        : nothing
    }
    ${queued ? queuedView(m, queued) : fieldView(ctx, waiting, fieldProblem, problemText)}
    ${!queued && ctx.photos ? message.photoField(m.photos, ctx.photos) : nothing}
    ${
      problem && !fieldProblem
        ? html`<p part="alert" class="error" role="alert">${problemText}</p>`
        : nothing
    }
    ${message.sent ? html`<p part="message-sent" class="sent">${m.sent}</p>` : nothing}
    ${
      queued
        ? html`<button
          part="message-button"
          type="button"
          aria-disabled=${message.retrying ? 'true' : 'false'}
          @click=${message.onSendNow}
        >${message.retrying ? m.sending : m.sendNow}</button>`
        : html`<button part="message-button" type="submit" aria-disabled=${message.sending ? 'true' : 'false'}>
          ${
            message.uploaded !== undefined
              ? (m.photos ?? message.photos?.texts)?.uploading(message.uploaded)
              : message.sending
                ? m.sending
                : m.send
          }
        </button>`
    }
  </form>`;
}

/** The field for the text, with its hint and its error. */
function fieldView(
  ctx: MessageViewContext,
  waiting: boolean,
  fieldProblem: boolean,
  problemText: string,
): TemplateResult {
  const { texts: m, message } = ctx;
  return html`<div part="field" class="field">
    <label part="label" for="message-text">${waiting ? m.answerLabel : m.addLabel}</label>
    <p part="hint" class="hint" id="message-hint">${m.hint}</p>
    ${fieldProblem ? html`<p part="error" class="error" id="message-error">${problemText}</p>` : nothing}
    <textarea
      part="input message-input"
      id="message-text"
      name="text"
      dir="auto"
      rows="5"
      .value=${message.text}
      aria-describedby=${fieldProblem ? 'message-hint message-error' : 'message-hint'}
      aria-invalid=${fieldProblem ? 'true' : 'false'}
      @input=${message.onInput}
    ></textarea>
  </div>`;
}

/** The message the outbox keeps, instead of the field, until it is sent or given up. */
function queuedView(m: MessageTexts, queued: QueuedMessage): TemplateResult {
  return html`<div part="message-queued" class="queued">
    <p id="message-queued" tabindex="-1"><strong>${m.queuedHeading}</strong> ${m.queued}</p>
    <p class="queued-text">
      <span class="label">${m.queuedLabel}</span> <span class="note">${queued.text}</span>
      ${queued.photos ? m.queuedPhotos(queued.photos) : nothing}
    </p>
  </div>`;
}

/** The texts' key of a problem that is said as an alert. */
function camel(
  problem: Exclude<MessageProblem, 'too_long'>,
): 'required' | 'offline' | 'finished' | 'notYours' | 'rateLimited' | 'failed' {
  return problem === 'not_yours'
    ? 'notYours'
    : problem === 'rate_limited'
      ? 'rateLimited'
      : problem;
}

/**
 * Adds `styles` to the element's when a part of the form first shows. Not `addLateStyles`: its
 * module would become a chunk of its own that the contact form loads as another file (0.15 KB).
 */
export function adoptStyles(host: ReactiveElement, ...styles: CSSResult[]): void {
  const root = host.renderRoot as ShadowRoot;
  const adopted = root.adoptedStyleSheets;
  const sheets = styles.map((each) => each.styleSheet as CSSStyleSheet);
  root.adoptedStyleSheets = [...adopted, ...sheets.filter((sheet) => !adopted.includes(sheet))];
}

/** Added when the form first shows: the first frame does not carry them. */
export const messageStyles = css`
  .message-form {
    padding-block-start: var(--_gap);
    border-block-start: 1px solid var(--_color-border);
  }
  textarea {
    min-block-size: 7rem;
    resize: vertical;
  }
  .question .label,
  .queued-text .label {
    font-weight: 600;
  }
  .question .note,
  .queued-text .note {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .queued-text {
    padding-inline-start: var(--_gap);
    border-inline-start: 3px solid var(--_color-border);
  }
  .sent {
    font-weight: 600;
  }
`;
