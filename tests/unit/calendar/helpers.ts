import type { BuiltinProgrammeKey, CreateGroup, GroupDetail, Programme } from '../../../shared/calendar/contract.js';
import { value, type FreshStudy } from '../../helpers/study.js';

export async function programmes(study: FreshStudy): Promise<Programme[]> {
  return value<Programme[]>(await study.core.invoke('calendar.programmes.list', {}));
}

export async function programmeId(study: FreshStudy, key: BuiltinProgrammeKey): Promise<number> {
  return (await programmes(study)).find((programme) => programme.builtin === key)!.id;
}

/** A reSTART group on Tuesdays and Thursdays at 12:00 unless told otherwise. */
export async function createGroup(study: FreshStudy, input: Partial<CreateGroup> & { startDate: string }): Promise<GroupDetail> {
  const defaults = {
    name: 'Gruppe vår',
    programmeId: await programmeId(study, 'restart'),
    leaders: { professional: 'Ingrid Bakke', peer: 'Tor Lie' },
    room: 'Møterom 2',
    weekdays: [2, 4],
  };
  return value<GroupDetail>(await study.core.invoke('calendar.groups.create', { ...defaults, ...input }));
}

/** A full dump of the calendar's tables, to show that a refused call changed nothing. */
export function calendarState(study: FreshStudy): string {
  const db = study.core.session.require().db.connection;
  const tables = [
    'group_programme',
    'calendar_group',
    'group_session',
    'group_member',
    'group_attendance',
    'group_log_mention',
    'group_talk',
    'group_evaluation',
    'attribute_value',
  ];
  return JSON.stringify(tables.map((table) => db.prepare(`SELECT * FROM ${table}`).all()));
}
