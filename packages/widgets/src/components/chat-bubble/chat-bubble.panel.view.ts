// The panel's templates, one function per view; they hold no state (ChatPanel does) and render
// data only through Lit bindings (messages through `linkedText`: text, and links for safe web
// addresses). Ids are the shadow root's own, so several bubbles on a page never share one.
import type { KontaktClient, Receipt } from '@kontakt/core';
import type { CallbackSlot, ChatAvailability, OpeningDay } from '@kontakt/core/schemas';
import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { clockText } from './chat-bubble.hours.js';
import { linkedText } from './chat-bubble.links.js';
import type { PanelTexts } from './chat-bubble.panel.texts.js';
import type { PanelConversation, PanelMessage } from './chat-bubble.sdk.js';

/** What the panel shows. */
export type PanelView =
  | 'start'
  | 'closed'
  | 'message'
  | 'callback'
  | 'callback-done'
  | 'chat'
  | 'ending'
  | 'ended';

type FormAction = (form: HTMLFormElement) => void;

export interface PanelModel {
  t: PanelTexts;
  locale: string;
  /** Closes the panel (the chat goes on). */
  close: () => void;
  view: PanelView;
  busy: boolean;
  error: string | undefined;
  fieldErrors: Record<string, string>;
  announcement: string;
  draft: string;
  availability: ChatAvailability | undefined;
  /** The next opening, as said ("måndag 08.00"). */
  opensText: string | undefined;
  conversation: PanelConversation | undefined;
  offerCallback: boolean;
  ended: { reference?: string | undefined; transcriptTo?: string | undefined } | undefined;
  slots: readonly CallbackSlot[] | 'loading' | 'failed' | undefined;
  receipt: { receipt: Receipt; when: string | undefined } | undefined;
  contactForm:
    | { endpoint: string; department: string; client: KontaktClient | undefined }
    | undefined;
  authorOf: (message: PanelMessage) => string;
  textOf: (message: PanelMessage) => string;
  slotText: (slot: CallbackSlot) => string;
  actions: {
    start: FormAction;
    send: FormAction;
    typed: (text: string) => void;
    discard: (clientMessageId: string) => void;
    askEnd: () => void;
    keepChatting: () => void;
    end: FormAction;
    transcript: FormAction;
    newChat: () => void;
    callback: () => void;
    message: () => void;
    requestCallback: FormAction;
    back: () => void;
    retry: () => void;
    whenChanged: () => void;
  };
}

/** A submit handler that keeps the page where it is and hands over the form. */
const onSubmit = (action: FormAction) => (event: SubmitEvent) => {
  event.preventDefault();
  action(event.currentTarget as HTMLFormElement);
};

export function panelTemplate(model: PanelModel): TemplateResult {
  const { t, locale } = model;
  return html`<dialog
    part="panel"
    class="panel"
    lang=${locale}
    dir=${t.dir}
    aria-labelledby="panel-title"
    @cancel=${(event: Event) => {
      // Escape: closed the panel's way, so focus goes back to the launcher.
      event.preventDefault();
      model.close();
    }}
    @close=${model.close}
  >
    <span class="guard" tabindex="0" @focus=${(event: FocusEvent) => wrap(event, 'last')}></span>
    <div part="header" class="header">
      <h2 id="panel-title" part="title" class="title">${t.dialogLabel}</h2>
      <button type="button" part="close-button" class="close" @click=${model.close}>${t.close}</button>
    </div>
    <div part="body" class="body">
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${model.announcement}</div>
      ${
        model.error
          ? html`<div class="error" role="alert">
            <p>${model.error}</p>
            <button type="button" part="button" @click=${model.actions.retry}>${t.retry}</button>
          </div>`
          : nothing
      }
      ${viewTemplate(model)}
    </div>
    <span class="guard" tabindex="0" @focus=${(event: FocusEvent) => wrap(event, 'first')}></span>
  </dialog>`;
}

const FOCUSABLE =
  'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]:not(.guard), kc-contact-form';

/**
 * Keeps Tab in the dialog: a guard at each end sends focus round to the other end. (A modal
 * dialog makes the page behind it inert, but Tab from its last control still leaves it for the
 * browser's own UI, and in some browsers for the document.)
 */
