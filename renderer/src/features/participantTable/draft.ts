import type { ColumnRule, TableAttribute, TableDefinition } from '../../../../shared/participantTable/definition.js';

export type RuleKind = ColumnRule['kind'];

/** What the form holds for one attribute, as typed (numbers as text until saved). */
export interface ColumnDraft {
  attributeId: number;
  heading: string;
  rule: RuleKind;
  width: string;
  start: string;
  groups: string;
  otherLabel: string;
  referenceDate: string;
}

export interface TableDraft {
  caption: string;
  columns: ColumnDraft[];
  showPseudonym: boolean;
  order: TableDefinition['order'];
  orderAttributeId: number | null;
  shuffleSeed: string;
}

function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * "i parforhold: samboer; gift" per line ⇄ the groups of a rule. Values are separated by semicolons,
 * since the values themselves often hold commas ("Samboer, ett barn").
 */
export function groupsToText(groups: { label: string; values: string[] }[]): string {
  return groups.map((group) => `${group.label}: ${group.values.join('; ')}`).join('\n');
}

export function textToGroups(text: string): { label: string; values: string[] }[] {
  return text
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':');
      const label = (colon >= 0 ? line.slice(0, colon) : line).trim();
      const values = colon >= 0 ? line.slice(colon + 1).split(';').map((value) => value.trim()).filter(Boolean) : [];
      return { label, values };
    })
    .filter((group) => group.label !== '');
}

/** The saved definition as a form: every attribute has a row, those not in the table left out. */
export function toDraft(definition: TableDefinition, attributes: readonly TableAttribute[]): TableDraft {
  const known = new Set(attributes.map((attribute) => attribute.id));
  const chosen = definition.columns.filter((column) => known.has(column.attributeId));
  const rest = attributes.filter((attribute) => !chosen.some((column) => column.attributeId === attribute.id));
  const columns: ColumnDraft[] = [
    ...chosen.map((column) => ({
      attributeId: column.attributeId,
      heading: column.heading,
      rule: column.rule.kind,
      width: column.rule.kind === 'bands' ? String(column.rule.width) : '5',
      start: column.rule.kind === 'bands' ? String(column.rule.start) : '20',
      groups: column.rule.kind === 'groups' ? groupsToText(column.rule.groups) : '',
      otherLabel: column.rule.kind === 'groups' ? column.rule.otherLabel : '',
      referenceDate: column.rule.kind === 'timeBefore' ? column.rule.referenceDate : today(),
    })),
    ...rest.map((attribute) => ({
      attributeId: attribute.id,
      heading: '',
      rule: 'leftOut' as const,
      width: '5',
      start: attribute.builtin === 'age' ? '20' : '0',
      groups: '',
      otherLabel: '',
      referenceDate: today(),
    })),
  ];
  return {
    caption: definition.caption,
    columns,
    showPseudonym: definition.showPseudonym,
    order: definition.order,
    orderAttributeId: definition.orderAttributeId,
    shuffleSeed: definition.shuffleSeed,
  };
}

export interface DraftProblems {
  /** attribute id → which field is wrong */
  [attributeId: number]: 'band' | 'date';
}

export function draftProblems(draft: TableDraft): DraftProblems {
  const problems: DraftProblems = {};
  for (const column of draft.columns) {
    if (column.rule === 'bands') {
      const width = Number(column.width);
      const start = Number(column.start);
      if (!/^\d+$/.test(column.width.trim()) || width < 1 || width > 1000 || !/^-?\d+$/.test(column.start.trim()) || Math.abs(start) > 100000)
        problems[column.attributeId] = 'band';
    }
    if (column.rule === 'timeBefore' && !/^\d{4}-\d{2}-\d{2}$/.test(column.referenceDate)) problems[column.attributeId] = 'date';
  }
  return problems;
}

function ruleOf(column: ColumnDraft): ColumnRule {
  switch (column.rule) {
    case 'asIs':
      return { kind: 'asIs' };
    case 'bands':
      return { kind: 'bands', width: Number(column.width), start: Number(column.start) };
    case 'groups':
      return { kind: 'groups', groups: textToGroups(column.groups), otherLabel: column.otherLabel.trim() };
    case 'timeBefore':
      return { kind: 'timeBefore', referenceDate: column.referenceDate };
    case 'leftOut':
      return { kind: 'leftOut' };
  }
}

/** The form as a definition (call only when `draftProblems` finds none). */
export function fromDraft(draft: TableDraft): TableDefinition {
  return {
    caption: draft.caption,
    // Left-out columns are kept too, so their settings and place survive a round trip.
    columns: draft.columns.map((column) => ({ attributeId: column.attributeId, heading: column.heading, rule: ruleOf(column) })),
    showPseudonym: draft.showPseudonym,
    order: draft.order,
    orderAttributeId: draft.order === 'attribute' ? draft.orderAttributeId : null,
    shuffleSeed: draft.shuffleSeed,
  };
}
