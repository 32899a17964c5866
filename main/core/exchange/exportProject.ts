import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { applyRule } from '../../../shared/participantTable/engine.js';
import type { ExchangeSummary, ExportCounts } from '../../../shared/exchange/contract.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';
import { readTableDefinition, readTableSource } from '../participantTable/source.js';
import {
  CharIndex,
  derivedGuid,
  normaliseGuid,
  plainFileText,
  writeCodebook,
  writeProject,
  type QdaCase,
  type QdaCode,
  type QdaNote,
  type QdaProject,
  type QdaSelection,
  type QdaSet,
  type QdaSource,
  type QdaVariable,
  type VariableType,
} from './qde.js';

/**
 * The study as QDA-XML. Only anonymised transcripts leave (a raw one may still name someone), and
 * of the participants only their pseudonyms and the participant table's shown columns, with its
 * rules applied (bands, groups, time before): never the identifying details, never a left-out
 * column. See README.md for the shape of the code tree.
 */

export interface ExportOptions {
  lineEnding: 'lf' | 'crlf';
  includeMemos: boolean;
  language: 'en' | 'nb';
  origin: string;
}

export const levelSetNames = {
  initial: { en: 'Initial codes', nb: 'Initiale koder' },
  focused: { en: 'Focused codes', nb: 'Fokuserte koder' },
} as const;

/**
 * The stored GUID of a thing that has no guid column; made (and stored) on first use. Cases and
 * sources are keyed by row id and creation time, so a row id reused after a deletion (a withdrawn
 * participant's) gets a GUID of its own, never the one that named someone else.
 */
export function exchangeGuid(writer: StudyWriter, kind: 'project' | 'user' | 'source' | 'case' | 'variable' | 'set', ref: string | number): string {
  const key = String(ref);
  const found = writer.query<{ guid: string }>('SELECT guid FROM exchange_guid WHERE kind = ? AND ref = ?').get(kind, key);
  if (found) return found.guid;
  const guid = randomUUID();
  writer.statement('INSERT INTO exchange_guid (kind, ref, guid) VALUES (?, ?, ?)').run(kind, key, guid);
  return guid;
}

/** A stored guid as QDA-XML wants it; one that is not a GUID gets a stable one made from it. */
function guidOf(stored: string, kind: string): string {
  return normaliseGuid(stored) ?? derivedGuid(stored, kind);
}

interface CodeRow {
  id: number;
  guid: string;
  level: 'initial' | 'focused';
  name: string;
  colour: string;
  definition: string;
  category_id: number | null;
  category_position: number;
}

interface CategoryRow {
  id: number;
  guid: string;
  parent_id: number | null;
  name: string;
  colour: string;
  position: number;
}

interface CodeTree {
  roots: QdaCode[];
  byCodeId: Map<number, QdaCode>;
  byCategoryId: Map<number, QdaCode>;
  sets: QdaSet[];
  codeCount: number;
}

/**
 * Categories become codes that cannot be coded (`isCodable="false"`), subcategories nested in them;
 * focused codes go under their category (or at the top); an initial code goes under the first
 * focused code (lowest id) that subsumes it, else under its category if it has one, else at the
 * top. The level of every code is kept in two sets, "Initial codes" and "Focused codes".
 */
function buildCodeTree(writer: StudyWriter, language: 'en' | 'nb'): CodeTree {
  const codes = writer.query<CodeRow>('SELECT id, guid, level, name, colour, definition, category_id, category_position FROM code ORDER BY category_position, id').all();
  const categories = writer.query<CategoryRow>('SELECT id, guid, parent_id, name, colour, position FROM category ORDER BY position, id').all();
  const subsumes = writer.query<{ focused_code_id: number; initial_code_id: number }>(
    'SELECT focused_code_id, initial_code_id FROM code_subsumes ORDER BY focused_code_id, initial_code_id',
  ).all();

  const byCategoryId = new Map<number, QdaCode>();
  for (const category of categories) {
    byCategoryId.set(category.id, { guid: guidOf(category.guid, 'category'), name: category.name, color: category.colour, description: '', isCodable: false, noteGuids: [], children: [] });
  }
  const roots: QdaCode[] = [];
  for (const category of categories) {
    const node = byCategoryId.get(category.id)!;
    const parent = category.parent_id === null ? undefined : byCategoryId.get(category.parent_id);
    (parent ? parent.children : roots).push(node);
  }

  const byCodeId = new Map<number, QdaCode>();
  for (const code of codes) {
    byCodeId.set(code.id, { guid: guidOf(code.guid, 'code'), name: code.name, color: code.colour, description: code.definition, isCodable: true, noteGuids: [], children: [] });
  }
  const firstFocused = new Map<number, number>();
  for (const link of subsumes) {
    if (!firstFocused.has(link.initial_code_id) && byCodeId.has(link.focused_code_id)) firstFocused.set(link.initial_code_id, link.focused_code_id);
  }
  const place = (code: CodeRow) => {
    const node = byCodeId.get(code.id)!;
    const category = code.category_id === null ? undefined : byCategoryId.get(code.category_id);
    (category ? category.children : roots).push(node);
  };
  for (const code of codes) if (code.level === 'focused') place(code);
  for (const code of codes) {
    if (code.level !== 'initial') continue;
    const focused = firstFocused.get(code.id);
    if (focused !== undefined) byCodeId.get(focused)!.children.push(byCodeId.get(code.id)!);
    else place(code);
  }

  const sets: QdaSet[] = [];
  for (const level of ['initial', 'focused'] as const) {
    const members = codes.filter((code) => code.level === level).map((code) => byCodeId.get(code.id)!.guid);
    if (members.length === 0) continue;
    sets.push({ guid: exchangeGuid(writer, 'set', level), name: levelSetNames[level][language], description: '', memberCodes: members });
  }
  return { roots, byCodeId, byCategoryId, sets, codeCount: codes.length };
}

