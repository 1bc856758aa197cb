/*
 * The form with which the sender of a case answers the contact center's question ("Väntar på
 * dig") or adds to the case while it is open, and what keeps the text until it is sent. In the
 * tracker's later chunk: it shows only with a case.
 */
import type { KontaktClient } from '@kontakt/core';
import {
  createIdempotencyKey,
  internalError,
  isKontaktError,
  MESSAGE_MAX_LENGTH,
} from '@kontakt/core';
import type { PublicCase } from '@kontakt/core/schemas';
import type { ReactiveController, ReactiveElement, TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import { KcErrorEvent } from '../../events/error.js';
import { DraftController } from '../../internal/draft-controller.js';
import type { MessageTexts } from './status-tracker.message-texts.js';

/** Why a message is not sent (yet): a field error, or what the contact center answered. */
export type MessageProblem =
  | 'required'
  | 'too_long'
  | 'offline'
  | 'finished'
  | 'not_yours'
  | 'rate_limited'
  | 'failed';

/** The case a message goes to, and the access that proves the person sent it. */
export interface MessageTarget {
  readonly client: KontaktClient;
  readonly reference: string;
  readonly accessToken: string;
  /** Where the draft is kept (per server and case). */
  readonly draftKey: string;
}

/** What the draft keeps: the text and, once it is being sent, its `Idempotency-Key`. */
interface KeptMessage {
  readonly text: string;
  readonly key?: string | undefined;
}

/** The storage key of the draft of a message to case `reference` on `endpoint`. */
export const messageDraftKey = (endpoint: string, reference: string): string =>
  `kontakt-case-message:${endpoint}:${reference}`;

/**
 * A message to a shown case, from typing to sent. What the person types is kept in the tab's
 * `sessionStorage` (nothing before they type) and survives a reload. A message that could not be
 * sent keeps its text and its `Idempotency-Key`: it is sent again when the connection comes back,
 * or when the case is opened again in this tab, and the key makes every try one message.
 */
export class CaseMessageController implements ReactiveController {
  text = '';
  sending = false;
  problem: MessageProblem | undefined;
  /** A message went through (until the person writes again). */
  sent = false;
  readonly #host: ReactiveElement;
  readonly #draft: DraftController<KeptMessage>;
  readonly #onSent: (publicCase: PublicCase) => void;
  #target: MessageTarget | undefined;
  /** The key of the text being sent: every try of it is one message. */
  #key: string | undefined;

  constructor(host: ReactiveElement, onSent: (publicCase: PublicCase) => void) {
    this.#host = host;
    this.#onSent = onSent;
    this.#draft = new DraftController(host);
    host.addController(this);
    // The form's styles join the element's when it first shows. Not `addLateStyles`: its module
    // would become a chunk of its own that the contact form loads as another file (0.15 KB).
    const root = host.renderRoot as ShadowRoot;
    const sheet = messageStyles.styleSheet as CSSStyleSheet;
    if (!root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  hostConnected(): void {
    globalThis.addEventListener?.('online', this.#onOnline);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('online', this.#onOnline);
  }

  /** The case the form is for; its kept draft comes back, and a kept unsent message is sent. */
  use(target: MessageTarget): void {
    const same = this.#target?.draftKey === target.draftKey;
    this.#target = target;
    if (same) return;
    this.text = '';
    this.#key = undefined;
    this.problem = undefined;
    this.sent = false;
    this.#draft.use(target.draftKey);
    const kept = this.#draft.read() as Partial<KeptMessage> | undefined;
    if (typeof kept?.text === 'string') this.text = kept.text;
    if (typeof kept?.key === 'string') {
      this.#key = kept.key;
      void this.send();
    }
    this.#host.requestUpdate();
  }

  readonly onInput = (event: Event): void => {
    this.text = (event.target as HTMLTextAreaElement).value;
    // Another text is another message: it gets a key of its own when sent.
    this.#key = undefined;
    this.sent = false;
    if (this.problem === 'required' || this.problem === 'too_long') this.problem = undefined;
    this.#draft.save({ text: this.text });
    this.#host.requestUpdate();
  };

  readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.send();
  };

  /** Sends the text (again, under the same key, when it was tried before). */
  async send(): Promise<void> {
    const target = this.#target;
    if (!target || this.sending) return;
    const text = this.text.trim();
    const invalid = !text ? 'required' : text.length > MESSAGE_MAX_LENGTH ? 'too_long' : undefined;
    if (invalid) {
      this.#fail(invalid);
      return;
    }
    this.#key ??= createIdempotencyKey();
    // Kept with its key before it leaves: a reload while it is under way sends it once.
    this.#draft.save({ text: this.text, key: this.#key });
    this.#draft.flush();
    this.sending = true;
    this.problem = undefined;
    this.#host.requestUpdate();
    try {
      const publicCase = await target.client.cases.addMessage(
        target.reference,
        { text },
        { accessToken: target.accessToken, idempotencyKey: this.#key },
      );
      this.sending = false;
      if (this.text.trim() === text) {
        this.text = '';
        this.#key = undefined;
        this.#draft.clear();
      } else {
        // Typed on while it was sent: that is a new message, kept as a draft.
        this.#draft.save({ text: this.text });
      }
      this.sent = true;
      this.#host.requestUpdate();
      this.#onSent(publicCase);
    } catch (error) {
      this.sending = false;
      this.#host.dispatchEvent(
        new KcErrorEvent(isKontaktError(error) ? error : internalError(error)),
      );
      const problem = problemOf(error);
      // Refused for good: the text stays to copy, but is not sent again by itself.
      if (problem !== 'offline') {
        this.#key = undefined;
        this.#draft.save({ text: this.text });
      }
      this.#fail(problem);
    }
  }

  #fail(problem: MessageProblem): void {
    this.problem = problem;
    this.#host.requestUpdate();
    // A field error takes the person to the field; others are alerts next to the button.
    if (problem === 'required' || problem === 'too_long') {
      void this.#host.updateComplete.then(() =>
        this.#host.renderRoot.querySelector<HTMLElement>('#message-text')?.focus(),
      );
    }
  }

  #onOnline = (): void => {
    if (this.problem === 'offline' && this.#key) void this.send();
  };
}

/** What a failed send means for the person. */
function problemOf(error: unknown): MessageProblem {
  if (!isKontaktError(error)) return 'offline'; // the client's own code could not load
  switch (error.code) {
    case 'validation_failed':
      return error.fieldErrors.some((each) => each.code === 'too_long') ? 'too_long' : 'required';
    case 'network_error':
    case 'timeout':
      return 'offline';
    case 'case_finished':
      return 'finished';
    case 'case_not_found':
      return 'not_yours';
    case 'rate_limited':
      return 'rate_limited';
    default:
      return 'failed';
  }
}

export interface MessageViewContext {
  /** In the element's language (`TrackerTexts.message`, or `SV_MESSAGE_TEXTS`). */
  readonly texts: MessageTexts;
  readonly publicCase: PublicCase;
  readonly message: CaseMessageController;
}

/**
 * The form: an answer to the contact center's question while it waits for the person (its last
 * public note shown as the question), else "send more information".
 */
export function messageView(ctx: MessageViewContext): TemplateResult {
  const { publicCase, message } = ctx;
  const m = ctx.texts;
  const waiting = publicCase.status === 'waiting_for_citizen';
  const question = waiting
    ? publicCase.timeline.findLast((entry) => entry.status === 'waiting_for_citizen')?.note
    : undefined;
  const problem = message.problem;
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
          <span class="label">${m.ourQuestion}</span> <span class="note">${question}</span>
        </p>`
        : nothing
    }
    <div part="field" class="field">
      <label part="label" for="message-text">${waiting ? m.answerLabel : m.addLabel}</label>
      <p part="hint" class="hint" id="message-hint">${m.hint}</p>
      ${fieldProblem ? html`<p part="error" class="error" id="message-error">${problemText}</p>` : nothing}
      <textarea
        part="input message-input"
        id="message-text"
        name="text"
        rows="5"
        .value=${message.text}
        aria-describedby=${fieldProblem ? 'message-hint message-error' : 'message-hint'}
        aria-invalid=${fieldProblem ? 'true' : 'false'}
        @input=${message.onInput}
      ></textarea>
    </div>
    ${
      problem && !fieldProblem
        ? html`<p part="alert" class="error" role="alert">${problemText}</p>`
        : nothing
    }
    ${message.sent ? html`<p part="message-sent" class="sent">${m.sent}</p>` : nothing}
    <button part="message-button" type="submit" aria-disabled=${message.sending ? 'true' : 'false'}>
      ${message.sending ? m.sending : m.send}
    </button>
  </form>`;
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

/** Added when the form first shows: the first frame does not carry them. */
const messageStyles = css`
  .message-form {
    padding-block-start: var(--_gap);
    border-block-start: 1px solid var(--_color-border);
  }
  textarea {
    min-block-size: 7rem;
    resize: vertical;
  }
  .question .label {
    font-weight: 600;
  }
  .question .note {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .sent {
    font-weight: 600;
  }
`;
