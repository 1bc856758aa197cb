import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { CaseHandlingColumns, CaseHandlingTables } from '../agent-cases/tables.js';
import type { AuthTables } from '../auth/tables.js';
import type { CallbackTables } from '../callbacks/tables.js';
import type { ChatTables } from '../chat/tables.js';
import type { FaultTables } from '../faults/tables.js';
import type { MailTables } from '../mail/schema.js';
import type { Open311Tables } from '../open311/tables.js';
import type { Open311ForwardTables } from '../open311-forward/tables.js';
import type { PhotoTables } from '../photos/tables.js';
import type { PublicCaseColumns, PublicCaseTables } from '../public-cases/tables.js';

/**
 * The tables as Kysely sees them. Timestamps are ISO 8601 strings in UTC so the same queries run on
 * SQLite and PostgreSQL; JSON is stored as text for the same reason.
 */
export interface Database
  extends AuthTables,
    MailTables,
    CaseHandlingTables,
    FaultTables,
    PhotoTables,
    Open311Tables,
    Open311ForwardTables,
    PublicCaseTables,
    CallbackTables,
    ChatTables {
  cases: CasesTable;
  case_timeline: CaseTimelineTable;
  idempotency_keys: IdempotencyKeysTable;
  events: EventsTable;
  notices: NoticesTable;
}

export interface EventsTable {
  /** The global position in the log (autoincrement; PostgreSQL returns bigint as a string). */
  cursor: ColumnType<number | string, never, never>;
  /** E.g. `notices:gata`, `case:K-2026-0042`. */
  stream: string;
  /** The SSE `event:` type, e.g. `notice.published`. */
  type: string;
  /** The payload as JSON. */
  data: string;
  at: string;
}

export interface NoticesTable {
  id: string;
  /** `NoticeText` as JSON (every locale). */
  title: string;
  text: string;
  severity: string;
  /** `"all"` or an array of department ids, as JSON. */
  departments: string;
  starts_at: string;
  ends_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
  withdrawn_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CasesTable extends CaseHandlingColumns, PublicCaseColumns {
  reference: string;
  /** SHA-256 (hex) of the receipt token: the token itself is only ever given to the sender. */
  receipt_token_hash: string;
  department: string;
  channel: string;
  page_url: string;
  widget: string;
  topic: string;
  status: string;
  /** The validated `ContactMessage` as JSON: personal data, never logged. */
  message: string;
  created_at: string;
  updated_at: string;
}

export interface CaseTimelineTable {
  case_reference: string;
  /** 1, 2, 3 … within one case. */
  seq: number;
  at: string;
  status: string;
  department: ColumnType<string | null, string | null | undefined, string | null>;
  note: ColumnType<string | null, string | null | undefined, string | null>;
  /** The language `note` is written in (`sv`, `en`, `fi`, `ar`), when staff said. */
  note_language: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IdempotencyKeysTable {
  /** What the key is scoped by (the department), so two clients' keys never meet. */
  scope: string;
  key: string;
  /** SHA-256 (hex) of the canonical JSON request body. */
  request_hash: string;
  response_status: number;
  response_body: string;
  case_reference: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  expires_at: string;
}

export type CaseRow = Selectable<CasesTable>;
export type NewCaseRow = Insertable<CasesTable>;
export type IdempotencyRow = Selectable<IdempotencyKeysTable>;
export type NoticeRow = Selectable<NoticesTable>;