interface TranscriptRow {
  id: number;
  title: string;
  created_at: string;
  participant_id: number;
  pseudonym: string;
  held_at: string;
}

interface LineRow {
  id: string;
  transcript_id: number;
  text: string;
}

interface Anchor {
  transcript_id: number;
  start_line_id: string;
  start_offset: number;
  end_line_id: string;
  end_offset: number;
}

/** One exported transcript: its text and where each line starts in it. */
class SourceText {
  readonly text: string;
  private readonly starts = new Map<string, { start: number; length: number }>();
  private readonly index: CharIndex;

  constructor(lines: readonly LineRow[], separator: string) {
    let offset = 0;
    for (const line of lines) {
      this.starts.set(line.id, { start: offset, length: line.text.length });
      offset += line.text.length + separator.length;
    }
    this.text = plainFileText(lines.map((line) => line.text).join(separator));
    this.index = new CharIndex(this.text);
  }

  /** The character position of an anchor's end, or null when its line is not in this transcript. */
  position(lineId: string, offset: number): number | null {
    const line = this.starts.get(lineId);
    if (!line) return null;
    return this.index.toPosition(line.start + Math.min(offset, line.length));
  }

  /** [start, end) of a passage; null when it cannot be placed. */
  range(anchor: Anchor): [number, number] | null {
    const start = this.position(anchor.start_line_id, anchor.start_offset);
    const end = this.position(anchor.end_line_id, anchor.end_offset);
    if (start === null || end === null || end < start) return null;
    return [start, end];
  }
}

function sourceName(transcript: TranscriptRow): string {
  const title = transcript.title.trim();
  return title || `${transcript.pseudonym} ${transcript.held_at.slice(0, 10)}`;
}

function variableType(kind: 'text' | 'number' | 'date' | 'choice', rule: string): VariableType {
  if (rule !== 'asIs') return 'Text';
  if (kind === 'number') return 'Float';
  if (kind === 'date') return 'Date';
  return 'Text';
}

/** Participants as cases, the participant table's shown columns as variables. */
function buildCases(writer: StudyWriter, participantIds: ReadonlySet<number>, sourcesOf: Map<number, string[]>, pseudonyms: Map<number, string>, language: 'en' | 'nb'): { variables: QdaVariable[]; cases: QdaCase[] } {
  const definition = readTableDefinition(writer);
  const { attributes, participants } = readTableSource(writer);
  const byId = new Map(attributes.map((attribute) => [attribute.id, attribute]));
  const columns = definition.columns.filter((column) => column.rule.kind !== 'leftOut' && byId.has(column.attributeId));
  const variables = columns.map((column) => {
    const attribute = byId.get(column.attributeId)!;
    return {
      guid: exchangeGuid(writer, 'variable', attribute.id),
      name: column.heading.trim() || attribute.name,
      type: variableType(attribute.kind, column.rule.kind),
      column,
      kind: attribute.kind,
    };
  });
  const valuesOf = new Map(participants.map((participant) => [participant.id, participant.values]));
  const cases: QdaCase[] = [];
  for (const id of [...participantIds].sort((a, b) => a - b)) {
    const values = valuesOf.get(id);
    // Keyed by id and creation time: an id SQLite gives again after a deletion never inherits a GUID.
    const created = writer.query<{ created_at: string }>('SELECT created_at FROM participant WHERE id = ?').get(id)?.created_at ?? '';
    const each: QdaCase = { guid: exchangeGuid(writer, 'case', `${id}@${created}`), name: pseudonyms.get(id) ?? '', values: [], sourceGuids: sourcesOf.get(id) ?? [] };
    // A withdrawn participant has no values here (the table leaves them out).
    if (values) {
      for (const variable of variables) {
        const cell = applyRule(values.get(variable.column.attributeId), variable.column.rule, variable.kind, language);
        if (cell.text.trim() === '') continue;
        const value = variable.type === 'Float' ? String(cell.number ?? '') : variable.type === 'Date' ? (cell.date ?? '') : cell.text;
        if (value === '') continue;
        each.values.push({ variableGuid: variable.guid, type: variable.type, value });
      }
    }
    cases.push(each);
  }
  return { variables: variables.map(({ guid, name, type }) => ({ guid, name, type })), cases };
}

