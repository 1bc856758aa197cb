/*
 * A case's templates: status, expected date, details, duplicate and timeline. Loaded with the
 * lookup (status-tracker.deferred.ts), since no case can show before it: the first frame does not
 * carry them, nor the status words of four languages.
 */
import type { CaseStatus, Locale, LocalizedText, MessagePhotoSettings } from '@kontakt/core';
import type { PublicCase, StatusWords, TimelineEntry } from '@kontakt/core/schemas';
import { caseStatusWords } from '@kontakt/core/schemas';
import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import type { CaseMessageController } from './status-tracker.message.js';
import { SV_MESSAGE_TEXTS } from './status-tracker.message-texts.js';
import { messageView } from './status-tracker.message-view.js';
import type { TrackerTexts } from './status-tracker.texts.js';

type Template = TemplateResult | typeof nothing;

/**
 * A department's text (its name, a topic, a category) in the tracker's language, or its Swedish
 * where the department has not translated it: then marked as Swedish (`lang`, and `dir` for a
 * right-to-left page), so that a screen reader reads it as Swedish (WCAG 3.1.2). The fault report
 * has the same two lines (`departmentText` in `fault-report.fields.ts`): a module shared by both
 * would be a chunk of its own, one more file in the report's first render.
 */
const departmentText = (text: LocalizedText, locale: Locale): string | TemplateResult =>
  text[locale] ?? html`<span lang="sv" dir="ltr">${text.sv}</span>`;

/** One of the tracker's sentences with a department's name in it, that name marked as above. */
function sentenceWith(
  sentence: (part: string) => string,
  text: LocalizedText,
  locale: Locale,
): string | TemplateResult {
  const part = departmentText(text, locale);
  if (typeof part === 'string') return sentence(part);
  const [before, after] = sentence('\0').split('\0');
  return html`${before}${part}${after}`;
}

/**
 * A status's words as the tracker's texts say them: their own where they have them (easy-read
 * Swedish), else the contract's, which the mails and Open311 say too.
 */
export const statusWords = (t: TrackerTexts, status: CaseStatus, locale: Locale): StatusWords =>
  t.statuses?.[status] ?? caseStatusWords(status, locale);

export interface CaseContext {
  readonly t: TrackerTexts;
  readonly locale: Locale;
  readonly publicCase: PublicCase;
  /** Formats a date-time for the element's locale in the department's time zone. */
  readonly formatDate: (iso: string, withTime: boolean) => string;
  /** The topic's or category's name, when the element could learn it. */
  readonly topicName: LocalizedText | undefined;
  /** A department's name, when known (forwarded entries name where the case went). */
  readonly departmentName: (id: string) => LocalizedText | undefined;
  readonly following: 'idle' | 'busy' | 'failed';
  readonly onFollow: () => void;
  readonly onAnother: () => void;
  /** The sender's message to the case; absent for someone who follows it. */
  readonly message: CaseMessageController | undefined;
  /** The case's department's photos with messages, when the answer may carry some. */
  readonly answerPhotos?: MessagePhotoSettings | undefined;
}

/** Statuses after which no answer is awaited: the expected date is not shown any more. */
const SETTLED = new Set(['resolved', 'closed', 'duplicate']);

