import type {
  Department,
  FaultCategory,
  FaultSubmission,
  FieldError,
  Receipt,
} from '@kontakt/core/schemas';
import { FaultSubmissionSchema, toFieldErrors } from '@kontakt/core/schemas';
import type { CaseDraft, IntakeResult } from '../case-intake.js';
import {
  fileCase,
  inFlightKeysOf,
  isRecord,
  stringAt,
  withIdempotencyKey,
} from '../case-intake.js';
import type { AppContext } from '../context.js';
import { invalid } from '../http/validation.js';
import { forwardSettingsOf } from '../open311-forward/settings.js';
import { checkPhotoCount, filingWithPhotos, refuseUnusablePhotos } from '../photos/submitted.js';
import type { FaultCaseMessage } from '../store/cases.js';
import { checkAnswers } from './answers.js';
import type { FaultSettings } from './settings.js';
import { faultSettingsOf } from './settings.js';

/** How a fault report arrived, beside its body. */
export interface SubmitFaultOptions {
  /** The request's `Idempotency-Key` (scoped by the department, as for `POST /v1/cases`). */
  idempotencyKey?: string | undefined;
  /**
   * The channel's own name and page for `origin`, for channels whose body has none (Open311:
   * `{ widget: 'open311', pageUrl: '' }`); they replace what the body says.
   */
  origin?: { widget?: string; pageUrl?: string } | undefined;
}

/** A filed fault report: the receipt, and the answer as it goes over HTTP. */
export interface SubmittedFault extends IntakeResult {
  receipt: Receipt;
}

/**
 * Files a fault report (`POST /v1/faults`, Open311's `POST requests`): validates the submission
 * against the department's catalog (category, answers, photos), stores it as a case of channel
 * `fault_report` with topic = category, and answers the receipt. With an idempotency key a repeat
 * gets the first answer (`replayed`). Throws `ProblemError` 422 `validation_failed` with field
 * errors (`report.category`, `report.answers.<code>`, `report.photos.<i>` …).
 */
export async function submitFaultReport(
  ctx: AppContext,
  body: unknown,
  options: SubmitFaultOptions = {},
): Promise<SubmittedFault> {
  const input = withOrigin(body, options.origin);
  const departmentId = stringAt(input, 'origin', 'department');
  const result = await withIdempotencyKey(
    ctx,
    inFlightKeysOf(ctx),
    { scope: departmentId ?? '', key: options.idempotencyKey, body: input },
    async (claim) => {
      const checked = validateFaultSubmission(ctx, input);
      await refuseUnusablePhotos(ctx, {
        department: checked.department.id,
        ids: checked.submission.report.photos,
        path: ['report', 'photos'],
      });
      return filingWithPhotos(['report', 'photos'], () =>
        fileCase(ctx, checked.department, draftOf(checked), claim),
      );
    },
  );
  return { ...result, receipt: JSON.parse(result.body) as Receipt };
}

interface CheckedFault {
  submission: FaultSubmission;
  department: Department;
  settings: FaultSettings;
  category: FaultCategory;
}

/** The submission with the department, its settings and the category, or a 422 with every field error. */
export function validateFaultSubmission(ctx: AppContext, body: unknown): CheckedFault {
  const parsed = FaultSubmissionSchema.safeParse(body, { reportInput: true });
  const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error.issues);
  const has = (field: string) => errors.some((error) => error.field === field);
  const push = (path: (string | number)[], code: string) =>
    errors.push({ field: path.join('.'), pointer: `/${path.join('/')}`, code });

  const departmentId = stringAt(body, 'origin', 'department');
  const department = departmentId === undefined ? undefined : ctx.departments.get(departmentId);
  const settings = department && faultSettingsOf(department);
  if (departmentId !== undefined && !settings && !has('origin.department')) {
    push(['origin', 'department'], 'invalid_option');
  }
  const categoryId = parsed.success
    ? parsed.data.report.category
    : stringAt(body, 'report', 'category');
  const category = settings?.categories.find((c) => c.id === categoryId?.trim());
  if (settings && categoryId !== undefined && !category && !has('report.category')) {
    push(['report', 'category'], 'unknown_category');
  }
  if (parsed.success && category) {
    const checked = checkAnswers(category, parsed.data.report.answers, ['report', 'answers']);
    errors.push(...checked.errors);
    parsed.data.report.answers = checked.answers;
  }
  if (settings) {
    const count = parsed.success ? parsed.data.report.photos.length : undefined;
    checkPhotoCount(errors, 'report.photos', settings.photos.maxCount, count);
  }
  if (!parsed.success || !department || !settings || !category || errors.length > 0) {
    throw invalid(errors);
  }
  return { submission: parsed.data, department, settings, category };
}

/** The case to store: the personal parts in `message` (as for contact messages), the rest beside. */
function draftOf({ submission, department, category }: CheckedFault): CaseDraft {
  const { report } = submission;
  const contact = report.anonymous ? {} : (report.contact ?? {});
  const message: FaultCaseMessage = {
    topic: category.id,
    message: report.description,
    answerLanguage: report.answerLanguage,
    ...(contact.name === undefined ? {} : { name: contact.name }),
    ...(contact.email === undefined ? {} : { email: contact.email }),
    ...(contact.phone === undefined ? {} : { phone: contact.phone }),
    ...(contact.email
      ? { answerChannel: 'email' }
      : contact.phone
        ? { answerChannel: 'phone' }
        : {}),
  };
  return {
    channel: 'fault_report',
    origin: submission.origin,
    // Queued in the transaction that stores the report (`open311-forward/`).
    forwardToOpen311: forwardSettingsOf(department, category.id) !== undefined,
    topic: category.id,
    message,
    fault: {
      category: category.id,
      lat: report.location.lat,
      lon: report.location.lon,
      accuracy: report.location.accuracy,
      address: report.location.address,
      answers: report.answers,
      anonymous: report.anonymous,
      // The same photo named twice is one photo.
      photos: [...new Set(report.photos)],
    },
  };
}

/** The body with `origin.widget` / `origin.pageUrl` replaced, when a channel names its own. */
function withOrigin(body: unknown, origin: SubmitFaultOptions['origin']): unknown {
  if (!origin || !isRecord(body)) return body;
  const current = isRecord(body.origin) ? body.origin : {};
  return { ...body, origin: { ...current, ...origin } };
}
