import { reviewOptionsSchema, type Decision, type DecisionReach, type HitSource, type Review, type ReviewHit, type ReviewOptions } from '../../../shared/anonymisation/contract.js';
import { detectIdentifiers, findOccurrences, proposePronouns, type DetectorLine, type KnownIdentifier } from '../../../shared/anonymisation/detector.js';
import { highestLabelNumbers, isNumbered, numberedKinds, pronounReplacements, replacementLabel, type HitKind, type IdentifierKind } from '../../../shared/anonymisation/kinds.js';
import { GroundworkError } from '../../../shared/contract/errors.js';
import { recordAudit } from '../audit/audit.js';
import { mapAnchorsThroughReplacements } from '../coding/anchors.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';

/**
 * The anonymisation review of one transcript. Hits are stored per transcript with the researcher's
 * decision; a refresh runs the detector on the lines as they are now and keeps every decision
 * whose text is still where it was. Replacements are consistent in the study: a text the key (or a
 * decision in any review) already replaces gets the same replacement, and a new person gets the
 * next number, which is never given twice (`anonymisation_label` outlives the key).
 */

interface TranscriptRow {
  id: number;
  title: string;
  state: 'raw' | 'anonymised';
  anonymised_at: string | null;
  revision: number;
  pseudonym: string;
}

interface LineRow {
  id: string;
  position: number;
  speaker: string;
  text: string;
}

interface HitRow {
  id: number;
  transcript_id: number;
  line_id: string;
  start: number;
  end: number;
  original: string;
  kind: HitKind;
  source: HitSource;
  decision: Decision;
  replacement: string;
}

const defaultOptions: ReviewOptions = { pronoun: null, labelLanguage: 'nb' };
const optionsSetting = 'anonymisation';

export function readOptions(reader: StudyReader): ReviewOptions {
  const stored = reader.query<{ value: string }>('SELECT value FROM setting WHERE key = ?').get(optionsSetting);
  if (!stored) return defaultOptions;
  const parsed = reviewOptionsSchema.safeParse(JSON.parse(stored.value));
  return parsed.success ? parsed.data : defaultOptions;
}

