import type { CompletionRule, MemberProgress } from './contract.js';

/**
 * The least number of sessions a member must attend, of `total`: the rule's number, or for an
 * absence limit every session but the absences allowed (20 % of 7 seminar days allows 1).
 */
export function requiredSessions(rule: CompletionRule, total: number): number {
  if (rule.kind === 'minSessions') return rule.sessions;
  return total - Math.floor((total * rule.percent) / 100);
}

export interface SessionForProgress {
  id: number;
  /** `YYYY-MM-DD` */
  date: string;
}

/**
 * One member's sessions attended against the rule. The outcome is settled when every session has
 * attendance for the member: completed (on the date of the last session attended) or not. Until
 * then the member is in progress, or already cannot complete when too few sessions are left.
 */
export function memberProgress(
  rule: CompletionRule,
  sessions: readonly SessionForProgress[],
  attendance: ReadonlyMap<number, 'present' | 'absent'>,
): MemberProgress {
  let attended = 0;
  let absent = 0;
  let lastAttended: string | null = null;
  for (const session of sessions) {
    const status = attendance.get(session.id);
    if (status === 'present') {
      attended += 1;
      if (lastAttended === null || session.date > lastAttended) lastAttended = session.date;
    } else if (status === 'absent') {
      absent += 1;
    }
  }
  const total = sessions.length;
  const unrecorded = total - attended - absent;
  const required = requiredSessions(rule, total);
  const canStillComplete = total > 0 && attended + unrecorded >= required;
  let status: MemberProgress['status'] = 'inProgress';
  if (!canStillComplete) status = 'notCompleted';
  else if (unrecorded === 0) status = 'completed';
  return {
    attended,
    absent,
    unrecorded,
    total,
    required,
    canStillComplete,
    status,
    completedOn: status === 'completed' ? lastAttended : null,
  };
}
