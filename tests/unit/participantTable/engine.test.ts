import { describe, expect, it } from 'vitest';
import { emptyTableDefinition, type SourceParticipant, type TableAttribute, type TableDefinition } from '../../../shared/participantTable/definition.js';
import { applyRule, band, buildTable, mapToGroup, monthsBefore, parseNumber, timeBefore, uniqueColumns } from '../../../shared/participantTable/engine.js';

const attributes: TableAttribute[] = [
  { id: 1, name: 'Alder', kind: 'number', builtin: 'age', values: [] },
  { id: 2, name: 'Familiesituasjon', kind: 'text', builtin: 'familySituation', values: [] },
  { id: 3, name: 'Gruppe fullført', kind: 'date', builtin: 'groupCompleted', values: [] },
  { id: 4, name: 'Kjønn', kind: 'choice', builtin: 'gender', values: [] },
];

function person(id: number, pseudonym: string, values: Record<number, string>): SourceParticipant {
  return { id, pseudonym, values: new Map(Object.entries(values).map(([key, value]) => [Number(key), value])) };
}

describe('bands', () => {
  it('puts numbers in bands of the chosen width from the chosen start', () => {
    expect(band(30, 5, 20, 'nb')).toBe('30–34');
    expect(band(34, 5, 20, 'nb')).toBe('30–34');
    expect(band(35, 5, 20, 'nb')).toBe('35–39');
    expect(band(23, 10, 18, 'en')).toBe('18–27');
    expect(band(7, 1, 0, 'en')).toBe('7');
    expect(band(17, 5, 20, 'en')).toBe('under 20');
  });
  it('reads numbers as researchers type them, and leaves out what is not a number', () => {
    expect(parseNumber('34,5')).toBe(34.5);
    expect(parseNumber(' 41 ')).toBe(41);
    expect(parseNumber('førti')).toBeNull();
    expect(applyRule('førti', { kind: 'bands', width: 5, start: 20 }, 'number', 'nb')).toEqual({ text: '' });
    expect(applyRule('34,5', { kind: 'bands', width: 5, start: 20 }, 'number', 'nb')).toEqual({ text: '30–34' });
  });
});

describe('groups', () => {
  const groups = [{ label: 'i parforhold', values: ['samboer', 'gift'] }, { label: 'enslig', values: ['enslig', 'skilt'] }];
  it('maps values to the researcher\'s broader groups, ignoring case and spaces', () => {
    expect(mapToGroup('Samboer ', groups, '')).toBe('i parforhold');
    expect(mapToGroup('gift', groups, '')).toBe('i parforhold');
    expect(mapToGroup('skilt', groups, '')).toBe('enslig');
  });
  it('shows a value in no group as the "other" label, or as it is when there is none', () => {
    expect(mapToGroup('enkemann', groups, 'annet')).toBe('annet');
    expect(mapToGroup('enkemann', groups, '')).toBe('enkemann');
  });
});

describe('time before a reference date', () => {
  it('counts whole calendar months', () => {
    expect(monthsBefore('2025-03-15', '2026-03-15')).toBe(12);
    expect(monthsBefore('2025-03-16', '2026-03-15')).toBe(11);
  });
  it('says it coarsely, in the language of the table', () => {
    expect(timeBefore('2026-01-10', '2026-03-15', 'en')).toBe('less than half a year ago');
    expect(timeBefore('2025-03-01', '2026-03-15', 'en')).toBe('about 1 year ago');
    expect(timeBefore('2025-03-01', '2026-03-15', 'nb')).toBe('omtrent 1 år siden');
    expect(timeBefore('2023-09-01', '2026-03-15', 'nb')).toBe('2–3 år siden');
    expect(timeBefore('2023-09-01', '2026-03-15', 'en')).toBe('2–3 years ago');
    expect(timeBefore('2021-06-01', '2026-03-15', 'en')).toBe('4–5 years ago');
    expect(timeBefore('2019-01-01', '2026-03-15', 'nb')).toBe('mer enn 5 år siden');
    expect(timeBefore('2026-04-01', '2026-03-15', 'nb')).toBe('etter referansedatoen');
    expect(timeBefore('ikke en dato', '2026-03-15', 'nb')).toBe('');
  });
});

