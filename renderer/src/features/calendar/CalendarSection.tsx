import { useCallback, useEffect, useRef, useState } from 'react';
import { UnsavedChangesDialog } from '../../ui/index.js';
import { useTranslation } from 'react-i18next';
import { CalendarViews, type CalendarViewKind } from './CalendarViews.js';
import { GroupPage } from './GroupPage.js';
import { GroupsPage } from './GroupsPage.js';
import { ProgrammesPage } from './ProgrammesPage.js';
import { SessionPage } from './SessionPage.js';
import './calendar.css';
import { osloToday } from '../../../../shared/calendar/views.js';

/** Where in the group calendar the researcher is. */
export type CalendarPlace =
  | { kind: 'calendar' }
  | { kind: 'groups' }
  | { kind: 'newGroup' }
  | { kind: 'group'; groupId: number }
  | { kind: 'session'; groupId: number; sessionId: number; from: 'calendar' | 'group' }
  | { kind: 'programmes' };

const tabs = ['calendar', 'groups', 'programmes'] as const;
type Tab = (typeof tabs)[number];

function tabOf(place: CalendarPlace): Tab {
  if (place.kind === 'programmes') return 'programmes';
  if (place.kind === 'calendar' || (place.kind === 'session' && place.from === 'calendar')) return 'calendar';
  return 'groups';
}

interface CalendarSectionProps {
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * The group calendar: every group's sessions in a month, week or agenda view; the groups with their
 * schedule, members and completion; a session's attendance and the leader's log; and the
 * programmes the groups are made from.
 */
export function CalendarSection({ onDirtyChange }: CalendarSectionProps) {
  const { t } = useTranslation();
  const [place, setPlace] = useState<CalendarPlace>({ kind: 'calendar' });
  const [day, setDay] = useState(() => osloToday());
  const [view, setView] = useState<CalendarViewKind>('month');
  const moved = useRef(false);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<CalendarPlace | null>(null);

  // The study screen asks before leaving the section; within it, the tabs ask the same.
  const reportDirty = useCallback(
    (next: boolean) => {
      setDirty(next);
      onDirtyChange(next);
    },
    [onDirtyChange],
  );

  const go = useCallback((next: CalendarPlace) => {
    moved.current = true;
    setPlace(next);
  }, []);

  // After going somewhere else within the section, the new page's heading takes the focus, as a page change would.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    document.querySelector<HTMLElement>('[data-calendar-page] h3, [data-calendar-page] h2')?.focus();
  }, [place]);

  const openSession = useCallback((sessionId: number, groupId: number) => go({ kind: 'session', sessionId, groupId, from: 'calendar' }), [go]);
  const openGroup = useCallback((groupId: number) => go({ kind: 'group', groupId }), [go]);
  const tab = tabOf(place);

  return (
    <div className="stack cal-section">
      <header>
        <h2 className="page-heading">
          {t('calendar.heading')}
        </h2>
        <p className="lead">{t('calendar.intro')}</p>
      </header>
      <nav className="cal-tabs" aria-label={t('calendar.tabs.label')}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            className="cal-tabs__tab"
            aria-current={tab === name ? 'page' : undefined}
            onClick={() => {
              if (dirty) setPending({ kind: name });
              else go({ kind: name });
            }}
          >
            {t(`calendar.tabs.${name}`)}
          </button>
        ))}
      </nav>
      <div data-calendar-page>
        {place.kind === 'calendar' ? (
          <CalendarViews day={day} onDayChange={setDay} view={view} onViewChange={setView} onOpenSession={openSession} onOpenGroup={openGroup} />
        ) : place.kind === 'groups' || place.kind === 'newGroup' ? (
          <GroupsPage creating={place.kind === 'newGroup'} go={go} />
        ) : place.kind === 'group' ? (
          <GroupPage groupId={place.groupId} go={go} />
        ) : place.kind === 'session' ? (
          <SessionPage sessionId={place.sessionId} groupId={place.groupId} from={place.from} go={go} onDirtyChange={reportDirty} />
        ) : (
          <ProgrammesPage onDirtyChange={reportDirty} />
        )}
      </div>
      <UnsavedChangesDialog
        open={pending !== null}
        onStay={() => setPending(null)}
        onDiscard={() => {
          const target = pending;
          setPending(null);
          reportDirty(false);
          if (target) go(target);
        }}
      />
    </div>
  );
}
