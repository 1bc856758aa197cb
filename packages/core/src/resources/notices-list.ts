import type { KyInstance } from 'ky';
import { toKontaktError } from '../errors/to-kontakt-error.js';
import type { NoticeList } from '../schemas/notice.js';
import { NoticeListSchema } from '../schemas/notice.js';

/** `GET /v1/notices?department=`, checked with `NoticeListSchema` (loaded by `client.notices.list`). */
export async function listNotices(
  http: KyInstance,
  department: string,
  signal: AbortSignal | undefined,
): Promise<NoticeList> {
  try {
    return await http
      .get('v1/notices', { searchParams: { department }, ...(signal ? { signal } : {}) })
      .json(NoticeListSchema);
  } catch (error) {
    throw toKontaktError(error);
  }
}