describe('uniqueness', () => {
  it('names the smallest set of columns that singles a row out', () => {
    const cells = [
      ['30–34', 'i parforhold', 'Kvinne'],
      ['30–34', 'i parforhold', 'Kvinne'],
      ['30–34', 'enslig', 'Kvinne'],
      ['30–34', 'enslig', 'Mann'],
      ['40–44', 'enslig', 'Mann'],
      ['40–44', 'enslig', 'Mann'],
    ];
    expect(uniqueColumns(cells)).toEqual([null, null, [1, 2], [0, 2], null, null]);
    // [1,2]: enslig+Kvinne is unique; single columns are not. [0,2]: 30–34+Mann is unique.
  });
  it('finds a single column when one alone is enough', () => {
    expect(uniqueColumns([['a', 'x'], ['a', 'x'], ['b', 'x']])).toEqual([null, null, [0]]);
  });
  it('flags nothing when every combination is shared', () => {
    expect(uniqueColumns([['a'], ['a']])).toEqual([null, null]);
  });
  it('falls back to the columns whose removal makes the row shared when more than three are needed', () => {
    // Row 0 is unique only on all four columns together; each of the other rows differs in one.
    const cells = [
      ['a', 'a', 'a', 'a'],
      ['b', 'a', 'a', 'a'], ['b', 'a', 'a', 'a'],
      ['a', 'b', 'a', 'a'], ['a', 'b', 'a', 'a'],
      ['a', 'a', 'b', 'a'], ['a', 'a', 'b', 'a'],
      ['a', 'a', 'a', 'b'], ['a', 'a', 'a', 'b'],
    ];
    expect(uniqueColumns(cells)[0]).toEqual([0, 1, 2, 3]);
  });
});

