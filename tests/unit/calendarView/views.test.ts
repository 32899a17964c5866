import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../../shared/calendar/contract.js';
import { colourAt, contrast, groupPalette } from '../../../shared/calendar/palette.js';
import {
  addMonths,
  dayAfterKey,
  entriesByDay,
  hoursToShow,
  inOslo,
  isDay,
  isoWeek,
  itemFrom,
  monthWeeks,
  osloToday,
  placeInLanes,
  shortNameOf,
  weekDays,
} from '../../../shared/calendar/views.js';

describe('the month and week grids', () => {
  it('a month shows whole weeks from Monday, each day once, across the change to summer time', () => {
    const march = monthWeeks('2027-03');
    // 1 March 2027 is a Monday; the 28th is the night the clocks go forward.
    expect(march[0]![0]).toBe('2027-03-01');
    expect(march.at(-1)![6]).toBe('2027-04-04');
    const days = march.flat();
    expect(new Set(days).size).toBe(days.length);
    expect(days.filter((day) => day === '2027-03-28')).toHaveLength(1);
    expect(days).toContain('2027-03-29');

    // A month that starts on a Sunday needs six rows.
    const august = monthWeeks('2027-08');
    expect(august).toHaveLength(6);
    expect(august[0]![0]).toBe('2027-07-26');
    expect(august[0]![6]).toBe('2027-08-01');
    // February 2027 starts on a Monday and has 28 days: exactly four rows.
    expect(monthWeeks('2027-02')).toHaveLength(4);
  });

  it('the autumn change keeps every day of October once', () => {
    const october = monthWeeks('2027-10').flat();
    expect(october.filter((day) => day.startsWith('2027-10'))).toHaveLength(31);
    expect(october.filter((day) => day === '2027-10-31')).toHaveLength(1);
  });

  it('a week runs Monday to Sunday and carries the ISO week number', () => {
    expect(weekDays('2027-05-17')).toEqual(['2027-05-17', '2027-05-18', '2027-05-19', '2027-05-20', '2027-05-21', '2027-05-22', '2027-05-23']);
    expect(weekDays('2027-05-23')[0]).toBe('2027-05-17');
    expect(isoWeek('2027-05-17')).toBe(20);
    // 1 January 2027 is a Friday, in week 53 of 2026.
    expect(isoWeek('2027-01-01')).toBe(53);
    expect(isoWeek('2027-01-04')).toBe(1);
  });

  it('a month later keeps the day, or the last day of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-03-15', -3)).toBe('2026-12-15');
    expect(addMonths('2027-03-15', 12)).toBe('2028-03-15');
  });

  it('checks dates strictly', () => {
    expect(isDay('2027-02-28')).toBe(true);
    expect(isDay('2027-02-29')).toBe(false);
    expect(isDay('2027-2-28')).toBe(false);
    expect(isDay('')).toBe(false);
  });
});

