import { randomUUID } from 'node:crypto';
import { GroundworkError } from '../../../shared/contract/errors.js';
import type { ImportCounts, NotHeld, NotHeldKind } from '../../../shared/exchange/contract.js';
import { checkAttributeValue, nextPseudonym, type AttributeKind } from '../../../shared/participants/attributes.js';
import { parseTimestamp, SpeakerMap, speakerFromName, splitSpeakerPrefix, type Speaker } from '../../../shared/transcripts/lines.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyWriter } from '../db/connection.js';
import { newLineId } from '../transcripts/transcripts.js';
import { levelSetNames } from './exportProject.js';
import { CharIndex, type QdaCode, type QdaProject, type QdaSelection, type QdaSet, type VariableType } from './qde.js';

/**
 * Writes a read project (readProject.ts) into a study, in the caller's one transaction. The rules
 * for the code tree are in README.md ("Import").
 */

/** A line is at most this long (the editor's limit); a longer paragraph is broken at a space. */
const maxLineChars = 20_000;
const maxNameChars = 200;

class Report {
  private readonly items = new Map<string, NotHeld>();

  constructor(initial: readonly NotHeld[]) {
    for (const item of initial) this.items.set(`${item.kind}\u0000${item.name}`, { ...item });
  }

  add(kind: NotHeldKind, name: string, count = 1): void {
    const key = `${kind}\u0000${name}`;
    const item = this.items.get(key);
    if (item) item.count += count;
    else this.items.set(key, { kind, name, count });
  }

  list(): NotHeld[] {
    return [...this.items.values()];
  }
}

// ── The code tree ───────────────────────────────────────────────────────────────────────────

export interface PlannedNode {
  code: QdaCode;
  kind: 'category' | 'code';
  level: 'initial' | 'focused';
  /** The nearest category above it. */
  categoryGuid: string | null;
  /** For an initial code under a focused code: that code. */
  subsumedBy: string | null;
  children: PlannedNode[];
}

/** The level each code has by the file's sets "Initial codes" / "Focused codes" (either language). */
export function levelsFromSets(sets: readonly QdaSet[], report: Report | null): Map<string, 'initial' | 'focused'> {
  const levels = new Map<string, 'initial' | 'focused'>();
  const names = {
    initial: Object.values(levelSetNames.initial).map((name) => name.toLowerCase()),
    focused: Object.values(levelSetNames.focused).map((name) => name.toLowerCase()),
  };
  for (const set of sets) {
    const name = set.name.toLowerCase();
    const level = names.initial.includes(name) ? 'initial' : names.focused.includes(name) ? 'focused' : null;
    if (!level) {
      report?.add('set', set.name);
      continue;
    }
    for (const member of set.memberCodes) levels.set(member, level);
  }
  return levels;
}

/**
 * A code becomes a category when nothing is coded with it, it is not in a level set, and it has
 * codes beneath it or cannot be coded (`isCodable="false"`). Every other code stays a code:
 * focused when it is directly under a category or has codes beneath it, initial otherwise (the
 * level sets, when the file has them, decide instead). An initial code directly under a focused
 * code is subsumed by it. A focused code under another code is placed beside it (in its category).
 */
export function planCodes(roots: readonly QdaCode[], coded: ReadonlySet<string>, levels: ReadonlyMap<string, 'initial' | 'focused'>, report: Report | null): PlannedNode[] {
  const isCategory = (code: QdaCode) => !coded.has(code.guid) && !levels.has(code.guid) && (code.children.length > 0 || !code.isCodable);
  const walk = (code: QdaCode, parent: PlannedNode | null, categoryGuid: string | null): PlannedNode => {
    if (isCategory(code)) {
      const node: PlannedNode = { code, kind: 'category', level: 'focused', categoryGuid, subsumedBy: null, children: [] };
      node.children = code.children.map((each) => walk(each, node, code.guid));
      return node;
    }
    const hasCodeChildren = code.children.some((each) => !isCategory(each));
    const level = levels.get(code.guid) ?? (hasCodeChildren || parent?.kind === 'category' ? 'focused' : 'initial');
    let subsumedBy: string | null = null;
    if (parent?.kind === 'code') {
      if (level === 'initial' && parent.level === 'focused') subsumedBy = parent.code.guid;
      else report?.add('codeFlattened', code.name);
    }
    const node: PlannedNode = { code, kind: 'code', level, categoryGuid, subsumedBy, children: [] };
    node.children = code.children.map((each) => walk(each, node, categoryGuid));
    return node;
  };
  return roots.map((code) => walk(code, null, null));
}

