import type { Dashboard, DashboardBreakdown, DashboardTable } from '@kontakt/core/agent';

/*
 * The dashboard's tables as CSV (RFC 4180: comma-separated, CRLF, quoted where needed), for the
 * municipality's own reports. Staff open these in spreadsheets, so two more rules apply: a UTF-8
 * byte order mark, without which Excel misreads å, ä and ö; and no cell a spreadsheet would take
 * for a formula — page URLs and ids come from the web, and `=HYPERLINK(…)` in one would run
 * (OWASP "CSV injection"): such cells get a leading apostrophe.
 */

type Cell = string | number | null;

const BOM = '\uFEFF';

export function dashboardCsv(dashboard: Dashboard, table: DashboardTable): string {
  const [header, rows] = tableOf(dashboard, table);
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

function tableOf(dashboard: Dashboard, table: DashboardTable): [string[], Cell[][]] {
  switch (table) {
    case 'departments':
      return counts('department', dashboard.byDepartment);
    case 'pages':
      return counts('page', dashboard.byPage);
    case 'topics':
      return counts('topic', dashboard.byTopic);
    case 'channels':
      return counts('channel', dashboard.byChannel);
    case 'reasons':
      return counts('reason', dashboard.byReason);
    case 'avoidable-pages':
      return counts('page', dashboard.avoidableByPage);
    case 'overdue':
      return counts('department', dashboard.overdue);
    case 'closing-reasons':
      return counts('closing_reason', dashboard.byClosingReason);
    case 'classifications':
      return counts('classification', dashboard.byClassification);
    case 'first-answer':
      return [
        ['channel', 'answered', 'unanswered', 'median_minutes', 'p90_minutes'],
        dashboard.firstAnswer.map((row) => [
          row.channel,
          row.answered,
          row.unanswered,
          row.medianMinutes,
          row.p90Minutes,
        ]),
      ];
    case 'status-times':
      return [
        ['status', 'cases', 'median_minutes', 'p90_minutes'],
        dashboard.timeInStatus.map((row) => [
          row.status,
          row.cases,
          row.medianMinutes,
          row.p90Minutes,
        ]),
      ];
  }
}

function counts(key: string, breakdown: DashboardBreakdown): [string[], Cell[][]] {
  const rows: Cell[][] = breakdown.rows.map((row) => [row.key, row.contacts, row.avoidable]);
  if (breakdown.otherContacts > 0) rows.push(['(other)', breakdown.otherContacts, null]);
  return [[key, 'contacts', 'avoidable'], rows];
}

/** One cell: defused if a spreadsheet would read it as a formula, quoted if it must be. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
