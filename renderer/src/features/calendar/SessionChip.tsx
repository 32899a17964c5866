import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { type CalendarItem } from '../../../../shared/calendar/views.js';

/** The drag payload's type: only a session from this window can be dropped on a day. */
export const sessionDragType = 'application/x-groundwork-session';

export function colourStyle(entry: Pick<CalendarItem, 'colour'>): CSSProperties {
  return { '--group-ink': entry.colour.ink, '--group-tint': entry.colour.tint } as CSSProperties;
}

/** What a screen reader hears for a session: group, time, number, theme, leaders, conflicts. */
export function useEntryLabel(): (entry: CalendarItem, withDay?: string) => string {
  const { t } = useTranslation();
  return (entry, withDay) =>
    [
      withDay,
      t('calendar.entry.label', { group: entry.groupName, start: entry.start, end: entry.end, number: entry.number, of: entry.of }),
      entry.theme ? t('calendar.entry.theme', { theme: entry.theme }) : null,
      entry.leaders.length > 0 ? t('calendar.entry.leaders', { leaders: entry.leaders.join(', ') }) : null,
      entry.conflicts.length > 0 ? t('calendar.entry.conflicts', { conflicts: entry.conflicts.join('; ') }) : null,
    ]
      .filter(Boolean)
      .join('. ');
}

interface SessionChipProps {
  entry: CalendarItem;
  /** The month view is compact: short name, time and theme on one line. */
  compact?: boolean;
  /** The roving tabindex: -1 inside a grid cell, 0 elsewhere. */
  tabIndex?: number;
  style?: CSSProperties;
  onOpen: (entry: CalendarItem) => void;
  /** A session that can be moved is dragged to another day (or time, in the week view). */
  draggable?: boolean;
}

/** A session in a view: the group's short name in its colour, the time and the theme. */
export function SessionChip({ entry, compact = false, tabIndex, style, onOpen, draggable = false }: SessionChipProps) {
  const { t } = useTranslation();
  const label = useEntryLabel();
  const classes = ['cal-chip', compact ? 'cal-chip--compact' : null, entry.conflicts.length > 0 ? 'cal-chip--conflict' : null]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type="button"
      className={classes}
      style={{ ...colourStyle(entry), ...style }}
      tabIndex={tabIndex}
      aria-label={label(entry)}
      data-session={entry.sessionId}
      draggable={draggable}
      onDragStart={(event) => {
        event.dataTransfer.setData(sessionDragType, String(entry.sessionId));
        event.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => onOpen(entry)}
    >
      <span className="cal-chip__line">
        <span className="cal-chip__group">{entry.groupShort}</span>
        <span className="cal-chip__time">{entry.start}</span>
      </span>
      <span className="cal-chip__line">
        {entry.conflicts.length > 0 ? (
          <span className="cal-chip__mark" title={entry.conflicts.join('\n')} aria-hidden="true">
            !
          </span>
        ) : null}
        <span className="cal-chip__theme">{entry.theme ?? t('calendar.entry.sessionNumber', { number: entry.number, of: entry.of })}</span>
      </span>
      {!compact && entry.leaders.length > 0 ? <span className="cal-chip__leaders">{entry.leaders.join(' · ')}</span> : null}
    </button>
  );
}
