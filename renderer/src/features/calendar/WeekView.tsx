import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type DayGridViewProps, useDayGrid } from './dayGrid.js';
import { useCalendarFormat } from './format.js';
import { SessionChip, sessionDragType } from './SessionChip.js';
import { hoursToShow, isoWeek, placeInLanes, timeOf, weekDays } from '../../../../shared/calendar/views.js';
import { minutesOfDay } from '../../../../shared/calendar/schedule.js';

/** Height of one hour in the week view, in pixels. */
const hourHeight = 48;
/** A session dropped in the week view starts on a quarter hour. */
const snapMinutes = 15;

/**
 * One week, Monday to Sunday, with the sessions at their Oslo times. The days are a one-row ARIA
 * grid with the same keys as the month; a session dragged to another day or time moves there (to
 * the nearest quarter hour).
 */
export function WeekView({ focusedDay, today, byDay, entryById, onFocusDay, onOpen, onMove }: DayGridViewProps) {
  const { t } = useTranslation();
  const format = useCalendarFormat();
  const captionId = useId();
  const { gridRef, onKeyDown, onClick } = useDayGrid<HTMLDivElement>({ focusedDay, byDay, onFocusDay, onOpen });
  /** How far below the session's top the pointer took hold of it, so it lands where it is let go. */
  const grabOffset = useRef(0);
  const [dropAt, setDropAt] = useState<{ day: string; start: string } | null>(null);
  const days = weekDays(focusedDay);
  const entries = days.flatMap((day) => byDay.get(day) ?? []);
  const { first, last } = hoursToShow(entries);
  const hours = Array.from({ length: last - first }, (_, index) => first + index);

  function pointAt(event: DragEvent<HTMLElement>): { day: string; start: string } | null {
    const column = (event.target as HTMLElement).closest<HTMLElement>('[data-day]');
    const day = column?.dataset.day;
    if (!column || !day) return null;
    const body = column.querySelector<HTMLElement>('.cal-week__slots') ?? column;
    const y = event.clientY - body.getBoundingClientRect().top - grabOffset.current;
    const minutes = Math.round((first * 60 + (y / hourHeight) * 60) / snapMinutes) * snapMinutes;
    return { day, start: timeOf(Math.max(0, Math.min(minutes, 24 * 60 - snapMinutes))) };
  }

  function onDragStart(event: DragEvent<HTMLDivElement>) {
    const chip = (event.target as HTMLElement).closest<HTMLElement>('.cal-chip');
    grabOffset.current = chip ? event.clientY - chip.getBoundingClientRect().top : 0;
  }

  function onDragOver(event: DragEvent<HTMLDivElement>) {
    if (!event.dataTransfer.types.includes(sessionDragType)) return;
    const point = pointAt(event);
    if (!point) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (dropAt?.day !== point.day || dropAt.start !== point.start) setDropAt(point);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    const point = pointAt(event);
    setDropAt(null);
    const entry = entryById.get(Number(event.dataTransfer.getData(sessionDragType)));
    if (!point || !entry) return;
    event.preventDefault();
    if (entry.day !== point.day || entry.start !== point.start) onMove({ entry, ...point });
  }

  return (
    <div className="cal-week">
      <p id={captionId} className="visually-hidden">
        {t('calendar.week.caption', { week: isoWeek(days[0]!), from: format.date(days[0]!), to: format.date(days[6]!) })}
      </p>
      <div
        ref={gridRef}
        role="grid"
        aria-labelledby={captionId}
        className="cal-week__grid"
        style={{ '--hours': hours.length, '--hour-height': `${hourHeight}px` } as React.CSSProperties}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropAt(null);
        }}
        onDrop={onDrop}
      >
        <div role="row" className="cal-week__head">
          <div className="cal-week__corner" aria-hidden="true" />
          {days.map((day) => (
            <div key={day} role="columnheader" className={day === today ? 'cal-week__day cal-week__day--today' : 'cal-week__day'}>
              <span className="cal-week__weekday">{format.weekdayShort(day)}</span> <span className="cal-week__date">{format.dayMonth(day)}</span>
              {day === today ? <span className="cal-day__today">{t('calendar.today')}</span> : null}
            </div>
          ))}
        </div>
        <div role="row" className="cal-week__body">
          <div className="cal-week__hours" aria-hidden="true">
            {hours.map((hour) => (
              <span key={hour} className="cal-week__hour">
                {timeOf(hour * 60)}
              </span>
            ))}
          </div>
          {days.map((day) => {
            const list = byDay.get(day) ?? [];
            const label = [
              format.longDay(day),
              day === today ? t('calendar.today') : null,
              list.length > 0 ? t('calendar.month.sessions', { count: list.length }) : t('calendar.month.noSessions'),
            ]
              .filter(Boolean)
              .join(', ');
            return (
              <div
                key={day}
                role="gridcell"
                data-day={day}
                tabIndex={day === focusedDay ? 0 : -1}
                aria-label={label}
                aria-selected={day === focusedDay}
                aria-current={day === today ? 'date' : undefined}
                className={['cal-week__column', day === today ? 'cal-week__column--today' : null, day === focusedDay ? 'cal-week__column--focused' : null].filter(Boolean).join(' ')}
              >
                <div className="cal-week__slots">
                  {placeInLanes(list).map(({ item, lane, lanes }) => {
                    const top = ((minutesOfDay(item.start) - first * 60) / 60) * hourHeight;
                    const height = Math.max(((minutesOfDay(item.end) - minutesOfDay(item.start)) / 60) * hourHeight, 22);
                    return (
                      <SessionChip
                        key={item.sessionId}
                        entry={item}
                        tabIndex={-1}
                        draggable
                        onOpen={onOpen}
                        style={{ top, height, left: `calc(${(lane / lanes) * 100}% + 2px)`, width: `calc(${100 / lanes}% - 4px)` }}
                      />
                    );
                  })}
                  {dropAt?.day === day ? (
                    <div className="cal-week__drop" style={{ top: ((minutesOfDay(dropAt.start) - first * 60) / 60) * hourHeight }} aria-hidden="true">
                      {dropAt.start}
                    </div>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