export function caseView(ctx: CaseContext): TemplateResult {
  const { t, publicCase } = ctx;
  const words = statusWords(t, publicCase.status, ctx.locale);
  const expected = publicCase.expectedAnswerBy;
  return html`<section part="case" class="case" aria-labelledby="case-heading">
    <h2 part="case-heading" id="case-heading" tabindex="-1">
      ${t.caseHeading} <span part="reference" class="reference" dir="ltr" translate="no">${publicCase.reference}</span>
    </h2>
    <div part="status" class="status-panel">
      <p class="label">${t.status}</p>
      <p part="status-label" class="status-label">${words.label}</p>
      <p part="status-meaning">${words.meaning}</p>
      ${
        expected && !SETTLED.has(publicCase.status)
          ? html`<p part="expected">${t.expectedBy(ctx.formatDate(expected, false))}</p>`
          : nothing
      }
    </div>
    ${
      ctx.message && (!SETTLED.has(publicCase.status) || ctx.message.holdsUnsent)
        ? messageView({
            texts: t.message ?? SV_MESSAGE_TEXTS,
            publicCase,
            message: ctx.message,
            photos: ctx.answerPhotos,
          })
        : nothing
    }
    ${duplicateView(ctx)}
    <dl part="details" class="details">${details(ctx)}</dl>
    <h3 id="timeline-heading">${t.timelineHeading}</h3>
    <p class="hint" id="timeline-order">${t.timelineOrder}</p>
    ${timelineView(ctx)}
    <button part="another-button" class="secondary" type="button" @click=${ctx.onAnother}>
      ${t.anotherCase}
    </button>
  </section>`;
}

function details(ctx: CaseContext): TemplateResult[] {
  const { t, publicCase } = ctx;
  const isFault = publicCase.channel === 'fault_report';
  const rows = [
    html`<div><dt>${t.kind}</dt><dd>${isFault ? t.kinds.fault : t.kinds.question}</dd></div>`,
  ];
  if (ctx.topicName) {
    rows.push(
      html`<div><dt>${t.category}</dt><dd>${departmentText(ctx.topicName, ctx.locale)}</dd></div>`,
    );
  }
  if (publicCase.fault && publicCase.fault.photoCount > 0) {
    rows.push(
      html`<div><dt>${t.photosLabel}</dt><dd>${t.photos(publicCase.fault.photoCount)}</dd></div>`,
    );
  }
  return rows;
}

function duplicateView(ctx: CaseContext): Template {
  const { t, publicCase } = ctx;
  if (!publicCase.duplicateOf) return nothing;
  return html`<div part="duplicate" class="duplicate">
    <p>
      ${t.duplicateOf}
      <span class="reference-inline" dir="ltr" translate="no">${publicCase.duplicateOf}</span>.
    </p>
    ${ctx.following === 'failed' ? html`<p class="error" role="alert">${t.followFailed}</p>` : nothing}
    <button
      part="follow-button"
      type="button"
      aria-disabled=${ctx.following === 'busy' ? 'true' : 'false'}
      @click=${ctx.onFollow}
    >
      ${t.followInstead}
    </button>
  </div>`;
}

/**
 * Newest first: a person comes back to see what has happened since last time, and the top of the
 * list is what they look for (the status above says where it stands now). `reversed` keeps the
 * list's numbers counting in time order, so "3 of 3" is still the latest.
 */
function timelineView(ctx: CaseContext): TemplateResult {
  const entries = [...ctx.publicCase.timeline].sort((a, b) => b.at.localeCompare(a.at));
  return html`<ol part="timeline" class="timeline" reversed aria-labelledby="timeline-heading" aria-describedby="timeline-order">
    ${entries.map((entry) => entryView(ctx, entry))}
  </ol>`;
}

function entryView(ctx: CaseContext, entry: TimelineEntry): TemplateResult {
  const words = statusWords(ctx.t, entry.status, ctx.locale);
  const department = entry.department ? ctx.departmentName(entry.department) : undefined;
  return html`<li part="timeline-entry">
    <time datetime=${entry.at}>${ctx.formatDate(entry.at, true)}</time>
    <span class="entry-status">${words.label}</span>
    ${department ? html`<span>${sentenceWith(ctx.t.forwardedTo, department, ctx.locale)}</span>` : nothing}
    ${
      // Marked with the language staff wrote it in, when they said (WCAG 3.1.2).
      entry.note
        ? html`<span class="note" lang=${entry.noteLanguage ?? nothing}>${entry.note}</span>`
        : nothing
    }
  </li>`;
}
