import type { overviewChannels } from '../../../shared/overview/contract.js';
import { todayIso } from '../../../shared/recordings/deadlines.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { readOverview } from './overview.js';

type OverviewHandlers = { [C in keyof typeof overviewChannels]: Handler<C> };

export function overviewHandlers(session: StudySession): OverviewHandlers {
  return {
    'overview.get': () => session.require().db.read((reader) => readOverview(reader, todayIso())),
  };
}
