import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * The tables as Kysely sees them. Timestamps are ISO 8601 strings in UTC so the same queries run on
 * SQLite and PostgreSQL; JSON is stored as text for the same reason.
 */
export interface Database {
  cases: CasesTable;
  case_timeline: CaseTimelineTable;
  idempotency_keys: IdempotencyKeysTable;
}

export interface CasesTable {
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