function* nodesOf(nodes: readonly PlannedNode[]): Generator<PlannedNode> {
  for (const node of nodes) {
    yield node;
    yield* nodesOf(node.children);
  }
}

const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

interface StoredCodes {
  codeIds: Map<string, number>;
  categoryIds: Map<string, number>;
  added: number;
  merged: number;
  categories: number;
}

/** Names already used, per level, compared as SQLite's NOCASE does (ASCII letters only). */
function nocase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * Stores the planned tree. `merge`: a code whose name is already used at its level becomes that
 * code (a codebook added to a study); otherwise it gets a free name, " (2)" and so on, and is listed.
 */
export function storeCodes(writer: StudyWriter, plan: readonly PlannedNode[], report: Report, merge: boolean, at: string): StoredCodes {
  const taken = new Map<string, Map<string, number>>([
    ['initial', new Map()],
    ['focused', new Map()],
  ]);
  for (const row of writer.query<{ id: number; level: 'initial' | 'focused'; name: string }>('SELECT id, level, name FROM code').all()) {
    taken.get(row.level)!.set(nocase(row.name), row.id);
  }
  const usedGuids = new Set(writer.query<{ guid: string }>('SELECT guid FROM code UNION ALL SELECT guid FROM category').all().map((row) => row.guid));
  const freshGuid = (guid: string) => {
    const chosen = usedGuids.has(guid) ? randomUUID() : guid;
    usedGuids.add(chosen);
    return chosen;
  };
  const positions = new Map<string, number>();
  const nextPosition = (key: string) => {
    const position = positions.get(key) ?? 0;
    positions.set(key, position + 1);
    return position;
  };
  const insertCategory = writer.statement('INSERT INTO category (guid, parent_id, name, position, colour, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertCode = writer.statement(
    'INSERT INTO code (guid, level, name, colour, definition, category_id, category_position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertHistory = writer.statement("INSERT INTO code_history (code_id, kind, detail, at) VALUES (?, 'created', '{}', ?)");
  const insertSubsumes = writer.statement('INSERT OR IGNORE INTO code_subsumes (focused_code_id, initial_code_id) VALUES (?, ?)');
  const result: StoredCodes = { codeIds: new Map(), categoryIds: new Map(), added: 0, merged: 0, categories: 0 };
  let colourIndex = 0;
  const colourOf = (code: QdaCode) => code.color ?? palette[colourIndex++ % palette.length]!;

  for (const node of nodesOf(plan)) {
    const name = (node.code.name || '–').slice(0, maxNameChars);
    const categoryId = node.categoryGuid === null ? null : (result.categoryIds.get(node.categoryGuid) ?? null);
    if (node.kind === 'category') {
      const id = Number(
        insertCategory.run(freshGuid(node.code.guid), categoryId, name, nextPosition(`category:${categoryId}`), colourOf(node.code), at, at).lastInsertRowid,
      );
      result.categoryIds.set(node.code.guid, id);
      result.categories += 1;
      continue;
    }
    const names = taken.get(node.level)!;
    const existing = names.get(nocase(name));
    if (existing !== undefined && merge) {
      result.codeIds.set(node.code.guid, existing);
      result.merged += 1;
    } else {
      let unique = name;
      for (let number = 2; names.has(nocase(unique)); number += 1) unique = `${name.slice(0, maxNameChars - 8)} (${number})`;
      if (unique !== name) report.add('codeRenamed', name);
      const placed = node.level === 'focused' || node.subsumedBy === null ? categoryId : null;
      const id = Number(
        insertCode.run(
          freshGuid(node.code.guid),
          node.level,
          unique,
          colourOf(node.code),
          node.code.description,
          placed,
          placed === null ? 0 : nextPosition(`code:${placed}`),
          at,
          at,
        ).lastInsertRowid,
      );
      insertHistory.run(id, at);
      names.set(nocase(unique), id);
      result.codeIds.set(node.code.guid, id);
      result.added += 1;
    }
    if (node.subsumedBy !== null) {
      const focused = result.codeIds.get(node.subsumedBy);
      const initial = result.codeIds.get(node.code.guid)!;
      if (focused !== undefined && focused !== initial) insertSubsumes.run(focused, initial);
    }
  }
  return result;
}

// ── Texts as lines ──────────────────────────────────────────────────────────────────────────

interface PlacedLine {
  id: string;
  /** UTF-16 start and end of the line's text in the source text. */
  start: number;
  end: number;
  speaker: Speaker;
  timestampMs: number | null;
}

const leadingTime = /^\s*[[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[\])]?(?=\s)/;

/**
 * One line per paragraph (blank paragraphs are left out), the text kept exactly as it is, unless a
 * time or a speaker says a new turn begins inside it (see `turns`); a paragraph longer than a line
 * may be is broken at a space. A leading time (`[00:01:02]`) gives
 * the line its time, a leading "Name:" its speaker (the name is used only to tell speakers apart).
 */
export function linesOf(text: string): PlacedLine[] {
  const lines: PlacedLine[] = [];
  const speakers = new SpeakerMap();
  let speaker: Speaker = 'participant';
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  // Within a paragraph, a new turn begins at a time (`[00:01:02]`) after a space, or at a role's
  // name ("I:", "Intervjuer:", "D2:") after the end of a sentence.
  const turns = /\s+(?=[[(](?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[\])]\s)|(?<=[.?!…»"”])\s+(?=([\p{L}]{1,12}(?:[\s_-]?\d{1,3})?):\s)/gu;
  const paragraph = (from: number, to: number) => {
    const content = text.slice(from, to);
    let begin = 0;
    for (const match of content.matchAll(turns)) {
      if (match[1] !== undefined && speakerFromName(match[1]) === null) continue;
      if (match.index === 0) continue;
      turn(from + begin, from + match.index);
      begin = match.index + match[0].length;
    }
    turn(from + begin, to);
  };
  const turn = (from: number, to: number) => {
    const content = text.slice(from, to);
    if (content.trim() === '') return;
    const time = leadingTime.exec(content);
    const timestampMs = time ? parseTimestamp(time[0]) : null;
    const rest = time ? content.slice(time[0].length) : content;
    const prefix = splitSpeakerPrefix(rest);
    if (prefix) speaker = speakers.speakerOf(prefix.name);
    let at = from;
    while (to - at > maxLineChars) {
      let cut = text.lastIndexOf(' ', at + maxLineChars);
      if (cut <= at) cut = at + maxLineChars;
      else cut += 1;
      lines.push({ id: newLineId(), start: at, end: cut, speaker, timestampMs: at === from ? timestampMs : null });
      at = cut;
    }
    lines.push({ id: newLineId(), start: at, end: to, speaker, timestampMs: at === from ? timestampMs : null });
  };
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    paragraph(start, match.index);
    start = match.index + match[0].length;
  }
  paragraph(start, text.length);
  return lines;
}

/** Maps character positions of a source's text to (line, offset) anchors. */
export class PositionMap {
  private readonly index: CharIndex;

  constructor(
    text: string,
    private readonly lines: readonly PlacedLine[],
  ) {
    this.index = new CharIndex(text);
  }

  get length(): number {
    return this.index.length;
  }

  /** The line holding UTF-16 index `unit`, or the last line starting before it. */
  private lineAt(unit: number): number {
    let low = 0;
    let high = this.lines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lines[middle]!.start <= unit) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /**
   * A selection's anchors. A start in a line break or a blank paragraph moves to the next line's
   * start, an end there to the previous line's end. Null when nothing of a line is left in it.
   */
  anchor(start: number, end: number): { startLineId: string; startOffset: number; endLineId: string; endOffset: number } | null {
    if (this.lines.length === 0 || start < 0 || end > this.index.length || end <= start) return null;
    const from = this.index.toUnits(start);
    const to = this.index.toUnits(end);
    let first = this.lineAt(from);
    let startOffset = from - this.lines[first]!.start;
    if (startOffset < 0) startOffset = 0;
    if (from >= this.lines[first]!.end && first + 1 < this.lines.length && from > this.lines[first]!.start) {
      first += 1;
      startOffset = 0;
    }
    let last = this.lineAt(to - 1);
    let endOffset = Math.min(to, this.lines[last]!.end) - this.lines[last]!.start;
    if (to <= this.lines[last]!.start) endOffset = 0;
    if (endOffset <= 0 && last > first) {
      last -= 1;
      endOffset = this.lines[last]!.end - this.lines[last]!.start;
    }
    if (last < first || (last === first && endOffset <= startOffset)) return null;
    return { startLineId: this.lines[first]!.id, startOffset, endLineId: this.lines[last]!.id, endOffset };
  }
}

// ── Participants and attributes ─────────────────────────────────────────────────────────────

function attributeKind(type: VariableType): AttributeKind {
  if (type === 'Integer' || type === 'Float') return 'number';
  if (type === 'Date') return 'date';
  return 'text';
}

/** Oslo's wall-clock time, `YYYY-MM-DDTHH:MM`, of an instant. */
function osloTime(iso: string | null, fallback: Date): string {
  const date = iso ? new Date(iso) : fallback;
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return parts.replace(' ', 'T').slice(0, 16);
}

function memoBody(text: string): string {
  const paragraphs = text.split(/\r\n|\r|\n/);
  const kept = paragraphs.length > 4000 ? [...paragraphs.slice(0, 3999), paragraphs.slice(3999).join(' ')] : paragraphs;
  return JSON.stringify({
    type: 'doc',
    content: kept.map((paragraph) => (paragraph === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: paragraph }] })),
  });
}

