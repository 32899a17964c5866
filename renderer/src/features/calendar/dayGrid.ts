import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { type CalendarItem, dayAfterKey, type MoveRequest } from '../../../../shared/calendar/views.js';

/** What the month and the week are given: the sessions by day, the focused day, and what to do on a key, an opening or a drop. */
export interface DayGridViewProps {
  focusedDay: string;
  today: string;
  byDay: ReadonlyMap<string, CalendarItem[]>;
  entryById: ReadonlyMap<number, CalendarItem>;
  onFocusDay: (day: string) => void;
  onOpen: (entry: CalendarItem) => void;
  onMove: (request: MoveRequest) => void;
}

type DayGridOptions = Pick<DayGridViewProps, 'focusedDay' | 'byDay' | 'onFocusDay' | 'onOpen'>;

/**
 * The keys and clicks the month and the week share: their days are an ARIA grid with one tab stop
 * (cells carry `data-day`, sessions are `.cal-chip`). The arrows move between days, PageUp and
 * PageDown a month, Home and End to the week's ends; Enter on a day with one session opens it, with
 * several it moves into the day's sessions (the arrows go through them, Escape goes back). Focus
 * follows the focused day only after a key moved it, so a re-render never steals it.
 */
export function useDayGrid<Grid extends HTMLElement>({ focusedDay, byDay, onFocusDay, onOpen }: DayGridOptions) {
  const gridRef = useRef<Grid>(null);
  const moveFocus = useRef(false);

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    gridRef.current?.querySelector<HTMLElement>(`[data-day="${focusedDay}"]`)?.focus();
  }, [focusedDay]);

  function onKeyDown(event: KeyboardEvent<Grid>) {
    const target = event.target as HTMLElement;
    const chip = target.closest<HTMLElement>('.cal-chip');
    if (chip) {
      const day = chip.closest<HTMLElement>('[data-day]');
      const chips = [...(day?.querySelectorAll<HTMLElement>('.cal-chip') ?? [])];
      const at = chips.indexOf(chip);
      if (event.key === 'Escape') {
        event.preventDefault();
        day?.focus();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        chips[(at + (event.key === 'ArrowDown' ? 1 : chips.length - 1)) % chips.length]?.focus();
      }
      return;
    }
    const day = target.dataset.day;
    if (!day) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const entries = byDay.get(day) ?? [];
      if (entries.length === 1) onOpen(entries[0]!);
      else target.querySelector<HTMLElement>('.cal-chip')?.focus();
      return;
    }
    const next = dayAfterKey(day, event.key, event.shiftKey);
    if (next === null) return;
    event.preventDefault();
    moveFocus.current = true;
    onFocusDay(next);
  }

  /** A click on a day (not on one of its sessions) makes it the focused day. */
  function onClick(event: MouseEvent<Grid>) {
    const target = event.target as HTMLElement;
    const day = target.closest<HTMLElement>('[data-day]')?.dataset.day;
    if (day && !target.closest('.cal-chip')) onFocusDay(day);
  }

  return { gridRef, onKeyDown, onClick };
}
