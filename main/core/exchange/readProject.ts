import { randomUUID } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { GroundworkError } from '../../../shared/contract/errors.js';
import type { NotHeld, NotHeldKind } from '../../../shared/exchange/contract.js';
import {
  normaliseGuid,
  type QdaCase,
  type QdaCode,
  type QdaCoding,
  type QdaNote,
  type QdaProject,
  type QdaSelection,
  type QdaSet,
  type QdaSource,
  type QdaVariable,
  type VariableType,
} from './qde.js';
import { looksLikeZip, ZipReader } from './zip.js';

/**
 * Reads a `.qdpx` (or a bare `project.qde`) or a `.qdc` into the model of `qde.ts`, with a list of
 * what the file holds that Groundwork cannot. Refuses, with a clear error: a DOCTYPE (no entity
 * is ever expanded), XML that is not well formed, a zip that is not one or is hostile (see zip.ts),
 * code trees nested deeper than any tool makes.
 */

/** Deeper than this a code tree is not a researcher's. */
export const maxCodeDepth = 64;
/** A source's text larger than this is refused (a two-hour transcript is about 150 kB). */
export const maxSourceChars = 20 * 1024 * 1024;

const repeated = new Set([
  'User', 'Code', 'Variable', 'Case', 'VariableValue', 'SourceRef', 'SelectionRef', 'CodeRef', 'Set', 'MemberCode', 'MemberSource', 'MemberNote',
  'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'Coding', 'NoteRef', 'Note', 'Graph', 'Link',
  'PictureSelection', 'PDFSelection', 'AudioSelection', 'VideoSelection', 'Transcript',
]);

const entity = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g;

/** XML's own entities and character references, in one pass (so `&amp;#13;` stays `&#13;`). */
function decode(raw: string): string {
  if (!raw.includes('&') && !raw.includes('\r')) return raw;
  // XML reads a line break written as CR LF or CR as LF; one written as `&#13;` stays.
  return raw.replace(/\r\n?/g, '\n').replace(entity, (whole, name: string) => {
    switch (name) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => repeated.has(name),
  tagValueProcessor: (_name, value) => decode(value),
  attributeValueProcessor: (_name, value) => decode(value),
});

/** The XML's text as a string (UTF-8, with or without a mark; UTF-16 with a mark). */
export function xmlText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses XML, refusing a DOCTYPE and anything not well formed. */
export function parseXml(text: string): Node {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new GroundworkError('exchange.doctype');
  try {
    if (XMLValidator.validate(text) !== true) throw new GroundworkError('exchange.malformedXml');
    return parser.parse(text) as Node;
  } catch (error) {
    if (error instanceof GroundworkError) throw error;
    // A stack overflow on absurd nesting lands here too.
    throw new GroundworkError('exchange.malformedXml');
  }
}

// ── Small readers over the parsed tree ──────────────────────────────────────────────────────

function children(node: unknown, name: string): Node[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as Node)[name];
  if (Array.isArray(value)) return value.map((each) => (each && typeof each === 'object' ? (each as Node) : {}));
  if (value && typeof value === 'object') return [value as Node];
  if (value === '' || typeof value === 'string') return [{ '#text': value }];
  return [];
}

function child(node: unknown, name: string): Node | undefined {
  return children(node, name)[0];
}