function writeOptions(writer: StudyWriter, options: ReviewOptions): void {
  writer
    .statement('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(optionsSetting, JSON.stringify(options));
}

export function transcriptRow(reader: StudyReader, transcriptId: number): TranscriptRow {
  const row = reader
    .query<TranscriptRow>(
      `SELECT t.id, t.title, t.state, t.anonymised_at, t.revision, p.pseudonym
       FROM transcript t JOIN interview i ON i.id = t.interview_id JOIN participant p ON p.id = i.participant_id
       WHERE t.id = ?`,
    )
    .get(transcriptId);
  if (!row) throw new GroundworkError('anonymisation.transcriptMissing');
  return row;
}

function linesOf(reader: StudyReader, transcriptId: number): LineRow[] {
  return reader
    .query<LineRow>('SELECT id, position, speaker, text FROM transcript_line WHERE transcript_id = ? ORDER BY position')
    .all(transcriptId);
}

function hitsOf(reader: StudyReader, transcriptId: number): HitRow[] {
  return reader
    .query<HitRow>(
      `SELECT h.id, h.transcript_id, h.line_id, h.start, h.end, h.original, h.kind, h.source, h.decision, h.replacement
       FROM anonymisation_hit h JOIN transcript_line l ON l.id = h.line_id
       WHERE h.transcript_id = ? ORDER BY l.position, h.start`,
    )
    .all(transcriptId);
}

const lowered = (text: string) => text.toLocaleLowerCase('nb');

interface Known {
  original: string;
  replacement: string;
  kind: IdentifierKind;
}

/** What the study already replaces, by text in lower case: the key first, then decisions in any review. */
function knownReplacements(reader: StudyReader): Map<string, Known> {
  const known = new Map<string, Known>();
  for (const entry of reader.query<Known>('SELECT original, replacement, kind FROM anonymisation_key ORDER BY id').all()) {
    known.set(lowered(entry.original), entry);
  }
  const decided = reader
    .query<Known>(
      `SELECT original, replacement, kind FROM anonymisation_hit
       WHERE decision IN ('accepted', 'changed') AND kind <> 'pronoun' ORDER BY id`,
    )
    .all();
  for (const entry of decided) {
    if (!known.has(lowered(entry.original))) known.set(lowered(entry.original), entry);
  }
  return known;
}

const asIdentifiers = (known: Map<string, Known>): KnownIdentifier[] => [...known.values()].map((entry) => ({ original: entry.original, kind: entry.kind }));

/** What the study already replaces, as the detector takes it: found wherever it occurs, in any case. */
export function knownIdentifiers(reader: StudyReader): KnownIdentifier[] {
  return asIdentifiers(knownReplacements(reader));
}

interface Candidate {
  lineId: string;
  start: number;
  end: number;
  original: string;
  kind: HitKind;
  source: HitSource;
  /** For a rule or a pronoun: what it becomes. */
  replacement: string;
}

/**
 * A hit's identity across refreshes: its line, its text, and which occurrence of that text in the
 * line it is. An edit elsewhere in the line moves the offsets but keeps the decision.
 */
function identities<T extends { lineId: string; original: string; start: number }>(items: T[]): Map<string, T> {
  const byIdentity = new Map<string, T>();
  const seen = new Map<string, number>();
  for (const item of [...items].sort((a, b) => (a.lineId === b.lineId ? a.start - b.start : a.lineId < b.lineId ? -1 : 1))) {
    const base = `${item.lineId}\u0000${lowered(item.original)}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    byIdentity.set(`${base}\u0000${occurrence}`, item);
  }
  return byIdentity;
}

/** Drops the candidates that overlap one earlier in the list (the list is in order of trust). */
function withoutOverlaps(candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    if (!kept.some((other) => other.lineId === candidate.lineId && other.start < candidate.end && candidate.start < other.end)) kept.push(candidate);
  }
  return kept;
}

/**
 * Moves the label counters past every numbered replacement already written in any transcript, so
 * a transcript anonymised by hand before it came in ("[NAVN 3]") never has its people renumbered
 * onto someone else.
 */
function catchUpLabels(writer: StudyWriter): void {
  const rows = writer.query<{ text: string }>("SELECT text FROM transcript_line WHERE instr(text, '[') > 0").iterate();
  const highest = highestLabelNumbers(Array.from(rows, (row) => row.text));
  const raise = writer.statement(
    `INSERT INTO anonymisation_label (kind, last_number) VALUES (?, ?)
     ON CONFLICT (kind) DO UPDATE SET last_number = max(last_number, excluded.last_number)`,
  );
  for (const kind of numberedKinds) if (highest[kind] > 0) raise.run(kind, highest[kind]);
}

/** Runs the detector on the lines as they are now and stores the hits, keeping the decisions already made. */
export function refreshReview(writer: StudyWriter, transcriptId: number): void {
  transcriptRow(writer, transcriptId);
  catchUpLabels(writer);
  const lines: DetectorLine[] = linesOf(writer, transcriptId);
  const options = readOptions(writer);
  const known = knownReplacements(writer);
  const stored = hitsOf(writer, transcriptId);

  // The researcher's rules for this transcript first, then what the study knows and the detector finds, then pronouns.
  const rules = new Map<string, { original: string; kind: HitKind; replacement: string }>();
  for (const hit of stored) if (hit.source === 'rule') rules.set(lowered(hit.original), { original: hit.original, kind: hit.kind, replacement: hit.replacement });
  const candidates: Candidate[] = [];
  for (const rule of rules.values()) {
    for (const found of findOccurrences(lines, [rule.original])) {
      candidates.push({ ...found, original: found.text, kind: rule.kind, source: 'rule', replacement: rule.replacement });
    }
  }
  for (const hit of detectIdentifiers(lines, { known: asIdentifiers(known) })) {
    candidates.push({ ...hit, original: hit.text, source: known.has(lowered(hit.text)) ? 'key' : 'detector', replacement: '' });
  }
  if (options.pronoun) {
    for (const proposal of proposePronouns(lines, pronounReplacements(options.pronoun))) {
      candidates.push({ ...proposal, original: proposal.text, source: 'pronoun' });
    }
  }
  const fresh = withoutOverlaps(candidates);

  const storedByIdentity = identities(stored.map((hit) => ({ ...hit, lineId: hit.line_id })));
  const matched = new Set<number>();
  const update = writer.statement('UPDATE anonymisation_hit SET start = ?, end = ?, original = ?, kind = ?, source = ?, replacement = ? WHERE id = ?');
  const insert = writer.statement(
    `INSERT INTO anonymisation_hit (transcript_id, line_id, start, end, original, kind, source, decision, replacement)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [identity, candidate] of identities(fresh)) {
    const previous = storedByIdentity.get(identity);
    const fromKey = candidate.kind === 'pronoun' ? undefined : known.get(lowered(candidate.original));
    if (previous && (previous.source === 'rule') === (candidate.source === 'rule')) {
      matched.add(previous.id);
      const decided = previous.decision !== 'open';
      // An open hit takes what the study now uses for its text; a decided one keeps its decision.
      const replacement = decided ? previous.replacement : candidate.replacement || fromKey?.replacement || previous.replacement;
      update.run(candidate.start, candidate.end, candidate.original, decided ? previous.kind : candidate.kind, decided ? previous.source : candidate.source, replacement, previous.id);
    } else {
      const decision: Decision = candidate.source === 'rule' ? 'changed' : 'open';
      insert.run(transcriptId, candidate.lineId, candidate.start, candidate.end, candidate.original, candidate.kind, candidate.source, decision, candidate.replacement || fromKey?.replacement || '');
    }
  }
  const remove = writer.statement('DELETE FROM anonymisation_hit WHERE id = ?');
  for (const hit of stored) if (!matched.has(hit.id)) remove.run(hit.id);
}

function lastNumbers(reader: StudyReader): Map<string, number> {
  return new Map(reader.query<{ kind: string; last_number: number }>('SELECT kind, last_number FROM anonymisation_label').all().map((row) => [row.kind, row.last_number]));
}

/** The replacement accepting a hit gives now: the study's for its text, the hit's own (a pronoun), or the next label. */
function proposedReplacement(hit: HitRow, known: Map<string, Known>, numbers: Map<string, number>, options: ReviewOptions): string {
  if (hit.kind === 'pronoun') return hit.replacement;
  const fromKey = known.get(lowered(hit.original));
  if (fromKey) return fromKey.replacement;
  if (hit.replacement) return hit.replacement;
  return replacementLabel(hit.kind, options.labelLanguage, isNumbered(hit.kind) ? (numbers.get(hit.kind) ?? 0) + 1 : undefined);
}

/** Gives the next number of a kind for good and returns its label. */
function takeLabel(writer: StudyWriter, kind: IdentifierKind, options: ReviewOptions): string {
  if (!isNumbered(kind)) return replacementLabel(kind, options.labelLanguage);
  const row = writer
    .statement<{ last_number: number }>(
      `INSERT INTO anonymisation_label (kind, last_number) VALUES (?, 1)
       ON CONFLICT (kind) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
    )
    .get(kind);
  return replacementLabel(kind, options.labelLanguage, row!.last_number);
}

const contextWords = 6;

function around(text: string, start: number, end: number): { before: string; after: string } {
  const beforeWords = text.slice(0, start).split(/(?<=\s)/u);
  const afterWords = text.slice(end).split(/(?=\s)/u);
  const before = beforeWords.slice(-contextWords).join('');
  const after = afterWords.slice(0, contextWords).join('');
  return {
    before: beforeWords.length > contextWords ? `…${before}` : before,
    after: afterWords.length > contextWords ? `${after}…` : after,
  };
}

export function readReview(reader: StudyReader, transcriptId: number): Review {
  const transcript = transcriptRow(reader, transcriptId);
  const lines = new Map(linesOf(reader, transcriptId).map((line) => [line.id, line]));
  const options = readOptions(reader);
  const known = knownReplacements(reader);
  const numbers = lastNumbers(reader);
  const counts = { open: 0, accepted: 0, rejected: 0, changed: 0 };
  const hits: ReviewHit[] = hitsOf(reader, transcriptId).map((hit) => {
    counts[hit.decision] += 1;
    const line = lines.get(hit.line_id)!;
    const replacement = hit.decision === 'open' ? proposedReplacement(hit, known, numbers, options) : hit.replacement;
    const study = known.get(lowered(hit.original));
    return {
      id: hit.id,
      lineId: hit.line_id,
      lineNumber: line.position,
      speaker: line.speaker,
      start: hit.start,
      end: hit.end,
      original: hit.original,
      kind: hit.kind,
      source: hit.source,
      decision: hit.decision,
      replacement,
      consistent: study !== undefined && study.replacement === replacement,
      ...around(line.text, hit.start, hit.end),
      lineText: line.text,
    };
  });
  return {
    transcript: {
      id: transcript.id,
      title: transcript.title,
      pseudonym: transcript.pseudonym,
      state: transcript.state,
      anonymisedAt: transcript.anonymised_at,
      revision: transcript.revision,
      lines: lines.size,
    },
    options,
    hits,
    counts,
  };
}

function hitById(reader: StudyReader, transcriptId: number, hitId: number): HitRow {
  const hit = reader
    .query<HitRow>(
      `SELECT id, transcript_id, line_id, start, end, original, kind, source, decision, replacement
       FROM anonymisation_hit WHERE id = ? AND transcript_id = ?`,
    )
    .get(hitId, transcriptId);
  if (!hit) throw new GroundworkError('anonymisation.hitMissing');
  return hit;
}

export interface DecisionInput {
  transcriptId: number;
  hitId: number;
  decision: Decision;
  replacement?: string | undefined;
  reach: DecisionReach;
}

/** Decides one hit, or every hit with the same text in the transcript, or also in every transcript still under review (raw). */
export function decide(writer: StudyWriter, input: DecisionInput): void {
  const hit = hitById(writer, input.transcriptId, input.hitId);
  const isPronoun = hit.kind === 'pronoun' ? 1 : 0;
  const targets =
    input.reach === 'hit'
      ? [hit.id]
      : writer
          .query<{ id: number }>(
            `SELECT id FROM anonymisation_hit
             WHERE original = ? COLLATE NOCASE AND (kind = 'pronoun') = ?
               AND ${input.reach === 'transcript' ? 'transcript_id = ?' : "(transcript_id = ? OR transcript_id IN (SELECT id FROM transcript WHERE state = 'raw'))"}`,
          )
          .all(hit.original, isPronoun, hit.transcript_id)
          .map((row) => row.id);
  let replacement: string | null = null;
  if (input.decision === 'changed') replacement = input.replacement!;
  if (input.decision === 'accepted') {
    const options = readOptions(writer);
    const known = knownReplacements(writer).get(lowered(hit.original));
    replacement = hit.kind === 'pronoun' ? hit.replacement : (known?.replacement ?? (hit.replacement || takeLabel(writer, hit.kind, options)));
  }
  const set = writer.statement(
    replacement === null
      ? 'UPDATE anonymisation_hit SET decision = ? WHERE id = ?'
      : 'UPDATE anonymisation_hit SET decision = ?, replacement = ? WHERE id = ?',
  );
  for (const id of targets) {
    if (replacement === null) set.run(input.decision, id);
    else set.run(input.decision, replacement, id);
  }
}

export interface RuleInput {
  transcriptId: number;
  original: string;
  replacement: string;
  kind: IdentifierKind;
  scope: 'transcript' | 'study';
}

/**
 * The researcher's own rule: every occurrence of `original` (whole words, any case) becomes
 * `replacement`. In this transcript at once (decided, replacing what the detector proposed there);
 * for the study it also enters the key, so every other review finds and proposes it.
 */
export function addRule(writer: StudyWriter, input: RuleInput, now = new Date()): void {
  transcriptRow(writer, input.transcriptId);
  if (input.scope === 'study') {
    const existing = writer
      .query<{ id: number; replacement: string; uses: number }>(
        `SELECT k.id, k.replacement, (SELECT count(*) FROM anonymisation_key_use u WHERE u.key_id = k.id) AS uses
         FROM anonymisation_key k WHERE k.original = ?`,
      )
      .get(input.original);
    // A replacement already written into an anonymised transcript cannot change without making the study inconsistent.
    if (existing && existing.replacement !== input.replacement && existing.uses > 0) throw new GroundworkError('anonymisation.keyInUse');
    if (existing) writer.statement('UPDATE anonymisation_key SET replacement = ?, kind = ? WHERE id = ?').run(input.replacement, input.kind, existing.id);
    else
      writer
        .statement('INSERT INTO anonymisation_key (original, replacement, kind, created_at) VALUES (?, ?, ?, ?)')
        .run(input.original, input.replacement, input.kind, now.toISOString());
    // Other reviews: their hits of this text are decided by the rule too.
    writer
      .statement(
        `UPDATE anonymisation_hit SET decision = 'changed', replacement = ?, kind = ?
         WHERE original = ? COLLATE NOCASE AND kind <> 'pronoun' AND transcript_id <> ?
           AND transcript_id IN (SELECT id FROM transcript WHERE state = 'raw')`,
      )
      .run(input.replacement, input.kind, input.original, input.transcriptId);
  }
  const lines = linesOf(writer, input.transcriptId);
  const occurrences = findOccurrences(lines, [input.original]);
  const overlapping = writer.statement(
    'DELETE FROM anonymisation_hit WHERE transcript_id = ? AND line_id = ? AND start < ? AND end > ?',
  );
  const insert = writer.statement(
    `INSERT INTO anonymisation_hit (transcript_id, line_id, start, end, original, kind, source, decision, replacement)
     VALUES (?, ?, ?, ?, ?, ?, 'rule', 'changed', ?)`,
  );
  for (const found of occurrences) {
    overlapping.run(input.transcriptId, found.lineId, found.end, found.start);
    insert.run(input.transcriptId, found.lineId, found.start, found.end, found.text, input.kind, input.replacement);
  }
}

export function setOptions(writer: StudyWriter, transcriptId: number, options: ReviewOptions): void {
  writeOptions(writer, options);
  refreshReview(writer, transcriptId);
}

export interface FinishResult {
  transcriptId: number;
  revision: number;
  anonymisedAt: string;
  replaced: number;
  keyEntries: number;
}

/**
 * Finishes the review: every accepted and changed replacement goes into the lines at once, the key
 * records each original with the transcripts that use it, the transcript becomes 'anonymised' and
 * its revision moves on (so an editor's autosave from before is refused). Refused while a hit is
 * open, or when the text changed since the review was refreshed. The audit trail gets counts only.
 */
export function finishReview(writer: StudyWriter, transcriptId: number, revision: number, now = new Date()): FinishResult {
  const transcript = transcriptRow(writer, transcriptId);
  if (transcript.revision !== revision) throw new GroundworkError('anonymisation.stale');
  const hits = hitsOf(writer, transcriptId);
  if (hits.some((hit) => hit.decision === 'open')) throw new GroundworkError('anonymisation.openHits');
  const applied = hits.filter((hit) => hit.decision === 'accepted' || hit.decision === 'changed');
  const lines = new Map(linesOf(writer, transcriptId).map((line) => [line.id, line.text]));

  const byLine = new Map<string, HitRow[]>();
  for (const hit of applied) byLine.set(hit.line_id, [...(byLine.get(hit.line_id) ?? []), hit]);
  const setLine = writer.statement('UPDATE transcript_line SET text = ? WHERE id = ?');
  const replaced: Parameters<typeof mapAnchorsThroughReplacements>[1][number][] = [];
  for (const [lineId, lineHits] of byLine) {
    const before = lines.get(lineId)!;
    let text = before;
    let limit = text.length;
    for (const hit of lineHits.sort((a, b) => b.start - a.start)) {
      if (hit.end > limit || text.slice(hit.start, hit.end) !== hit.original) throw new GroundworkError('anonymisation.stale');
      text = text.slice(0, hit.start) + hit.replacement + text.slice(hit.end);
      limit = hit.start;
    }
    setLine.run(text, lineId);
    replaced.push({ lineId, before, after: text, replacements: lineHits.map((hit) => ({ start: hit.start, end: hit.end, replacement: hit.replacement })) });
  }
  // Codings, quotes and passage memos on those lines stay on their words (a replaced name stays coded).
  mapAnchorsThroughReplacements(writer, replaced);

  const at = now.toISOString();
  const findKey = writer.query<{ id: number }>('SELECT id FROM anonymisation_key WHERE original = ?');
  const addKey = writer.statement('INSERT INTO anonymisation_key (original, replacement, kind, created_at) VALUES (?, ?, ?, ?)');
  const use = writer.statement('INSERT OR IGNORE INTO anonymisation_key_use (key_id, transcript_id) VALUES (?, ?)');
  let keyEntries = 0;
  for (const hit of applied) {
    if (hit.kind === 'pronoun') continue;
    let keyId = findKey.get(hit.original)?.id;
    if (keyId === undefined) {
      keyId = Number(addKey.run(hit.original, hit.replacement, hit.kind, at).lastInsertRowid);
      keyEntries += 1;
    }
    use.run(keyId, transcriptId);
  }
  // The applied hits' originals now live only in the key; rejected ones stay, so a later review keeps them rejected.
  writer.statement("DELETE FROM anonymisation_hit WHERE transcript_id = ? AND decision IN ('accepted', 'changed')").run(transcriptId);
  writer
    .statement("UPDATE transcript SET state = 'anonymised', anonymised_at = ?, revision = revision + 1, updated_at = ? WHERE id = ?")
    .run(at, at, transcriptId);
  recordAudit(
    writer,
    'anonymisation.finished',
    {
      transcriptId,
      replaced: applied.length,
      pronouns: applied.filter((hit) => hit.kind === 'pronoun').length,
      rejected: hits.length - applied.length,
      keyEntriesAdded: keyEntries,
    },
    now,
  );
  return { transcriptId, revision: transcript.revision + 1, anonymisedAt: at, replaced: applied.length, keyEntries };
}
