import type { AuditEventView, AuditFilters } from '../../../shared/audit/contract.js';
import type { StudyReader } from '../db/connection.js';

/** The day after an ISO date, for an inclusive "to" bound on UTC timestamps. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
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
    params.from = `${filters.from}T00:00:00.000Z`;
  }
  if (filters.to) {
    clauses.push('at < @to');
    params.to = dayAfter(filters.to);
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