function wrap(event: FocusEvent, to: 'first' | 'last'): void {
  const dialog = (event.target as HTMLElement).closest('dialog');
  const all = [...(dialog?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(
    (each) => each.getClientRects().length > 0,
  );
  (to === 'first' ? all[0] : all.at(-1))?.focus();
}

function viewTemplate(model: PanelModel): TemplateResult {
  switch (model.view) {
    case 'chat':
      return chatView(model);
    case 'ending':
      return endingView(model);
    case 'ended':
      return endedView(model);
    case 'closed':
      return closedView(model);
    case 'message':
      return messageView(model);
    case 'callback':
      return callbackView(model);
    case 'callback-done':
      return callbackDoneView(model);
    default:
      return startView(model);
  }
}

/** A field's error text, with the id its control's `aria-describedby` names. */
function fieldError(model: PanelModel, name: string, id: string): TemplateResult | typeof nothing {
  const message = model.fieldErrors[name];
  return message ? html`<p id=${id} class="field-error">${message}</p>` : nothing;
}

/** One field of a panel form, for `field()`. */
interface FieldRow {
  /** The control's id; its error's is `${id}-error`. */
  id: string;
  /** The field's name in the form and in `fieldErrors`. */
  name: string;
  label: string;
  optional?: boolean;
  /** Help shown under the field, with an id of its own. */
  hint?: { id: string; text: string };
  /** The id of other text that describes the field (an intro above the form). */
  context?: string;
}

/** What the control of a field carries, from `field()`. */
interface FieldAria {
  invalid: 'true' | 'false';
  describedBy: string | typeof nothing;
}

/**
 * One field: its label (with "optional"), the control `control` makes with the ARIA it is given,
 * its error and its hint, tied together by ids. The error is named first in `aria-describedby`
 * (read first, as in kc-contact-form), then the hint, then the context.
 */
function field(
  model: PanelModel,
  row: FieldRow,
  control: (aria: FieldAria) => TemplateResult,
): TemplateResult {
  const errorId = `${row.id}-error`;
  const invalid = model.fieldErrors[row.name] !== undefined;
  const describedBy =
    [invalid && errorId, row.hint?.id, row.context].filter(Boolean).join(' ') || nothing;
  const optional = row.optional ? html` <span class="muted">${model.t.optional}</span>` : nothing;
  return html`<label for=${row.id}>${row.label}${optional}</label>
    ${control({ invalid: invalid ? 'true' : 'false', describedBy })}
    ${fieldError(model, row.name, errorId)}
    ${row.hint ? html`<p id=${row.hint.id} class="hint">${row.hint.text}</p>` : nothing}`;
}

/** The attributes of a field's `<input>` besides its id, name and ARIA. */
interface InputAttributes {
  type?: 'email' | 'tel';
  autocomplete: string;
  maxlength?: number;
  required?: boolean;
  /** Focused when the view opens (the panel looks for `data-autofocus`). */
  autofocus?: boolean;
}

/** A field whose control is one `<input>`. */
const inputField = (model: PanelModel, row: FieldRow, input: InputAttributes) =>
  field(
    model,
    row,
    (aria) => html`<input
      id=${row.id}
      name=${row.name}
      type=${input.type ?? nothing}
      autocomplete=${input.autocomplete}
      maxlength=${input.maxlength ?? nothing}
      ?required=${input.required === true}
      ?data-autofocus=${input.autofocus === true}
      aria-invalid=${aria.invalid}
      aria-describedby=${aria.describedBy}
    />`,
  );

/** The citizen's name, which they may leave out. */
const nameField = (model: PanelModel, id: string, autofocus = false) =>
  inputField(
    model,
    { id, name: 'name', label: model.t.name, optional: true },
    { autocomplete: 'given-name', maxlength: 200, autofocus },
  );

/** The e-mail address a transcript goes to. */
const emailField = (model: PanelModel, row: Omit<FieldRow, 'name'>) =>
  inputField(model, { ...row, name: 'email' }, { type: 'email', autocomplete: 'email' });

const minutesOf = (seconds: number | undefined) =>
  seconds === undefined ? undefined : Math.max(1, Math.ceil(seconds / 60));

function startView(model: PanelModel): TemplateResult {
  const { t, availability } = model;
  return html`<div class="scroll">
    <p>${t.startIntro}</p>
    ${
      availability
        ? html`<p class="muted">
          ${t.queueNow(availability.queue.waiting, minutesOf(availability.queue.estimatedWaitSeconds))}
        </p>`
        : nothing
    }
    <form class="form" novalidate @submit=${onSubmit(model.actions.start)}>
      ${nameField(model, 'start-name', true)}
      ${field(
        model,
        {
          id: 'start-message',
          name: 'message',
          label: t.firstMessage,
          hint: { id: 'start-public', text: t.publicRecord },
        },
        (aria) => html`<textarea
          id="start-message"
          name="message"
          rows="3"
          maxlength="2000"
          required
          aria-invalid=${aria.invalid}
          aria-describedby=${aria.describedBy}
          .value=${model.draft}
          @input=${(event: InputEvent) => model.actions.typed((event.target as HTMLTextAreaElement).value)}
        ></textarea>`,
      )}
      <button type="submit" part="button" class="primary" ?disabled=${model.busy}>
        ${model.busy ? t.starting : t.start}
      </button>
    </form>
    ${
      model.offerCallback
        ? html`<p class="offer">
          <button type="button" part="button" @click=${model.actions.callback}>${t.askCallback}</button>
        </p>`
        : nothing
    }
  </div>`;
}

function statusLine(model: PanelModel, conversation: PanelConversation): string {
  const { t } = model;
  const state = conversation.state;
  if (state.status === 'queued') {
    return t.queued(state.queue?.position ?? 1, minutesOf(state.queue?.estimatedWaitSeconds));
  }
  return t.withAgent(state.agentName);
}

function timeOf(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const clock = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return clockText(clock, locale);
}

function messageItem(model: PanelModel, message: PanelMessage): TemplateResult {
  const { t } = model;
  const own = message.role === 'citizen';
  const state = message.local ?? (own ? message.state : undefined);
  return html`<li part="message message-${message.role}" class="message ${message.role} ${message.local ?? ''}">
    ${
      message.role === 'system'
        ? nothing
        : html`<span class="author">${model.authorOf(message)}</span>`
    }
    <p class="text" lang=${('language' in message && message.language) || nothing}>${linkedText(model.textOf(message))}</p>
    <span class="meta">
      <time datetime=${message.sentAt}>${timeOf(message.sentAt, model.locale)}</time>
      ${state ? html`<span class="state">${t.states[state]}</span>` : nothing}
    </span>
    ${
      message.local === 'failed'
        ? html`<button type="button" part="button" class="small" @click=${() => model.actions.discard(message.clientMessageId)}>
          ${t.discard}
        </button>`
        : nothing
    }
  </li>`;
}

function chatView(model: PanelModel): TemplateResult {
  const { t, conversation } = model;
  if (!conversation) {
    return html`<p class="scroll" role="status">${t.starting}</p>`;
  }
  const state = conversation.state;
  return html`<p part="queue" class="queue">${statusLine(model, conversation)}</p>
    ${
      conversation.connection === 'reconnecting'
        ? html`<p class="notice">${t.reconnecting}</p>`
        : nothing
    }
    <ol part="messages" class="messages" tabindex="0" aria-label=${t.messagesLabel}>
      ${repeat(
        conversation.messages,
        (message) => message.clientMessageId ?? message.id,
        (message) => messageItem(model, message),
      )}
    </ol>
    <p class="typing" ?hidden=${!conversation.agentTyping}>${t.agentTyping(state.agentName)}</p>
    ${
      model.offerCallback
        ? html`<p class="offer">
          ${t.callbackInsteadIntro}
          <button type="button" part="button" @click=${model.actions.callback}>${t.callbackInstead}</button>
        </p>`
        : nothing
    }
    <form part="composer" class="composer" @submit=${onSubmit(model.actions.send)}>
      <label for="composer-text" class="visually-hidden">${t.message}</label>
      <textarea
        id="composer-text"
        name="text"
        rows="2"
        maxlength="2000"
        aria-describedby="composer-hint"
        .value=${model.draft}
        @input=${(event: InputEvent) => model.actions.typed((event.target as HTMLTextAreaElement).value)}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
          event.preventDefault();
          (event.target as HTMLTextAreaElement).form?.requestSubmit();
        }}
      ></textarea>
      <span id="composer-hint" class="visually-hidden">${t.sendHint}</span>
      <button type="submit" part="button" class="primary">${t.send}</button>
    </form>
    <div class="actions">
      <button type="button" part="button" @click=${model.actions.askEnd}>${t.end}</button>
    </div>`;
}

function endingView(model: PanelModel): TemplateResult {
  const { t } = model;
  return html`<form class="scroll form" novalidate @submit=${onSubmit(model.actions.end)}>
    <h3 id="end-heading" tabindex="-1">${t.endHeading}</h3>
    <p id="end-intro">${t.endIntro}</p>
    ${emailField(model, {
      id: 'end-email',
      label: t.transcriptEmail,
      optional: true,
      context: 'end-intro',
    })}
    <div class="actions">
      <button type="submit" part="button" class="primary" ?disabled=${model.busy}>${t.endConfirm}</button>
      <button type="button" part="button" @click=${model.actions.keepChatting}>${t.keepChatting}</button>
    </div>
  </form>`;
}

function endedView(model: PanelModel): TemplateResult {
  const { t } = model;
  const reference = model.ended?.reference ?? model.conversation?.state.caseReference;
  const sentTo = model.ended?.transcriptTo;
  return html`<div class="scroll">
    <h3 id="ended-heading" tabindex="-1">${t.endedHeading}</h3>
    <p class="receipt">${reference ? t.endedReference(reference) : t.endedNoReference}</p>
    ${
      sentTo
        ? html`<p>${t.transcriptSent(sentTo)}</p>`
        : model.conversation
          ? html`<form class="form" novalidate @submit=${onSubmit(model.actions.transcript)}>
            ${emailField(model, { id: 'transcript-email', label: t.transcriptAsk })}
            <button type="submit" part="button" ?disabled=${model.busy}>${t.transcriptSend}</button>
          </form>`
          : nothing
    }
    <p>
      <button type="button" part="button" @click=${model.actions.newChat}>${t.newChat}</button>
    </p>
  </div>`;
}

function dayName(day: OpeningDay, locale: string): string {
  const date = new Date(`${day.date}T12:00:00Z`);
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

function hoursList(model: PanelModel): TemplateResult | typeof nothing {
  const { t, availability, locale } = model;
  if (!availability?.week.length) return nothing;
  return html`<h4>${t.hoursHeading}</h4>
    <dl class="hours">
      ${availability.week.map(
        (day) => html`<div>
          <dt>${dayName(day, locale)}</dt>
          <dd>
            ${
              day.opens && day.closes
                ? `${clockText(day.opens, locale)}–${clockText(day.closes, locale)}`
                : t.closedDay
            }${day.note ? ` (${day.note})` : ''}
          </dd>
        </div>`,
      )}
    </dl>`;
}

function closedView(model: PanelModel): TemplateResult {
  const { t } = model;
  return html`<div class="scroll">
    <h3 id="closed-heading">${t.closedHeading}</h3>
    <p class="opens">${t.closedOpens(model.opensText)}</p>
    <div class="choices">
      <button type="button" part="button" class="primary" data-autofocus @click=${model.actions.message}>
        ${t.leaveMessage}
      </button>
      ${
        model.availability?.callback !== false
          ? html`<button type="button" part="button" @click=${model.actions.callback}>${t.askCallback}</button>`
          : nothing
      }
    </div>
    ${hoursList(model)}
  </div>`;
}

function messageView(model: PanelModel): TemplateResult {
  const { t, contactForm } = model;
  return html`<div class="scroll">
    <div class="bar">
      <h3 id="message-heading" tabindex="-1">${t.leaveMessage}</h3>
      <button type="button" part="button" class="small" @click=${model.actions.back}>${t.back}</button>
    </div>
    ${
      contactForm
        ? html`<kc-contact-form
          endpoint=${contactForm.endpoint}
          department=${contactForm.department}
          .client=${contactForm.client}
        ></kc-contact-form>`
        : html`<p role="status">${t.starting}</p>`
    }
  </div>`;
}

function slotOptions(model: PanelModel): TemplateResult {
  const { t, slots } = model;
  // While there is no list to choose from, a slot's error (the chosen one was taken) stays in view.
  const instead = (text: string) =>
    html`<p class="muted">${text}</p>${fieldError(model, 'slot', 'callback-slot-error')}`;
  if (slots === 'loading' || slots === undefined) return instead(t.slotsLoading);
  if (slots === 'failed' || slots.length === 0) return instead(t.slotsNone);
  return field(
    model,
    { id: 'callback-slot', name: 'slot', label: t.slotChoose },
    (aria) => html`<select
      id="callback-slot"
      name="slot"
      aria-invalid=${aria.invalid}
      aria-describedby=${aria.describedBy}
      @change=${(event: Event) => {
        const form = (event.target as HTMLSelectElement).form;
        const when = form?.elements.namedItem('when') as RadioNodeList | null;
        if (when) when.value = 'slot';
      }}
    >
      <option value="">–</option>
      ${slots.map((slot) => html`<option value=${slot.start}>${model.slotText(slot)}</option>`)}
    </select>`,
  );
}

/** There are times to choose from (the list has loaded and is not empty). */
const slotsReady = (model: PanelModel): boolean =>
  Array.isArray(model.slots) && model.slots.length > 0;

/** The call-back form's fields by their name in `fieldErrors`: the control and its label. */
const CALLBACK_FIELDS: Readonly<Record<string, { id: string; label: (t: PanelTexts) => string }>> =
  {
    phone: { id: 'callback-phone', label: (t) => t.phone },
    name: { id: 'callback-name', label: (t) => t.name },
    slot: { id: 'callback-slot', label: (t) => t.slotChoose },
    note: { id: 'callback-note', label: (t) => t.note },
  };

/**
 * An error in the call-back form's summary: which field and what is wrong with it, a link that
 * moves focus to the field (a fragment link cannot reach into the shadow root) while it shows.
 */
function summaryItem(model: PanelModel, name: string, error: string): TemplateResult {
  const field = CALLBACK_FIELDS[name];
  if (!field) return html`<li>${error}</li>`;
  const text = `${field.label(model.t)}: ${error}`;
  const focus = (event: Event) => {
    event.preventDefault();
    const root = (event.currentTarget as Element).getRootNode() as ShadowRoot;
    root.getElementById(field.id)?.focus();
  };
  // A time's error while there is no list of times stands below the choice, not on a field.
  const shown = name !== 'slot' || slotsReady(model);
  return html`<li>${shown ? html`<a href="#${field.id}" @click=${focus}>${text}</a>` : text}</li>`;
}

function callbackView(model: PanelModel): TemplateResult {
  const { t } = model;
  const errors = Object.entries(model.fieldErrors);
  const ready = slotsReady(model);
  return html`<form class="scroll form" novalidate @submit=${onSubmit(model.actions.requestCallback)}>
    <div class="bar">
      <h3 id="callback-heading" tabindex="-1">${t.callbackHeading}</h3>
      <button type="button" part="button" class="small" @click=${model.actions.back}>${t.back}</button>
    </div>
    <p>${t.callbackIntro}</p>
    <div id="callback-errors" tabindex="-1" class=${errors.length ? 'summary' : ''}>
      ${
        errors.length
          ? html`<p>${t.errorSummary}</p>
            <ul>
              ${errors.map(([name, error]) => summaryItem(model, name, error))}
            </ul>`
          : nothing
      }
    </div>
    ${inputField(
      model,
      {
        id: 'callback-phone',
        name: 'phone',
        label: t.phone,
        hint: { id: 'callback-phone-hint', text: t.phoneHint },
      },
      { type: 'tel', autocomplete: 'tel', required: true },
    )}
    ${nameField(model, 'callback-name')}
    <fieldset>
      <legend>${t.when}</legend>
      <label class="choice"><input type="radio" name="when" value="asap" checked /> ${t.asap}</label>
      <label class="choice">
        <input type="radio" name="when" value="slot" ?disabled=${!ready} /> ${t.slot}
      </label>
      ${slotOptions(model)}
    </fieldset>
    ${field(
      model,
      {
        id: 'callback-note',
        name: 'note',
        label: t.note,
        optional: true,
        hint: { id: 'callback-public', text: t.publicRecord },
      },
      (aria) => html`<textarea
        id="callback-note"
        name="note"
        rows="2"
        maxlength="500"
        aria-invalid=${aria.invalid}
        aria-describedby=${aria.describedBy}
      ></textarea>`,
    )}
    <button type="submit" part="button" class="primary" ?disabled=${model.busy}>
      ${model.busy ? t.callbackSending : t.callbackSubmit}
    </button>
  </form>`;
}

function callbackDoneView(model: PanelModel): TemplateResult {
  const { t, receipt } = model;
  return html`<div class="scroll">
    <div id="callback-done" class="receipt" tabindex="-1">
      <h3>${t.callbackDone}</h3>
      <p>${receipt?.when ? t.callbackDoneWhen(receipt.when) : t.callbackDoneAsap}</p>
      ${receipt ? html`<p>${t.referenceIs(receipt.receipt.reference)}</p>` : nothing}
    </div>
    <p>
      <button type="button" part="button" @click=${model.actions.back}>${model.t.back}</button>
    </p>
  </div>`;
}
