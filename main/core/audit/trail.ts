import { TZDate } from '@date-fns/tz';
import type { AuditEventView, AuditFilters } from '../../../shared/audit/contract.js';
import { studyTimeZone } from '../../../shared/contract/values.js';
import type { StudyReader } from '../db/connection.js';

/** The instant a day (`YYYY-MM-DD`, plus `days`) starts in the study's zone, as the trail stores instants (UTC). */
function startOfDay(date: string, days = 0): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day + days, studyTimeZone).getTime()).toISOString();
}

function where(filters: AuditFilters): { sql: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (filters.kinds.length > 0) {
    clauses.push('kind IN (SELECT value FROM json_each(@kinds))');
    params.kinds = JSON.stringify(filters.kinds);
  }
  if (filters.from) {
    clauses.push('at >= @from');
    params.from = startOfDay(filters.from);
  }
  if (filters.to) {
    clauses.push('at < @to');
    params.to = startOfDay(filters.to, 1);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** One page of the trail, newest first, with the number of events that match the filters. */
export function listAuditPage(
  reader: StudyReader,
  filters: AuditFilters,
  offset: number,
  limit: number,
): { total: number; events: AuditEventView[]; kinds: string[] } {
  const { sql, params } = where(filters);
  const total = reader.query<{ count: number }>(`SELECT count(*) AS count FROM audit_event ${sql}`).get(params)?.count ?? 0;
  const events = reader
    .query<{ id: number; at: string; kind: string; detail: string }>(
      `SELECT id, at, kind, detail FROM audit_event ${sql} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit, offset })
    .map((row) => ({ ...row, detail: parseDetail(row.detail) }));
  const kinds = reader
    .query<{ kind: string }>('SELECT DISTINCT kind FROM audit_event ORDER BY kind')
    .all()
    .map((row) => row.kind);
  return { total, events, kinds };
}

/** Every event that matches, newest first (for the export). */
export function listAuditAll(reader: StudyReader, filters: AuditFilters): AuditEventView[] {
  const { sql, params } = where(filters);
  return reader
    .query<{ id: number; at: string; kind: string; detail: string }>(`SELECT id, at, kind, detail FROM audit_event ${sql} ORDER BY id DESC`)
    .all(params)
    .map((row) => ({ ...row, detail: parseDetail(row.detail) }));
}

function parseDetail(text: string): AuditEventView['detail'] {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as AuditEventView['detail']) : {};
  } catch {
    return {};
  }
}