describe('the table', () => {
  const participants = [
    person(1, 'Deltaker 7', { 1: '31', 2: 'samboer', 3: '2025-02-01', 4: 'Kvinne' }),
    person(2, 'Deltaker 2', { 1: '33', 2: 'gift', 3: '2025-01-10', 4: 'Kvinne' }),
    person(3, 'Deltaker 3', { 1: '47', 2: 'enslig', 3: '2022-05-01', 4: 'Mann' }),
  ];
  const definition: TableDefinition = {
    ...emptyTableDefinition,
    caption: 'Deltakerne',
    columns: [
      { attributeId: 1, heading: 'Alder', rule: { kind: 'bands', width: 5, start: 20 } },
      { attributeId: 2, heading: '', rule: { kind: 'groups', groups: [{ label: 'i parforhold', values: ['samboer', 'gift'] }], otherLabel: 'annet' } },
      { attributeId: 3, heading: 'Fullført', rule: { kind: 'timeBefore', referenceDate: '2026-03-01' } },
      { attributeId: 4, heading: '', rule: { kind: 'leftOut' } },
    ],
  };

  it('labels rows anew, applies each rule and leaves out what is left out', () => {
    const table = buildTable(definition, attributes, participants, 'nb');
    expect(table.labelHeading).toBe('Deltaker');
    expect(table.columns.map((column) => column.heading)).toEqual(['Alder', 'Familiesituasjon', 'Fullført']);
    expect(table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)])).toEqual([
      ['Deltaker 1', '30–34', 'i parforhold', 'omtrent 1 år siden'],
      ['Deltaker 2', '45–49', 'annet', '4–5 år siden'],
      ['Deltaker 3', '30–34', 'i parforhold', 'omtrent 1 år siden'],
    ]);
    // Ordered by pseudonym: "Deltaker 2", "Deltaker 3", "Deltaker 7" (numeric order).
    expect(table.rows[1]!.uniqueBy).toEqual(['Alder']);
    expect(table.rows[0]!.uniqueBy).toBeNull();
    expect(JSON.stringify(table)).not.toContain('Kvinne');
  });

  it('shows the real pseudonyms only when chosen', () => {
    expect(JSON.stringify(buildTable(definition, attributes, participants, 'en'))).not.toContain('Deltaker 7');
    const shown = buildTable({ ...definition, showPseudonym: true }, attributes, participants, 'en');
    expect(shown.columns[0]!.heading).toBe('Pseudonym');
    expect(shown.rows[2]!.cells[0]!.text).toBe('Deltaker 7');
    expect(shown.rows[2]!.label).toBe('Participant 3');
  });

  it('orders by an attribute, numbers as numbers, empty values last', () => {
    const more = [...participants, person(4, 'Deltaker 1', { 1: '9' }), person(5, 'Deltaker 9', {})];
    const table = buildTable({ ...definition, showPseudonym: true, order: 'attribute', orderAttributeId: 1 }, attributes, more, 'nb');
    expect(table.rows.map((row) => row.cells[0]!.text)).toEqual(['Deltaker 1', 'Deltaker 7', 'Deltaker 2', 'Deltaker 3', 'Deltaker 9']);
  });

  it('keeps a shuffled order for the same seed and changes it with a new one', () => {
    const many = Array.from({ length: 30 }, (_, index) => person(index + 1, `P${index + 1}`, {}));
    const order = (seed: string) =>
      buildTable({ ...definition, showPseudonym: true, order: 'shuffled', shuffleSeed: seed }, attributes, many, 'nb').rows.map((row) => row.cells[0]!.text);
    expect(order('abc')).toEqual(order('abc'));
    expect(order('abc')).not.toEqual(order('def'));
    expect(order('abc')).not.toEqual(many.map((participant) => participant.pseudonym));
  });

  it('keeps numbers and dates typed when shown as they are', () => {
    expect(applyRule('34', { kind: 'asIs' }, 'number', 'nb')).toEqual({ text: '34', number: 34 });
    expect(applyRule('2025-01-10', { kind: 'asIs' }, 'date', 'nb')).toEqual({ text: '2025-01-10', date: '2025-01-10' });
    expect(applyRule('gift', { kind: 'asIs' }, 'text', 'nb')).toEqual({ text: 'gift' });
  });
});

describe('uniqueness in a wide table, checked against brute force', () => {
  /** A small deterministic generator, so the test is the same on every run. */
  function random(seed: number) {
    let state = seed;
    return () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
  }
  const countOn = (cells: string[][], row: number, columns: number[]) =>
    cells.filter((other) => columns.every((column) => other[column] === cells[row]![column])).length;

  it.each([6, 18])('with %i columns, every flagged row is unique on the named columns, and no smaller set is', (width) => {
    const next = random(width);
    const cells = Array.from({ length: 120 }, () => Array.from({ length: width }, (_, column) => `v${Math.floor(next() * (2 + (column % 3)))}`));
    const result = uniqueColumns(cells);
    const all = Array.from({ length: width }, (_, column) => column);
    let flagged = 0;
    result.forEach((columns, row) => {
      const uniqueInAll = countOn(cells, row, all) === 1;
      expect(columns !== null, `row ${row}`).toBe(uniqueInAll);
      if (!columns) return;
      flagged += 1;
      if (columns.length <= 3 && countOn(cells, row, columns) === 1) {
        // The smallest set: no single column (nor pair, when three are named) does it alone.
        for (const column of columns) expect(countOn(cells, row, [column])).toBeGreaterThan(1);
        if (columns.length === 3) {
          for (const left of columns) for (const right of columns) if (left < right) expect(countOn(cells, row, [left, right])).toBeGreaterThan(1);
        }
      } else {
        // The fallback: each named column is one whose removal makes the row shared (or all of them).
        const critical = all.filter((column) => countOn(cells, row, all.filter((other) => other !== column)) > 1);
        expect(columns).toEqual(critical.length > 0 ? critical : all);
      }
    });
    expect(flagged).toBeGreaterThan(0);
  });
});
