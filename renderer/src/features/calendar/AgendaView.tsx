import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/index.js';
import { useCalendarFormat } from './format.js';
import { colourStyle } from './SessionChip.js';
import { type CalendarItem, monthOf } from '../../../../shared/calendar/views.js';

interface EntryActions {
  onOpen: (entry: CalendarItem) => void;
  onMoveAsk: (entry: CalendarItem) => void;
}

/**
 * A session in full: time, group (short name in its colour, and its name), number, theme, leaders,
 * room and conflicts, with "Open" and the keyboard's way to move it ("Move…").
 */
export function EntryDetails({ entry, onOpen, onMoveAsk }: { entry: CalendarItem } & EntryActions) {
  const { t } = useTranslation();
  return (
    <article className="cal-entry" style={colourStyle(entry)} aria-label={t('calendar.entry.short', { group: entry.groupName, start: entry.start })}>
      <div className="cal-entry__time">
        {entry.start}–{entry.end}
      </div>
      <div className="cal-entry__body">
        <p className="cal-entry__title">
          <span className="cal-badge">{entry.groupShort}</span> <strong>{entry.groupName}</strong>{' '}
          <span className="muted">{t('calendar.entry.sessionNumber', { number: entry.number, of: entry.of })}</span>
        </p>
        <p className="cal-entry__meta">
          {entry.theme ? <span>{t('calendar.entry.theme', { theme: entry.theme })}</span> : <span className="muted">{t('calendar.entry.noTheme')}</span>}
          {entry.leaders.length > 0 ? <span>{t('calendar.entry.leaders', { leaders: entry.leaders.join(', ') })}</span> : null}
          {entry.room ? <span>{t('calendar.entry.room', { room: entry.room })}</span> : null}
        </p>
        {entry.conflicts.length > 0 ? (
          <ul className="cal-conflicts">
            {entry.conflicts.map((conflict) => (
              <li key={conflict}>{conflict}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="cal-entry__actions">
        <Button variant="secondary" onClick={() => onOpen(entry)} aria-label={t('calendar.entry.openFor', { group: entry.groupName, number: entry.number })}>
          {t('calendar.entry.open')}
        </Button>
        <Button variant="quiet" onClick={() => onMoveAsk(entry)} aria-label={t('calendar.entry.moveFor', { group: entry.groupName, number: entry.number })}>
          {t('calendar.entry.move')}
        </Button>
      </div>
    </article>
  );
}

interface AgendaViewProps extends EntryActions {
  month: string;
  today: string;
  byDay: ReadonlyMap<string, CalendarItem[]>;
}

/** The month as a list: each day with sessions, in order, with everything about them. */
export function AgendaView({ month, today, byDay, onOpen, onMoveAsk }: AgendaViewProps) {
  const { t } = useTranslation();
  const format = useCalendarFormat();
  const days = [...byDay.keys()].filter((day) => monthOf(day) === month).sort();
  if (days.length === 0) return <p className="muted">{t('calendar.agenda.empty', { month: format.month(month) })}</p>;
  return (
    <div className="cal-agenda">
      {days.map((day) => (
        <section key={day} className="cal-agenda__day" aria-labelledby={`agenda-${day}`}>
          <h3 id={`agenda-${day}`} className="cal-agenda__heading">
            {format.dayHeading(day)}
            {day === today ? <span className="cal-day__today">{t('calendar.today')}</span> : null}
          </h3>
          <ul className="cal-agenda__list">
            {byDay.get(day)!.map((entry) => (
              <li key={entry.sessionId}>
                <EntryDetails entry={entry} onOpen={onOpen} onMoveAsk={onMoveAsk} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
