import { createHash } from 'node:crypto';

/**
 * The part of QDA-XML 1.0 (`urn:QDA-XML:project:1.0`, `tests/fixtures/refi/Project-mrt2019.xsd`, a copy of the standard's schema)
 * that Groundwork writes and reads, as plain data, and the writer. Elements are written in the
 * order the schema's sequences demand.
 */

export const projectNamespace = 'urn:QDA-XML:project:1.0';
export const codebookNamespace = 'urn:QDA-XML:codebook:1.0';

export type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface QdaCode {
  guid: string;
  name: string;
  color: string | null;
  description: string;
  isCodable: boolean;
  noteGuids: string[];
  children: QdaCode[];
}

export interface QdaCoding {
  guid: string;
  codeGuid: string;
  creationDateTime: string | null;
}

export interface QdaSelection {
  guid: string;
  /** Character (code point) positions in the source's plain text, end exclusive. */
  start: number;
  end: number;
  creationDateTime: string | null;
  codings: QdaCoding[];
  noteGuids: string[];
}

export interface QdaSource {
  guid: string;
  name: string;
  /** The plain text; when written, as `Sources/<guid>.txt` (plainTextPath) or inline. */
  text: string;
  creationDateTime: string | null;
  selections: QdaSelection[];
  /** Codings of the whole source. */
  codings: QdaCoding[];
  noteGuids: string[];
}

export interface QdaNote {
  guid: string;
  name: string;
  text: string;
  creationDateTime: string | null;
}

export interface QdaVariable {
  guid: string;
  name: string;
  type: VariableType;
}

export interface QdaVariableValue {
  variableGuid: string;
  type: VariableType;
  value: string;
}

export interface QdaCase {
  guid: string;
  name: string;
  values: QdaVariableValue[];
  sourceGuids: string[];
}

export interface QdaSet {
  guid: string;
  name: string;
  description: string;
  memberCodes: string[];
}

export interface QdaUser {
  guid: string;
  name: string;
}

export interface QdaProject {
  name: string;
  origin: string;
  creatingUser: string | null;
  creationDateTime: string | null;
  users: QdaUser[];
  codes: QdaCode[];
  variables: QdaVariable[];
  cases: QdaCase[];
  sources: QdaSource[];
  notes: QdaNote[];
  sets: QdaSet[];
  /** Notes about the project as a whole (free memos). */
  noteGuids: string[];
}

// ── GUIDs ───────────────────────────────────────────────────────────────────────────────────

const guidPattern = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** A GUID as Groundwork stores it: lower case, no braces; null when it is not one. */
export function normaliseGuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = guidPattern.exec(value.trim());
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * A GUID made from another and a purpose, the same every time (SHA-1, shaped as a version 5 UUID):
 * for the elements QDA-XML needs that Groundwork has no row for (the `Coding` inside a coding's
 * selection, the selection a memo about a passage hangs on).
 */
