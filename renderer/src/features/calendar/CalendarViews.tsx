import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry, Conflict, GroupSummary } from '../../../../shared/calendar/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, useErrorText } from '../../ui/index.js';
import { AgendaView, EntryDetails } from './AgendaView.js';
import { useCalendarFormat } from './format.js';
import { MonthView } from './MonthView.js';
import { MoveDialog } from './MoveDialog.js';
import { conflictWordsKey, useBilingual, useConflictText } from './texts.js';
import { WeekView } from './WeekView.js';
import { addMonths, type CalendarItem, entriesByDay, isoWeek, itemFrom, leaderNames, monthOf, monthWeeks, type MoveRequest, osloToday, shortNameOf, weekDays } from '../../../../shared/calendar/views.js';
import { addDays } from '../../../../shared/calendar/schedule.js';
import { colourAt } from '../../../../shared/calendar/palette.js';

export const calendarViewKinds = ['month', 'week', 'agenda'] as const;
export type CalendarViewKind = (typeof calendarViewKinds)[number];

interface CalendarViewsProps {
  /** The day the views show and the grid's focus; kept by the section so it survives opening a session. */
  day: string;
  onDayChange: (day: string) => void;
  view: CalendarViewKind;
  onViewChange: (view: CalendarViewKind) => void;
  onOpenSession: (sessionId: number, groupId: number) => void;
  onOpenGroup: (groupId: number) => void;
}

interface Loaded {
  month: string;
  entries: CalendarEntry[];
  groups: GroupSummary[];
}

/**
 * Every group's sessions in one calendar: month, week or agenda, coloured by group and always with
 * the group's short name; today marked; everything in Oslo time. Under the month and week, the
 * chosen day's sessions in full, each with "Move…".
 */
