import { memo, useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type DayGridViewProps, useDayGrid } from './dayGrid.js';
import { useCalendarFormat } from './format.js';
import { SessionChip, sessionDragType } from './SessionChip.js';
import { type CalendarItem, isoWeek, monthOf, monthWeeks } from '../../../../shared/calendar/views.js';

/** A day cell shows this many sessions; the rest are counted and listed under the grid. */
const shownPerDay = 3;

interface MonthViewProps extends DayGridViewProps {
  month: string;
}

/**
 * The month as an ARIA grid with one tab stop: the arrows move between days, PageUp and PageDown
 * between months, Home and End to the week's ends. Enter on a day with one session opens it; with
 * several it moves into the day's sessions (the arrows go through them, Escape goes back). A
 * session is dragged to another day to move it, keeping its time.
 */
export function MonthView({ month, focusedDay, today, byDay, entryById, onFocusDay, onOpen, onMove }: MonthViewProps) {
  const { t } = useTranslation();
  const format = useCalendarFormat();
  const captionId = useId();
  const { gridRef, onKeyDown, onClick } = useDayGrid<HTMLTableElement>({ focusedDay, byDay, onFocusDay, onOpen });
  const [dropDay, setDropDay] = useState<string | null>(null);
  const weeks = monthWeeks(month);

  // Dragging is handled once for the whole grid: the day under the pointer is the drop target.
  function dayUnder(event: DragEvent<HTMLElement>): string | null {
    return (event.target as HTMLElement).closest<HTMLElement>('[data-day]')?.dataset.day ?? null;
  }

  function onDragOver(event: DragEvent<HTMLTableElement>) {
    const day = dayUnder(event);
    if (!day || !event.dataTransfer.types.includes(sessionDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (dropDay !== day) setDropDay(day);
  }

  function onDrop(event: DragEvent<HTMLTableElement>) {
    const day = dayUnder(event);
    setDropDay(null);
    const entry = entryById.get(Number(event.dataTransfer.getData(sessionDragType)));
    if (!day || !entry) return;
    event.preventDefault();
    if (entry.day !== day) onMove({ entry, day, start: entry.start });
  }

  return (
    <table
      ref={gridRef}
      role="grid"
      className="cal-month"
      aria-labelledby={captionId}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropDay(null);
      }}
      onDrop={onDrop}
    >
      <caption id={captionId} className="visually-hidden">
        {t('calendar.month.caption', { month: format.month(month) })}
      </caption>
      <thead>
        <tr role="row">
          <th role="columnheader" scope="col" className="cal-month__week">
            <abbr title={t('calendar.month.weekNumber')}>{t('calendar.month.weekShort')}</abbr>
          </th>
          {weeks[0]!.map((day) => (
            <th key={day} role="columnheader" scope="col">
              <abbr title={format.weekdayLong(day)}>{format.weekdayShort(day)}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]} role="row">
            <th role="rowheader" scope="row" className="cal-month__week">
              <span className="visually-hidden">{t('calendar.month.weekLabel')} </span>
              {isoWeek(week[0]!)}
            </th>
            {week.map((day) => (
              <DayCell
                key={day}
                day={day}
                entries={byDay.get(day)}
                inMonth={monthOf(day) === month}
                isToday={day === today}
                focused={day === focusedDay}
                dropTarget={day === dropDay}
                onOpen={onOpen}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface DayCellProps {
  day: string;
  entries: CalendarItem[] | undefined;
  inMonth: boolean;
  isToday: boolean;
  focused: boolean;
  dropTarget: boolean;
  onOpen: (entry: CalendarItem) => void;
}

const DayCell = memo(function DayCell({ day, entries = [], inMonth, isToday, focused, dropTarget, onOpen }: DayCellProps) {
  const { t } = useTranslation();
  const format = useCalendarFormat();
  const conflicts = entries.filter((entry) => entry.conflicts.length > 0).length;
  const hidden = entries.length - shownPerDay;
  const label = [
    format.longDay(day),
    isToday ? t('calendar.today') : null,
    entries.length > 0 ? t('calendar.month.sessions', { count: entries.length }) : t('calendar.month.noSessions'),
    conflicts > 0 ? t('calendar.month.conflicts', { count: conflicts }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const classes = [
    'cal-day',
    inMonth ? null : 'cal-day--outside',
    isToday ? 'cal-day--today' : null,
    focused ? 'cal-day--focused' : null,
    dropTarget ? 'cal-day--drop' : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <td
      role="gridcell"
      className={classes}
      data-day={day}
      tabIndex={focused ? 0 : -1}
      aria-label={label}
      aria-selected={focused}
      aria-current={isToday ? 'date' : undefined}
    >
      <span className="cal-day__number" aria-hidden="true">
        {format.dayNumber(day)}
        {isToday ? <span className="cal-day__today">{t('calendar.today')}</span> : null}
      </span>
      <div className="cal-day__entries">
        {entries.slice(0, shownPerDay).map((entry) => (
          <SessionChip key={entry.sessionId} entry={entry} compact tabIndex={-1} onOpen={onOpen} draggable />
        ))}
        {hidden > 0 ? (
          <span className="cal-day__more" aria-hidden="true">
            {t('calendar.month.more', { count: hidden })}
          </span>
        ) : null}
      </div>
    </td>
  );
});