function attribute(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as Node)[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** An element's text (a string when it has no attributes, `#text` otherwise). */
function textOf(node: Node | undefined, name: string): string | undefined {
  if (!node) return undefined;
  const value = node[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((each) => (typeof each === 'string' ? each : ((each as Node)?.['#text'] as string | undefined) ?? '')).join('');
  if (value && typeof value === 'object') {
    const text = (value as Node)['#text'];
    return typeof text === 'string' ? text : '';
  }
  return undefined;
}

function refs(node: unknown, name: string): string[] {
  const found: string[] = [];
  for (const ref of children(node, name)) {
    // ATLAS.ti writes MemberCode with `guid`, the schema says `targetGUID`.
    const guid = normaliseGuid(attribute(ref, 'targetGUID') ?? attribute(ref, 'guid'));
    if (guid) found.push(guid);
  }
  return found;
}

function integer(value: string | undefined): number | null {
  if (value === undefined || !/^\s*[+-]?\d{1,12}\s*$/.test(value)) return null;
  return Number(value);
}

function dateTime(value: string | undefined): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

// ── The project ─────────────────────────────────────────────────────────────────────────────

export interface ReadProject {
  project: QdaProject;
  notHeld: NotHeld[];
  /** Selections and codings in the file (for progress and the bench). */
  selections: number;
}

class NotHeldList {
  private readonly items = new Map<string, NotHeld>();

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

function guidOr(value: string | undefined): string {
  return normaliseGuid(value) ?? randomUUID();
}

function readCodes(nodes: Node[], depth: number): QdaCode[] {
  if (depth > maxCodeDepth) throw new GroundworkError('exchange.malformedXml');
  return nodes.map((node) => ({
    guid: guidOr(attribute(node, 'guid')),
    name: (attribute(node, 'name') ?? '').trim(),
    color: readColour(attribute(node, 'color')),
    description: textOf(node, 'Description') ?? '',
    isCodable: attribute(node, 'isCodable')?.trim() !== 'false',
    noteGuids: refs(node, 'NoteRef'),
    children: readCodes(children(node, 'Code'), depth + 1),
  }));
}

function readColour(value: string | undefined): string | null {
  const match = /^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const hex = match[1]!.toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex}`;
}

function readCodings(node: unknown): QdaCoding[] {
  return children(node, 'Coding').flatMap((coding) => {
    const code = refs(coding, 'CodeRef')[0];
    return code ? [{ guid: guidOr(attribute(coding, 'guid')), codeGuid: code, creationDateTime: dateTime(attribute(coding, 'creationDateTime')) }] : [];
  });
}

/** A plain text file of a source: UTF-8 (with or without a mark), or UTF-16 with a mark. */
export function sourceFileText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return utf8.charCodeAt(0) === 0xfeff ? utf8.slice(1) : utf8;
}

/**
 * Where a source's text is: `internal://<file>` in `Sources/` (or `sources/`); `relative://` and
 * other paths by their file name, if the zip has it. Null when the zip does not have it.
 */
function findSourceFile(zip: ZipReader | null, path: string): Buffer | null {
  if (!zip) return null;
  const trimmed = path.trim();
  const internal = /^internal:\/\/(.+)$/i.exec(trimmed);
  const candidates: string[] = [];
  if (internal) {
    const name = internal[1]!.replace(/\\/g, '/');
    candidates.push(`Sources/${name}`, name);
  } else {
    const relative = /^relative:\/\/(.+)$/i.exec(trimmed)?.[1] ?? trimmed.replace(/^file:\/\/\/?/i, '');
    const name = relative.replace(/\\/g, '/');
    candidates.push(name, `Sources/${name}`, `Sources/${name.split('/').pop()}`);
  }
  for (const candidate of candidates) {
    if (candidate.split('/').some((part) => part === '..')) continue;
    const entry = zip.find(candidate);
    if (entry) return zip.read(entry);
  }
  return null;
}

function readNoteText(node: Node, zip: ZipReader | null): string | null {
  const inline = textOf(node, 'PlainTextContent');
  if (inline !== undefined) return inline;
  const path = attribute(node, 'plainTextPath');
  if (!path) return '';
  const bytes = findSourceFile(zip, path);
  return bytes ? sourceFileText(bytes) : null;
}

const variableTypes: readonly VariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

function readValue(node: Node, types: Map<string, VariableType>): { variableGuid: string; type: VariableType; value: string } | null {
  const variable = refs(node, 'VariableRef')[0];
  if (!variable) return null;
  for (const type of variableTypes) {
    const value = textOf(node, `${type}Value`);
    if (value !== undefined) return { variableGuid: variable, type: types.get(variable) ?? type, value: value.trim() };
  }
  return null;
}

/** Reads a project file: a `.qdpx` (zip) or a bare `project.qde`. */
export function readProjectFile(bytes: Buffer, onSelection: (count: number) => void = () => {}): ReadProject {
  let zip: ZipReader | null = null;
  let qde: Buffer;
  if (looksLikeZip(bytes)) {
    zip = new ZipReader(bytes);
    // project.qde at the top, or any .qde at the top, or one inside a single folder (a zipped folder).
    const entries = [...zip.entries.values()];
    const entry =
      zip.find('project.qde') ??
      entries.find((each) => each.name.toLowerCase().endsWith('.qde') && !each.name.includes('/')) ??
      entries.find((each) => /^[^/]+\/project\.qde$/i.test(each.name)) ??
      entries.find((each) => /^[^/]+\/[^/]+\.qde$/i.test(each.name));
    if (!entry) throw new GroundworkError('exchange.notAProject');
    zip.base = entry.name.slice(0, entry.name.lastIndexOf('/') + 1);
    qde = zip.read(entry);
  } else {
    qde = bytes;
  }
  const root = child(parseXml(xmlText(qde)), 'Project');
  if (!root) throw new GroundworkError('exchange.notAProject');
  const notHeld = new NotHeldList();

  const codes = readCodes(children(child(child(root, 'CodeBook'), 'Codes'), 'Code'), 0);
  const variables: QdaVariable[] = children(child(root, 'Variables'), 'Variable').flatMap((node) => {
    const guid = normaliseGuid(attribute(node, 'guid'));
    const type = attribute(node, 'typeOfVariable')?.trim() as VariableType | undefined;
    return guid ? [{ guid, name: (attribute(node, 'name') ?? '').trim(), type: type && variableTypes.includes(type) ? type : 'Text' }] : [];
  });
  const types = new Map(variables.map((variable) => [variable.guid, variable.type]));

  const cases: QdaCase[] = children(child(root, 'Cases'), 'Case').map((node) => {
    const name = (attribute(node, 'name') ?? '').trim();
    const codeRefs = refs(node, 'CodeRef').length;
    if (codeRefs > 0) notHeld.add('caseCoding', name, codeRefs);
    return {
      guid: guidOr(attribute(node, 'guid')),
      name,
      values: children(node, 'VariableValue').flatMap((value) => readValue(value, types) ?? []),
      sourceGuids: refs(node, 'SourceRef'),
    };
  });

  const sourcesNode = child(root, 'Sources');
  const sources: QdaSource[] = [];
  let selectionCount = 0;
  for (const node of children(sourcesNode, 'TextSource')) {
    const name = (attribute(node, 'name') ?? '').trim();
    const inline = textOf(node, 'PlainTextContent');
    let text: string | null = inline ?? null;
    if (text === null) {
      const path = attribute(node, 'plainTextPath');
      const file = path ? findSourceFile(zip, path) : null;
      text = file ? sourceFileText(file) : null;
    }
    if (text === null) {
      notHeld.add('textMissing', name);
      continue;
    }
    if (text.length > maxSourceChars) throw new GroundworkError('exchange.tooLarge');
    const selections: QdaSelection[] = [];
    for (const selection of children(node, 'PlainTextSelection')) {
      const start = integer(attribute(selection, 'startPosition'));
      const end = integer(attribute(selection, 'endPosition'));
      const codings = readCodings(selection);
      if (start === null || end === null) {
        notHeld.add('selection', name, Math.max(codings.length, 1));
        continue;
      }
      selections.push({
        guid: guidOr(attribute(selection, 'guid')),
        start: Math.min(start, end),
        end: Math.max(start, end),
        creationDateTime: dateTime(attribute(selection, 'creationDateTime')),
        codings,
        noteGuids: refs(selection, 'NoteRef'),
      });
      selectionCount += 1;
      if (selectionCount % 5000 === 0) onSelection(selectionCount);
    }
    const values = children(node, 'VariableValue').length;
    if (values > 0) notHeld.add('sourceVariable', name, values);
    sources.push({
      guid: guidOr(attribute(node, 'guid')),
      name,
      text,
      creationDateTime: dateTime(attribute(node, 'creationDateTime')),
      selections,
      codings: readCodings(node),
      noteGuids: refs(node, 'NoteRef'),
    });
  }
  for (const [element, kind] of [
    ['PDFSource', 'pdfSource'],
    ['PictureSource', 'pictureSource'],
    ['AudioSource', 'audioSource'],
    ['VideoSource', 'videoSource'],
  ] as const) {
    for (const node of children(sourcesNode, element)) notHeld.add(kind, (attribute(node, 'name') ?? '').trim());
  }

  const notes: QdaNote[] = [];
  for (const node of children(child(root, 'Notes'), 'Note')) {
    const name = (attribute(node, 'name') ?? '').trim();
    const text = readNoteText(node, zip);
    if (text === null) {
      notHeld.add('note', name);
      continue;
    }
    notes.push({ guid: guidOr(attribute(node, 'guid')), name, text, creationDateTime: dateTime(attribute(node, 'creationDateTime')) });
  }

  const sets: QdaSet[] = children(child(root, 'Sets'), 'Set').map((node) => ({
    guid: guidOr(attribute(node, 'guid')),
    name: (attribute(node, 'name') ?? '').trim(),
    description: textOf(node, 'Description') ?? '',
    memberCodes: refs(node, 'MemberCode'),
  }));
  for (const node of children(child(root, 'Graphs'), 'Graph')) notHeld.add('graph', (attribute(node, 'name') ?? '').trim());
  const links = children(child(root, 'Links'), 'Link').length;
  if (links > 0) notHeld.add('link', '', links);

  const users = children(child(root, 'Users'), 'User').flatMap((node) => {
    const guid = normaliseGuid(attribute(node, 'guid'));
    return guid ? [{ guid, name: attribute(node, 'name') ?? '' }] : [];
  });

  return {
    project: {
      name: (attribute(root, 'name') ?? '').trim(),
      origin: attribute(root, 'origin') ?? '',
      creatingUser: normaliseGuid(attribute(root, 'creatingUserGUID')),
      creationDateTime: dateTime(attribute(root, 'creationDateTime')),
      users,
      codes,
      variables,
      cases,
      sources,
      notes,
      sets,
      noteGuids: refs(root, 'NoteRef'),
    },
    notHeld: notHeld.list(),
    selections: selectionCount,
  };
}

/** Reads a codebook: a `.qdc`, or the code system of a `.qdpx` or `project.qde`. */
export function readCodebookFile(bytes: Buffer): { codes: QdaCode[]; sets: QdaSet[] } {
  if (looksLikeZip(bytes)) {
    const { project } = readProjectFile(bytes);
    return { codes: project.codes, sets: project.sets };
  }
  const tree = parseXml(xmlText(bytes));
  if (child(tree, 'Project')) {
    const { project } = readProjectFile(bytes);
    return { codes: project.codes, sets: project.sets };
  }
  const codebook = child(tree, 'CodeBook');
  if (!codebook) throw new GroundworkError('exchange.notAProject');
  const sets = children(child(codebook, 'Sets'), 'Set').map((node) => ({
    guid: guidOr(attribute(node, 'guid')),
    name: (attribute(node, 'name') ?? '').trim(),
    description: textOf(node, 'Description') ?? '',
    memberCodes: refs(node, 'MemberCode'),
  }));
  return { codes: readCodes(children(child(codebook, 'Codes'), 'Code'), 0), sets };
}