describe('Oslo time, whatever the machine says', () => {
  it('knows the day and time in Oslo on both sides of the summer-time changes', () => {
    // 28 March 2027: 02:00 becomes 03:00 (01:00 UTC).
    expect(inOslo(new Date('2027-03-28T00:30:00Z'))).toEqual({ day: '2027-03-28', time: '01:30' });
    expect(inOslo(new Date('2027-03-28T01:30:00Z'))).toEqual({ day: '2027-03-28', time: '03:30' });
    // 31 October 2027: 03:00 becomes 02:00 (01:00 UTC); 02:30 happens twice.
    expect(inOslo(new Date('2027-10-31T00:30:00Z'))).toEqual({ day: '2027-10-31', time: '02:30' });
    expect(inOslo(new Date('2027-10-31T01:30:00Z'))).toEqual({ day: '2027-10-31', time: '02:30' });
  });

  it('today is Oslo’s day: late on New Year’s Eve in UTC is already the new year', () => {
    expect(osloToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(osloToday(new Date('2027-06-30T21:59:00Z'))).toBe('2027-06-30');
    expect(osloToday(new Date('2027-06-30T22:00:00Z'))).toBe('2027-07-01');
  });
});

describe('the keyboard in the grid', () => {
  it('moves a day, a week, a month and a year as the WAI-ARIA date grid does', () => {
    expect(dayAfterKey('2027-03-31', 'ArrowRight')).toBe('2027-04-01');
    expect(dayAfterKey('2027-03-01', 'ArrowLeft')).toBe('2027-02-28');
    expect(dayAfterKey('2027-03-03', 'ArrowUp')).toBe('2027-02-24');
    expect(dayAfterKey('2027-03-29', 'ArrowDown')).toBe('2027-04-05');
    expect(dayAfterKey('2027-03-31', 'PageDown')).toBe('2027-04-30');
    expect(dayAfterKey('2027-03-31', 'PageUp')).toBe('2027-02-28');
    expect(dayAfterKey('2027-03-31', 'PageUp', true)).toBe('2026-03-31');
    expect(dayAfterKey('2027-03-31', 'PageDown', true)).toBe('2028-03-31');
    // Wednesday 17 March 2027: its week runs from Monday the 15th to Sunday the 21st.
    expect(dayAfterKey('2027-03-17', 'Home')).toBe('2027-03-15');
    expect(dayAfterKey('2027-03-17', 'End')).toBe('2027-03-21');
  });

  it('leaves other keys to the page', () => {
    expect(dayAfterKey('2027-03-17', 'Enter')).toBeNull();
    expect(dayAfterKey('2027-03-17', 'Tab')).toBeNull();
    expect(dayAfterKey('2027-03-17', 'a')).toBeNull();
  });
});

describe('sessions side by side in the week', () => {
  it('gives overlapping sessions their own columns and lets the next free column be reused', () => {
    const placed = placeInLanes([
      { id: 'a', start: '10:00', end: '12:00' },
      { id: 'b', start: '11:00', end: '13:00' },
      { id: 'c', start: '12:00', end: '14:00' },
      { id: 'd', start: '15:00', end: '16:00' },
    ]);
    const by = Object.fromEntries(placed.map((place) => [place.item.id, { lane: place.lane, lanes: place.lanes }]));
    expect(by.a).toEqual({ lane: 0, lanes: 2 });
    expect(by.b).toEqual({ lane: 1, lanes: 2 });
    // c starts when a ends: it takes a's column.
    expect(by.c).toEqual({ lane: 0, lanes: 2 });
    // d overlaps nothing: the whole width.
    expect(by.d).toEqual({ lane: 0, lanes: 1 });
  });

  it('shows office hours, widened to an early or late session', () => {
    expect(hoursToShow([])).toEqual({ first: 8, last: 20 });
    expect(hoursToShow([{ start: '07:30', end: '09:00' }, { start: '19:00', end: '21:15' }])).toEqual({ first: 7, last: 22 });
  });
});

describe('group colours and short names', () => {
  it('every colour is calm and readable: ink 7:1 on its tint and on white, text 12:1 on the tint', () => {
    for (const colour of groupPalette) {
      expect(contrast(colour.ink, colour.tint)).toBeGreaterThanOrEqual(7);
      expect(contrast(colour.ink, '#ffffff')).toBeGreaterThanOrEqual(7);
      expect(contrast('#1c2127', colour.tint)).toBeGreaterThanOrEqual(12);
    }
    expect(new Set(groupPalette.map((colour) => colour.ink)).size).toBe(groupPalette.length);
  });

  it('a group keeps its colour, and more groups than colours wrap around', () => {
    expect(colourAt(0)).toBe(groupPalette[0]);
    expect(colourAt(groupPalette.length + 2)).toBe(groupPalette[2]);
    expect(colourAt(-1)).toBe(groupPalette.at(-1));
  });

  it('a short name is the name when short, else its initials and number', () => {
    expect(shortNameOf('RS-A')).toBe('RS-A');
    expect(shortNameOf('reSTART Fjordvik 2')).toBe('RF 2');
    expect(shortNameOf('Refleksjonsgruppe palliasjon høst 2027')).toBe('RPH 2027');
    expect(shortNameOf('  Vår  ')).toBe('Vår');
  });
});

describe('what the views draw', () => {
  const entry = (id: number, startsAt: string, extra: Partial<CalendarEntry> = {}): CalendarEntry => ({
    id,
    groupId: 3,
    number: id,
    startsAt,
    endsAt: `${startsAt.slice(0, 11)}${String(Number(startsAt.slice(11, 13)) + 2).padStart(2, '0')}:00`,
    minutes: 120,
    room: '',
    themeKey: 'values',
    theme: { en: 'Values', nb: 'Verdier' },
    themeNotes: '',
    conflicts: [],
    attendance: { recorded: 0, present: 0 },
    hasLog: false,
    groupName: 'reSTART Fjordvik 2',
    colour: 12,
    leaders: { professional: 'Kari Fagerli', peer: '' },
    groupRoom: 'Møterom 2',
    sessionCount: 16,
    ...extra,
  });

  it('an item carries the group’s short name and colour, Oslo’s day and times, theme, leaders, room and conflicts in words', () => {
    const item = itemFrom(
      entry(4, '2027-03-29T10:00', { conflicts: [{ kind: 'holiday', date: '2027-03-29', holiday: { en: 'Easter Monday', nb: '2. påskedag' } }] }),
      { conflict: (conflict) => (conflict.kind === 'holiday' ? `Holiday: ${conflict.holiday.en}` : conflict.kind), bilingual: (text) => text.nb },
    );
    expect(item).toMatchObject({
      sessionId: 4,
      groupShort: 'RF 2',
      colour: groupPalette[2],
      day: '2027-03-29',
      start: '10:00',
      end: '12:00',
      number: 4,
      of: 16,
      theme: 'Verdier',
      // A session without a room of its own is in the group's room; an empty peer leader is left out.
      room: 'Møterom 2',
      leaders: ['Kari Fagerli'],
      conflicts: ['Holiday: Easter Monday'],
    });
  });

  it('groups the items by day in order of time', () => {
    const texts = { conflict: () => '', bilingual: (text: { en: string }) => text.en };
    const items = [entry(1, '2027-03-02T14:00'), entry(2, '2027-03-02T09:00'), entry(3, '2027-03-04T10:00')].map((each) => itemFrom(each, texts));
    const byDay = entriesByDay(items);
    expect([...byDay.keys()].sort()).toEqual(['2027-03-02', '2027-03-04']);
    expect(byDay.get('2027-03-02')!.map((item) => item.start)).toEqual(['09:00', '14:00']);
  });
});