export interface BuiltProject {
  project: QdaProject;
  /** Each source's plain text, by GUID, with the line ending chosen. */
  texts: Map<string, string>;
  counts: ExportCounts;
}

/** Reads the study into the QDA-XML model (storing any GUID made for the first time). */
export function buildProject(writer: StudyWriter, options: ExportOptions): BuiltProject {
  const study = writer.query<{ study_id: string; title: string; created_at: string; researcher_name: string }>('SELECT study_id, title, created_at, researcher_name FROM study WHERE id = 1').get()!;
  const userGuid = exchangeGuid(writer, 'user', 'researcher');
  const tree = buildCodeTree(writer, options.language);
  const separator = options.lineEnding === 'crlf' ? '\r\n' : '\n';

  const transcripts = writer
    .query<TranscriptRow>(
      `SELECT t.id, t.title, t.created_at, i.participant_id, p.pseudonym, i.held_at FROM transcript t
       JOIN interview i ON i.id = t.interview_id JOIN participant p ON p.id = i.participant_id
       WHERE t.state = 'anonymised' ORDER BY i.held_at, t.id`,
    )
    .all();
  const lineQuery = writer.query<LineRow>('SELECT id, transcript_id, text FROM transcript_line WHERE transcript_id = ? ORDER BY position');
  const codingQuery = writer.query<Anchor & { guid: string; code_id: number; created_at: string }>(
    'SELECT guid, code_id, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at FROM coding WHERE transcript_id = ? ORDER BY id',
  );
  const memoQuery = writer.query<Anchor & { guid: string; created_at: string }>(
    'SELECT guid, transcript_id, start_line_id, start_offset, end_line_id, end_offset, created_at FROM memo WHERE transcript_id = ? ORDER BY id',
  );

  const sources: QdaSource[] = [];
  const texts = new Map<string, string>();
  const sourcesOf = new Map<number, string[]>();
  const pseudonyms = new Map<number, string>();
  const exportedMemoGuids = new Set<string>();
  let codings = 0;
  for (const transcript of transcripts) {
    const guid = exchangeGuid(writer, 'source', `${transcript.id}@${transcript.created_at}`);
    const text = new SourceText(lineQuery.all(transcript.id), separator);
    texts.set(guid, text.text);
    const selections = new Map<string, QdaSelection>();
    const selectionAt = (start: number, end: number, selectionGuid: string, created: string): QdaSelection => {
      const key = `${start}:${end}`;
      let selection = selections.get(key);
      if (!selection) {
        selection = { guid: selectionGuid, start, end, creationDateTime: created, codings: [], noteGuids: [] };
        selections.set(key, selection);
      }
      return selection;
    };
    for (const coding of codingQuery.all(transcript.id)) {
      const code = tree.byCodeId.get(coding.code_id);
      const range = text.range(coding);
      if (!code || !range) continue;
      const codingGuid = guidOf(coding.guid, 'coding');
      // Codings of the same passage share one selection, as other tools write them.
      const selection = selectAt(selectionAt, range, codingGuid, coding.created_at);
      selection.codings.push({ guid: derivedGuid(codingGuid, 'coding'), codeGuid: code.guid, creationDateTime: coding.created_at });
      codings += 1;
    }
    if (options.includeMemos) {
      for (const memo of memoQuery.all(transcript.id)) {
        const range = text.range(memo);
        if (!range) continue;
        const memoGuid = guidOf(memo.guid, 'memo');
        selectAt(selectionAt, range, derivedGuid(memoGuid, 'selection'), memo.created_at).noteGuids.push(memoGuid);
        exportedMemoGuids.add(memoGuid);
      }
    }
    sources.push({
      guid,
      name: sourceName(transcript),
      text: text.text,
      creationDateTime: transcript.created_at,
      selections: [...selections.values()].sort((a, b) => a.start - b.start || a.end - b.end),
      codings: [],
      noteGuids: [],
    });
    sourcesOf.set(transcript.participant_id, [...(sourcesOf.get(transcript.participant_id) ?? []), guid]);
    pseudonyms.set(transcript.participant_id, transcript.pseudonym);
  }

  const notes: QdaNote[] = [];
  const projectNotes: string[] = [];
  if (options.includeMemos) {
    const memos = writer
      .query<{ guid: string; title: string; body_text: string; code_id: number | null; category_id: number | null; transcript_id: number | null; created_at: string }>(
        'SELECT guid, title, body_text, code_id, category_id, transcript_id, created_at FROM memo ORDER BY created_at, id',
      )
      .all();
    for (const memo of memos) {
      const memoGuid = guidOf(memo.guid, 'memo');
      if (memo.transcript_id !== null) {
        // About a passage: only with its transcript (a raw one's memo may quote it).
        if (!exportedMemoGuids.has(memoGuid)) continue;
      } else if (memo.code_id !== null && tree.byCodeId.has(memo.code_id)) {
        tree.byCodeId.get(memo.code_id)!.noteGuids.push(memoGuid);
      } else if (memo.category_id !== null && tree.byCategoryId.has(memo.category_id)) {
        tree.byCategoryId.get(memo.category_id)!.noteGuids.push(memoGuid);
      } else {
        projectNotes.push(memoGuid);
      }
      notes.push({ guid: memoGuid, name: memo.title, text: memo.body_text, creationDateTime: memo.created_at });
    }
  }

  const { variables, cases } = buildCases(writer, new Set(sourcesOf.keys()), sourcesOf, pseudonyms, options.language);
  const project: QdaProject = {
    name: study.title,
    origin: options.origin,
    creatingUser: userGuid,
    creationDateTime: study.created_at,
    users: [{ guid: userGuid, name: study.researcher_name.trim() || (options.language === 'nb' ? 'Forsker' : 'Researcher') }],
    codes: tree.roots,
    variables,
    cases,
    sources,
    notes,
    sets: tree.sets,
    noteGuids: projectNotes,
  };
  const counts: ExportCounts = { sources: sources.length, codes: tree.codeCount, codings, notes: notes.length, cases: cases.length, variables: variables.length };
  return { project, texts, counts };
}