export interface ImportProgressSink {
  (done: number, total: number): void;
}

/** Fills a new study with a read project, in the caller's transaction. */
export function storeProject(
  writer: StudyWriter,
  project: QdaProject,
  initialNotHeld: readonly NotHeld[],
  progress: ImportProgressSink = () => {},
  now = new Date(),
): { counts: ImportCounts; notHeld: NotHeld[] } {
  const at = now.toISOString();
  const report = new Report(initialNotHeld);

  // Codes.
  const coded = new Set<string>();
  for (const source of project.sources) {
    for (const selection of source.selections) for (const coding of selection.codings) coded.add(coding.codeGuid);
    for (const coding of source.codings) coded.add(coding.codeGuid);
  }
  const levels = levelsFromSets(project.sets, report);
  const plan = planCodes(project.codes, coded, levels, report);
  const stored = storeCodes(writer, plan, report, false, at);

  // Attributes from variables.
  const attributes = new Map<string, { id: number; kind: AttributeKind }>();
  const existingAttributes = writer.query<{ id: number; name: string; kind: AttributeKind }>('SELECT id, name, kind FROM attribute').all();
  let attributePosition = (writer.query<{ position: number | null }>('SELECT max(position) AS position FROM attribute').get()?.position ?? -1) + 1;
  let attributesMade = 0;
  for (const variable of project.variables) {
    const kind = attributeKind(variable.type);
    const name = (variable.name || '–').slice(0, maxNameChars);
    const same = existingAttributes.find((each) => each.name.toLocaleLowerCase('nb') === name.toLocaleLowerCase('nb'));
    if (same && same.kind === kind) {
      attributes.set(variable.guid, { id: same.id, kind });
      continue;
    }
    let unique = name;
    for (let number = 2; existingAttributes.some((each) => each.name.toLocaleLowerCase('nb') === unique.toLocaleLowerCase('nb')); number += 1) unique = `${name} (${number})`;
    const id = Number(writer.statement('INSERT INTO attribute (name, kind, choices, position) VALUES (?, ?, ?, ?)').run(unique, kind, '[]', attributePosition++).lastInsertRowid);
    existingAttributes.push({ id, name: unique, kind });
    attributes.set(variable.guid, { id, kind });
    attributesMade += 1;
  }

  // Participants from cases; a source in no case gets a participant of its own.
  const pseudonyms = writer.query<{ pseudonym: string }>('SELECT pseudonym FROM participant').all().map((row) => row.pseudonym);
  const insertParticipant = writer.statement("INSERT INTO participant (pseudonym, status, interviewed_on, created_at) VALUES (?, 'interviewed', ?, ?)");
  const insertValue = writer.statement('INSERT OR REPLACE INTO attribute_value (participant_id, attribute_id, value) VALUES (?, ?, ?)');
  const addParticipant = (wanted: string): number => {
    let pseudonym = wanted.trim().slice(0, maxNameChars) || nextPseudonym(pseudonyms);
    if (pseudonyms.some((taken) => taken.toLocaleLowerCase('nb') === pseudonym.toLocaleLowerCase('nb'))) {
      report.add('caseRenamed', pseudonym);
      const base = pseudonym;
      for (let number = 2; pseudonyms.some((taken) => taken.toLocaleLowerCase('nb') === pseudonym.toLocaleLowerCase('nb')); number += 1) pseudonym = `${base} (${number})`;
    }
    pseudonyms.push(pseudonym);
    return Number(insertParticipant.run(pseudonym, at.slice(0, 10), at).lastInsertRowid);
  };
  const participantOfSource = new Map<string, number>();
  let participants = 0;
  for (const each of project.cases) {
    const id = addParticipant(each.name);
    participants += 1;
    for (const value of each.values) {
      const attribute = attributes.get(value.variableGuid);
      if (!attribute) continue;
      const checked = checkAttributeValue(attribute.kind, [], value.value);
      if (!checked.ok) {
        report.add('variableValue', each.name);
        continue;
      }
      if (checked.value !== '') insertValue.run(id, attribute.id, checked.value);
    }
    for (const source of each.sourceGuids) if (!participantOfSource.has(source)) participantOfSource.set(source, id);
  }

  // Transcripts, codings and memos about passages.
  const insertInterview = writer.statement("INSERT INTO interview (participant_id, held_at, setting, created_at) VALUES (?, ?, 'other', ?)");
  const insertTranscript = writer.statement("INSERT INTO transcript (interview_id, title, state, source, created_at, updated_at) VALUES (?, ?, 'raw', 'txt', ?, ?)");
  const insertLine = writer.statement('INSERT INTO transcript_line (id, transcript_id, position, speaker, timestamp_ms, text) VALUES (?, ?, ?, ?, ?, ?)');
  const insertCoding = writer.statement(
    'INSERT INTO coding (guid, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const usedCodingGuids = new Set<string>();
  const codingGuid = (guid: string) => {
    const chosen = usedCodingGuids.has(guid) ? randomUUID() : guid;
    usedCodingGuids.add(chosen);
    return chosen;
  };
  const noteTargets = new Map<string, { kind: 'code'; id: number } | { kind: 'category'; id: number } | { kind: 'passage'; transcriptId: number; anchor: NonNullable<ReturnType<PositionMap['anchor']>> }>();
  const aim = (noteGuid: string, target: Parameters<typeof noteTargets.set>[1], name: string) => {
    if (noteTargets.has(noteGuid)) report.add('noteMoreRefs', name);
    else noteTargets.set(noteGuid, target);
  };

  const total = project.sources.reduce((sum, source) => sum + source.selections.length + 1, 0);
  let done = 0;
  let codings = 0;
  let transcripts = 0;
  for (const source of project.sources) {
    let participantId = participantOfSource.get(source.guid);
    if (participantId === undefined) {
      participantId = addParticipant('');
      participants += 1;
    }
    const interviewId = Number(insertInterview.run(participantId, osloTime(source.creationDateTime, now), at).lastInsertRowid);
    const transcriptId = Number(insertTranscript.run(interviewId, source.name.slice(0, 200), at, at).lastInsertRowid);
    transcripts += 1;
    const lines = linesOf(source.text);
    if (lines.length === 0) lines.push({ id: newLineId(), start: 0, end: 0, speaker: 'participant', timestampMs: null });
    lines.forEach((line, index) => insertLine.run(line.id, transcriptId, index + 1, line.speaker, line.timestampMs, source.text.slice(line.start, line.end)));
    const map = new PositionMap(source.text, lines);

    const place = (selection: Pick<QdaSelection, 'start' | 'end'>) => map.anchor(selection.start, selection.end);
    const whole = { start: 0, end: map.length };
    for (const selection of [...source.selections, ...(source.codings.length > 0 || source.noteGuids.length > 0 ? [{ ...whole, guid: '', creationDateTime: null, codings: source.codings, noteGuids: source.noteGuids }] : [])]) {
      done += 1;
      if (done % 2000 === 0) progress(done, total);
      const anchor = place(selection);
      if (!anchor) {
        report.add('selection', source.name, Math.max(selection.codings.length, 1));
        continue;
      }
      for (const coding of selection.codings) {
        const codeId = stored.codeIds.get(coding.codeGuid);
        if (codeId === undefined) {
          report.add('selection', source.name);
          continue;
        }
        insertCoding.run(codingGuid(coding.guid), codeId, transcriptId, anchor.startLineId, anchor.startOffset, anchor.endLineId, anchor.endOffset, coding.creationDateTime ?? at);
        codings += 1;
      }
      for (const note of selection.noteGuids) aim(note, { kind: 'passage', transcriptId, anchor }, source.name);
    }
    done += 1;
  }
  progress(total, total);

  // Memos from notes.
  for (const node of nodesOf(plan)) {
    for (const note of node.code.noteGuids) {
      const target = node.kind === 'category' ? { kind: 'category' as const, id: stored.categoryIds.get(node.code.guid)! } : { kind: 'code' as const, id: stored.codeIds.get(node.code.guid)! };
      aim(note, target, node.code.name);
    }
  }
  const insertMemo = writer.statement(
    `INSERT INTO memo (guid, title, body, body_text, code_id, category_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const usedMemoGuids = new Set<string>();
  let memos = 0;
  for (const note of project.notes) {
    const target = noteTargets.get(note.guid);
    const guid = usedMemoGuids.has(note.guid) ? randomUUID() : note.guid;
    usedMemoGuids.add(guid);
    const created = note.creationDateTime ?? at;
    const passage = target?.kind === 'passage' ? target : null;
    insertMemo.run(
      guid,
      note.name.slice(0, 300),
      memoBody(note.text),
      note.text,
      target?.kind === 'code' ? target.id : null,
      target?.kind === 'category' ? target.id : null,
      passage?.transcriptId ?? null,
      passage?.anchor.startLineId ?? null,
      passage?.anchor.startOffset ?? null,
      passage?.anchor.endLineId ?? null,
      passage?.anchor.endOffset ?? null,
      created,
      created,
    );
    memos += 1;
  }

  const counts: ImportCounts = { transcripts, participants, attributes: attributesMade, codes: stored.added, categories: stored.categories, codings, memos };
  recordAudit(writer, 'exchange.imported', { ...counts, notHeld: report.list().reduce((sum, item) => sum + item.count, 0) }, now);
  return { counts, notHeld: report.list() };
}

/** Adds a codebook to the open study: a code whose name is used at its level is merged into it. */
export function storeCodebook(writer: StudyWriter, codes: readonly QdaCode[], sets: readonly QdaSet[], now = new Date()): { added: number; merged: number; categories: number; notHeld: NotHeld[] } {
  if (codes.length === 0) throw new GroundworkError('exchange.noCodes');
  const report = new Report([]);
  const levels = levelsFromSets(sets, report);
  const plan = planCodes(codes, new Set(), levels, report);
  const stored = storeCodes(writer, plan, report, true, now.toISOString());
  recordAudit(writer, 'exchange.codebookImported', { added: stored.added, merged: stored.merged, categories: stored.categories }, now);
  return { added: stored.added, merged: stored.merged, categories: stored.categories, notHeld: report.list() };
}