export function CalendarViews({ day, onDayChange, view, onViewChange, onOpenSession, onOpenGroup }: CalendarViewsProps) {
  const { t } = useTranslation();
  const format = useCalendarFormat();
  const errorText = useErrorText();
  const conflict = useConflictText();
  const bilingual = useBilingual();
  const [today] = useState(() => osloToday());
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [moving, setMoving] = useState<MoveRequest | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  const month = monthOf(day);

  const load = useCallback((forMonth: string) => {
    const weeks = monthWeeks(forMonth);
    performance.mark('calendar.load.start');
    return invoke('calendar.sessions.inRange', { from: weeks[0]![0]!, to: weeks.at(-1)![6]! }).then((answer) => {
      performance.mark('calendar.render.start');
      setLoaded({ month: forMonth, entries: answer.entries, groups: answer.groups });
    }, setError);
  }, []);

  useEffect(() => {
    void load(month);
  }, [load, month]);

  // Measured by bench/calendarView.ts: from the answer's arrival to the view on screen (the task
  // after the next frame runs once that frame is painted).
  useEffect(() => {
    if (!loaded) return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('calendar.render.end');
        performance.measure('calendar.render', 'calendar.render.start', 'calendar.render.end');
        performance.measure('calendar.load', 'calendar.load.start', 'calendar.render.end');
      }),
    );
  }, [loaded]);

  const items = useMemo(
    () => {
      if (!loaded) return [];
      // A month of many groups repeats the same few conflicts (a holiday, a leader's other group):
      // each is put in words once.
      const words = new Map<string, string>();
      const said = (item: Conflict) => {
        const key = conflictWordsKey(item);
        let text = words.get(key);
        if (text === undefined) {
          text = conflict(item);
          words.set(key, text);
        }
        return text;
      };
      return loaded.entries.map((entry) => itemFrom(entry, { conflict: said, bilingual }));
    },
    // The texts change only with the language, which re-renders the whole app.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [loaded],
  );
  const byDay = useMemo(() => entriesByDay(items), [items]);
  const byId = useMemo(() => new Map(items.map((item) => [item.sessionId, item])), [items]);
  const open = useCallback((item: CalendarItem) => onOpenSession(item.sessionId, item.groupId), [onOpenSession]);

  function step(direction: -1 | 1) {
    onDayChange(view === 'week' ? addDays(day, direction * 7) : addMonths(day, direction));
  }

  const days = view === 'week' ? weekDays(day) : null;
  const title =
    view === 'week' && days
      ? t('calendar.week.title', { week: isoWeek(days[0]!), from: format.dayMonth(days[0]!), to: format.shortDate(days[6]!) })
      : format.month(month);
  const visibleGroups = loaded
    ? loaded.groups.filter((group) => items.some((item) => item.groupId === group.id && (days ? days.includes(item.day) : monthOf(item.day) === month)))
    : [];

  return (
    <div className="cal-views">
      <div className="cal-toolbar">
        <div className="cal-toolbar__nav" role="group" aria-label={t('calendar.toolbar.navigate')}>
          <Button variant="secondary" onClick={() => step(-1)} aria-label={view === 'week' ? t('calendar.toolbar.previousWeek') : t('calendar.toolbar.previousMonth')}>
            ‹
          </Button>
          <Button variant="secondary" onClick={() => onDayChange(today)}>
            {t('calendar.toolbar.today')}
          </Button>
          <Button variant="secondary" onClick={() => step(1)} aria-label={view === 'week' ? t('calendar.toolbar.nextWeek') : t('calendar.toolbar.nextMonth')}>
            ›
          </Button>
        </div>
        <h3 className="cal-toolbar__title" aria-live="polite">
          {title}
        </h3>
        <div className="cal-toolbar__views" role="group" aria-label={t('calendar.toolbar.view')}>
          {calendarViewKinds.map((kind) => (
            <button key={kind} type="button" className="cal-toggle" aria-pressed={view === kind} onClick={() => onViewChange(kind)}>
              {t(`calendar.toolbar.${kind}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="cal-hint small muted">{view === 'agenda' ? t('calendar.hintAgenda') : view === 'week' ? t('calendar.hintWeek') : t('calendar.hint')}</p>

      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {moved ? <Alert tone="success">{moved}</Alert> : null}
      {!loaded ? (
        <p role="status">{t('app.loading')}</p>
      ) : view === 'month' ? (
        <MonthView month={month} focusedDay={day} today={today} byDay={byDay} entryById={byId} onFocusDay={onDayChange} onOpen={open} onMove={setMoving} />
      ) : view === 'week' ? (
        <WeekView focusedDay={day} today={today} byDay={byDay} entryById={byId} onFocusDay={onDayChange} onOpen={open} onMove={setMoving} />
      ) : (
        <AgendaView month={month} today={today} byDay={byDay} onOpen={open} onMoveAsk={(entry) => setMoving({ entry, day: entry.day, start: entry.start })} />
      )}

      {loaded && view !== 'agenda' ? (
        <section className="cal-dayPanel" aria-labelledby="cal-day-heading">
          <h3 id="cal-day-heading" className="cal-dayPanel__heading">
            {format.dayHeading(day)}
            {day === today ? <span className="cal-day__today">{t('calendar.today')}</span> : null}
          </h3>
          {(byDay.get(day) ?? []).length === 0 ? (
            <p className="muted">{t('calendar.dayPanel.empty')}</p>
          ) : (
            <ul className="cal-agenda__list">
              {byDay.get(day)!.map((entry) => (
                <li key={entry.sessionId}>
                  <EntryDetails entry={entry} onOpen={open} onMoveAsk={(item) => setMoving({ entry: item, day: item.day, start: item.start })} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {visibleGroups.length > 0 ? (
        <details className="cal-legend">
          <summary>{t('calendar.legend.summary', { count: visibleGroups.length })}</summary>
          <ul className="cal-legend__list">
            {visibleGroups.map((group) => (
              <li key={group.id} style={{ '--group-ink': colourAt(group.colour).ink, '--group-tint': colourAt(group.colour).tint } as React.CSSProperties}>
                <span className="cal-badge">{shortNameOf(group.name)}</span>{' '}
                <Button variant="quiet" onClick={() => onOpenGroup(group.id)}>
                  {group.name}
                </Button>{' '}
                <span className="muted small">{leaderNames(group.leaders).join(', ')}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <MoveDialog
        request={moving}
        onClose={() => setMoving(null)}
        onMoved={(group) => {
          const item = moving?.entry;
          setMoving(null);
          const session = group.sessions.find((candidate) => candidate.id === item?.sessionId);
          setMoved(item && session ? t('calendar.move.done', { group: item.groupName, number: item.number, day: format.longDay(session.startsAt.slice(0, 10)), start: session.startsAt.slice(11) }) : null);
          void load(month);
        }}
      />
    </div>
  );
}