function selectAt(
  selectionAt: (start: number, end: number, guid: string, created: string) => QdaSelection,
  range: [number, number],
  guid: string,
  created: string,
): QdaSelection {
  return selectionAt(range[0], range[1], guid, created);
}

/** The `.qdpx`: `project.qde` and `Sources/<guid>.txt` (UTF-8). */
export async function zipProject(built: BuiltProject): Promise<{ bytes: Buffer; qde: string }> {
  const qde = writeProject(built.project);
  const zip = new JSZip();
  // A fixed date keeps the same study's export byte for byte the same.
  const date = new Date(Date.UTC(2020, 0, 1));
  zip.file('project.qde', qde, { date });
  const folder = zip.folder('Sources')!;
  for (const [guid, text] of built.texts) folder.file(`${guid}.txt`, text, { date });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, qde };
}

/** The codebook alone, as a `.qdc`. */
export function buildCodebook(writer: StudyWriter, language: 'en' | 'nb', origin: string): { xml: string; codes: number } {
  const tree = buildCodeTree(writer, language);
  return { xml: writeCodebook(tree.roots, tree.sets, origin), codes: tree.codeCount };
}

/** What an export would carry now. */
export function readExchangeSummary(reader: StudyReader): ExchangeSummary {
  const count = (sql: string) => reader.query<{ count: number }>(sql).get()?.count ?? 0;
  const definition = readTableDefinition(reader);
  return {
    anonymised: count("SELECT count(*) AS count FROM transcript WHERE state = 'anonymised'"),
    raw: count("SELECT count(*) AS count FROM transcript WHERE state <> 'anonymised'"),
    codes: count('SELECT count(*) AS count FROM code'),
    categories: count('SELECT count(*) AS count FROM category'),
    codings: count("SELECT count(*) AS count FROM coding c JOIN transcript t ON t.id = c.transcript_id WHERE t.state = 'anonymised'"),
    memos: count('SELECT count(*) AS count FROM memo'),
    variables: definition.columns.filter((column) => column.rule.kind !== 'leftOut').length,
  };
}
