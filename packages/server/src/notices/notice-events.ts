import type { AdminNotice, Notice } from '@kontakt/core/schemas';
import { NOTICE_EVENTS } from '@kontakt/core/schemas';
import type { NewEvent } from '../store/events.js';

/** The event stream of one department's notices. */
export const noticeStream = (department: string) => `notices:${department}`;

/** What every page reads of a notice: no administrator's data (created, withdrawn). */
export function publicNotice(notice: AdminNotice): Notice {
  const { createdAt: _created, withdrawnAt: _withdrawn, ...visible } = notice;
  return visible;
}

/** True when `notice` is shown on the pages of `department`. */
export function appliesTo(notice: Pick<Notice, 'departments'>, department: string): boolean {
  return notice.departments === 'all' || notice.departments.includes(department);
}

/**
 * The events that tell each department's pages about a published or changed notice: `published`
 * (with the notice) on every stream it now applies to, `withdrawn` on those it no longer does.
 * `departments` are every configured department (what `'all'` means now).
 */
export function publishedEvents(
  notice: AdminNotice,
  previous: AdminNotice | undefined,
  departments: Iterable<string>,
): NewEvent[] {
  const events: NewEvent[] = [];
  for (const department of departments) {
    if (appliesTo(notice, department)) {
      events.push({
        stream: noticeStream(department),
        type: NOTICE_EVENTS.published,
        data: publicNotice(notice),
      });
    } else if (previous && appliesTo(previous, department)) {
      events.push({
        stream: noticeStream(department),
        type: NOTICE_EVENTS.withdrawn,
        data: { id: notice.id },
      });
    }
  }
  return events;
}

/** The events that take a withdrawn notice off every page that shows it. */
export function withdrawnEvents(notice: AdminNotice, departments: Iterable<string>): NewEvent[] {
  return [...departments]
    .filter((department) => appliesTo(notice, department))
    .map((department) => ({
      stream: noticeStream(department),
      type: NOTICE_EVENTS.withdrawn,
      data: { id: notice.id },
    }));
}