export function derivedGuid(from: string, purpose: string): string {
  const hash = createHash('sha1').update(`${from}\u0000${purpose}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

// ── Character positions ─────────────────────────────────────────────────────────────────────

/**
 * QDA-XML counts positions in characters (Unicode code points), JavaScript in UTF-16 units. For a
 * text without characters outside the Basic Multilingual Plane both are the same.
 */
export class CharIndex {
  /** UTF-16 index of each code point; null when the text has none outside the BMP. */
  private readonly units: number[] | null;
  readonly length: number;

  constructor(text: string) {
    if (!/[\uD800-\uDFFF]/.test(text)) {
      this.units = null;
      this.length = text.length;
      return;
    }
    const units: number[] = [];
    for (let index = 0; index < text.length; index += 1) {
      units.push(index);
      const code = text.charCodeAt(index);
      if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
        const next = text.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) index += 1;
      }
    }
    units.push(text.length);
    this.units = units;
    this.length = units.length - 1;
  }

  /** The UTF-16 index of code point `position` (clamped to the text). */
  toUnits(position: number): number {
    const clamped = Math.max(0, Math.min(position, this.length));
    return this.units ? this.units[clamped]! : clamped;
  }

  /** The code point position of UTF-16 index `unit` (one inside a pair counts as the pair's start). */
  toPosition(unit: number): number {
    if (!this.units) return Math.max(0, Math.min(unit, this.length));
    let low = 0;
    let high = this.units.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.units[middle]! <= unit) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────

/** Characters XML 1.0 cannot carry are written as U+FFFD, one for one, so positions stay right. */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** The text of a plain-text file as exported: what XML could not carry replaced one for one. */
export function plainFileText(text: string): string {
  return xmlSafe(text);
}

class XmlWriter {
  private readonly parts: string[] = [];
  private depth = 0;

  open(name: string, attributes: Record<string, string | number | boolean | null | undefined> = {}, empty = false): void {
    let line = `${'  '.repeat(this.depth)}<${name}`;
    for (const [key, value] of Object.entries(attributes)) {
      if (value === null || value === undefined) continue;
      line += ` ${key}="${escapeAttribute(String(value))}"`;
    }
    this.parts.push(`${line}${empty ? '/>' : '>'}\n`);
    if (!empty) this.depth += 1;
  }

  close(name: string): void {
    this.depth -= 1;
    this.parts.push(`${'  '.repeat(this.depth)}</${name}>\n`);
  }

  leaf(name: string, attributes: Record<string, string | number | boolean | null | undefined>): void {
    this.open(name, attributes, true);
  }

  text(name: string, content: string): void {
    this.parts.push(`${'  '.repeat(this.depth)}<${name}>${escapeText(content)}</${name}>\n`);
  }

  raw(text: string): void {
    this.parts.push(text);
  }

  toString(): string {
    return this.parts.join('');
  }
}

function writeCode(writer: XmlWriter, code: QdaCode, withNotes: boolean): void {
  const attributes = { guid: code.guid, name: code.name, isCodable: code.isCodable, color: code.color };
  const notes = withNotes ? code.noteGuids : [];
  if (!code.description && notes.length === 0 && code.children.length === 0) {
    writer.leaf('Code', attributes);
    return;
  }
  writer.open('Code', attributes);
  if (code.description) writer.text('Description', code.description);
  for (const note of notes) writer.leaf('NoteRef', { targetGUID: note });
  for (const child of code.children) writeCode(writer, child, withNotes);
  writer.close('Code');
}

function writeCoding(writer: XmlWriter, coding: QdaCoding, user: string | null): void {
  writer.open('Coding', { guid: coding.guid, creatingUser: user, creationDateTime: coding.creationDateTime });
  writer.leaf('CodeRef', { targetGUID: coding.codeGuid });
  writer.close('Coding');
}

function writeValue(writer: XmlWriter, value: QdaVariableValue): void {
  writer.open('VariableValue');
  writer.leaf('VariableRef', { targetGUID: value.variableGuid });
  writer.text(`${value.type}Value`, value.value);
  writer.close('VariableValue');
}

/**
 * `project.qde`. Each source's text is referred to as `internal://<guid>.txt` (the file
 * `Sources/<guid>.txt` in the zip), the way NVivo, ATLAS.ti, MAXQDA and QualCoder write it.
 */
export function writeProject(project: QdaProject): string {
  const writer = new XmlWriter();
  writer.raw('<?xml version="1.0" encoding="utf-8"?>\n');
  writer.open('Project', {
    xmlns: projectNamespace,
    name: project.name,
    origin: project.origin,
    creatingUserGUID: project.creatingUser,
    creationDateTime: project.creationDateTime,
  });
  const user = project.creatingUser;
  if (project.users.length > 0) {
    writer.open('Users');
    for (const each of project.users) writer.leaf('User', { guid: each.guid, name: each.name });
    writer.close('Users');
  }
  if (project.codes.length > 0) {
    writer.open('CodeBook');
    writer.open('Codes');
    for (const code of project.codes) writeCode(writer, code, true);
    writer.close('Codes');
    writer.close('CodeBook');
  }
  if (project.variables.length > 0) {
    writer.open('Variables');
    for (const variable of project.variables) writer.leaf('Variable', { guid: variable.guid, name: variable.name, typeOfVariable: variable.type });
    writer.close('Variables');
  }
  if (project.cases.length > 0) {
    writer.open('Cases');
    for (const each of project.cases) {
      writer.open('Case', { guid: each.guid, name: each.name });
      for (const value of each.values) writeValue(writer, value);
      for (const source of each.sourceGuids) writer.leaf('SourceRef', { targetGUID: source });
      writer.close('Case');
    }
    writer.close('Cases');
  }
  if (project.sources.length > 0) {
    writer.open('Sources');
    for (const source of project.sources) {
      writer.open('TextSource', {
        guid: source.guid,
        name: source.name,
        plainTextPath: `internal://${source.guid}.txt`,
        creatingUser: user,
        creationDateTime: source.creationDateTime,
      });
      for (const selection of source.selections) {
        writer.open('PlainTextSelection', {
          guid: selection.guid,
          startPosition: selection.start,
          endPosition: selection.end,
          creatingUser: user,
          creationDateTime: selection.creationDateTime,
        });
        for (const coding of selection.codings) writeCoding(writer, coding, user);
        for (const note of selection.noteGuids) writer.leaf('NoteRef', { targetGUID: note });
        writer.close('PlainTextSelection');
      }
      for (const coding of source.codings) writeCoding(writer, coding, user);
      for (const note of source.noteGuids) writer.leaf('NoteRef', { targetGUID: note });
      writer.close('TextSource');
    }
    writer.close('Sources');
  }
  if (project.notes.length > 0) {
    writer.open('Notes');
    for (const note of project.notes) {
      writer.open('Note', { guid: note.guid, name: note.name, creatingUser: user, creationDateTime: note.creationDateTime });
      writer.text('PlainTextContent', note.text);
      writer.close('Note');
    }
    writer.close('Notes');
  }
  if (project.sets.length > 0) {
    writer.open('Sets');
    for (const set of project.sets) writeSet(writer, set);
    writer.close('Sets');
  }
  for (const note of project.noteGuids) writer.leaf('NoteRef', { targetGUID: note });
  writer.close('Project');
  return writer.toString();
}

function writeSet(writer: XmlWriter, set: QdaSet): void {
  writer.open('Set', { guid: set.guid, name: set.name });
  if (set.description) writer.text('Description', set.description);
  for (const member of set.memberCodes) writer.leaf('MemberCode', { targetGUID: member });
  writer.close('Set');
}

/** A `.qdc`: the codes and the sets of codes, in the codebook namespace. */
export function writeCodebook(codes: readonly QdaCode[], sets: readonly QdaSet[], origin: string): string {
  const writer = new XmlWriter();
  writer.raw('<?xml version="1.0" encoding="utf-8"?>\n');
  writer.open('CodeBook', { xmlns: codebookNamespace, origin });
  writer.open('Codes');
  for (const code of codes) writeCode(writer, code, false);
  writer.close('Codes');
  if (sets.length > 0) {
    writer.open('Sets');
    for (const set of sets) writeSet(writer, set);
    writer.close('Sets');
  }
  writer.close('CodeBook');
  return writer.toString();
}
