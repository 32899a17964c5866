/**
 * The transcript as lines, the units of line-by-line coding. Pure: the core uses it to turn an
 * imported file into lines, the editor to split, join and count. No Node, no DOM.
 */

export const speakers = ['interviewer', 'participant', 'other'] as const;
export type Speaker = (typeof speakers)[number];

export interface TranscriptLine {
  /** Stable for the life of the line: a code is anchored to it, so it never changes with the text. */
  id: string;
  speaker: Speaker;
  /** Where the line starts in the recording, in milliseconds, if known. */
  timestampMs: number | null;
  text: string;
}

/** A line as an importer or splitter makes it, before it has an id. */
export type LineDraft = Omit<TranscriptLine, 'id'>;

// ── Ids ─────────────────────────────────────────────────────────────────────────────────────

const idAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Twelve characters of 62: about 71 bits, so a study never sees the same id twice. */
export const lineIdLength = 12;
export const lineIdPattern = /^[A-Za-z0-9_-]{6,32}$/;

/**
 * A line id from random bytes (at least `lineIdLength` of them). Each side passes its own
 * cryptographic random source (`crypto.getRandomValues`), since `shared/` may not reach either.
 */
export function lineIdFrom(randomBytes: Uint8Array): string {
  let id = '';
  for (let index = 0; index < lineIdLength; index += 1) id += idAlphabet[(randomBytes[index] ?? 0) % idAlphabet.length];
  return id;
}

// ── Counting ────────────────────────────────────────────────────────────────────────────────

const wordPattern = /[\p{L}\p{N}]+(?:['’\-.:,][\p{L}\p{N}]+)*/gu;

/** Words as a reader counts them: runs of letters or digits ("ikke-ting", "3,5" and "kl.10" are one each). */
export function countWords(text: string): number {
  let count = 0;
  wordPattern.lastIndex = 0;
  while (wordPattern.exec(text) !== null) count += 1;
  return count;
}

// ── Timestamps ──────────────────────────────────────────────────────────────────────────────

/** `h:mm:ss` from milliseconds (`mm:ss` under an hour), as the margin and the exports show it. */
export function formatTimestamp(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}

/** `[01:02:03]`, `(02:03)`, `01:02:03.5` and the like; null when it is not a time. */
export function parseTimestamp(text: string): number | null {
  const match = /^[[(]?(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?[\])]?$/.exec(text.trim());
  if (!match) return null;
  const [, hours, minutes, seconds, fraction] = match;
  if (Number(seconds) >= 60 || (hours !== undefined && Number(minutes) >= 60)) return null;
  const ms = fraction ? Number(fraction.padEnd(3, '0')) : 0;
  return ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + ms;
}

// ── Speakers ────────────────────────────────────────────────────────────────────────────────

const interviewerNames = new Set(['i', 'int', 'f', 'intervjuer', 'intervjuar', 'interviewer', 'forsker', 'researcher', 'moderator', 'spørsmål', 'q']);
const participantNames = new Set(['d', 'p', 'inf', 'deltaker', 'deltakar', 'participant', 'informant', 'respondent', 'svar', 'a']);

/** What a speaker's name in a file says on its own: "Intervjuer", "I", "Deltaker 3", "D2"… */
export function speakerFromName(name: string): Speaker | null {
  const word = name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]*\d+$/, '');
  if (interviewerNames.has(word)) return 'interviewer';
  if (participantNames.has(word)) return 'participant';
  return null;
}

/**
 * Tells the speakers of one file apart. Names it recognises go to their role; other names are
 * given roles in the order they first speak: an interview opens with the interviewer, then the
 * participant answers, and anyone after that is "other". The researcher can change any line.
 */
export class SpeakerMap {
  private readonly byName = new Map<string, Speaker>();
  private readonly taken = new Set<Speaker>();

  speakerOf(name: string): Speaker {
    const key = name.trim().toLowerCase();
    const known = this.byName.get(key);
    if (known) return known;
    const speaker = speakerFromName(name) ?? (this.taken.has('interviewer') ? (this.taken.has('participant') ? 'other' : 'participant') : 'interviewer');
    this.byName.set(key, speaker);
    this.taken.add(speaker);
    return speaker;
  }

  /** Reserves roles that named speakers already hold, so unknown names fill the others. */
  preload(names: Iterable<string>): void {
    for (const name of names) {
      const speaker = speakerFromName(name);
      if (speaker) {
        this.byName.set(name.trim().toLowerCase(), speaker);
        this.taken.add(speaker);
      }
    }
  }
}

/** "Name: text" at the start of a paragraph (a name of at most four words, no sentence before it). */
const speakerPrefix = /^\s*([\p{L}][\p{L}\p{N} .'’-]{0,40}?)\s*:\s+(?=\S)/u;

export function splitSpeakerPrefix(text: string): { name: string; rest: string } | null {
  const match = speakerPrefix.exec(text);
  if (!match) return null;
  const name = match[1]!.trim();
  // A time of day ("kl. 10: …") or a sentence with a colon is not a speaker.
  if (name.split(/\s+/).length > 4 || name.includes('.')) return null;
  return { name, rest: text.slice(match[0].length) };
}

// ── Splitting into utterances ───────────────────────────────────────────────────────────────

/** Abbreviations after which a full stop does not end a sentence (bokmål and English). */
const abbreviations = new Set([
  'f.eks', 'eks', 'bl.a', 'osv', 'dvs', 'ca', 'nr', 'mv', 'm.m', 'o.l', 'evt', 'kl', 'jf', 'ref', 'dr', 'hr', 'fr', 'pr', 'iflg',
  'ifm', 'mht', 'vs', 'etc', 'e.g', 'i.e', 'mr', 'mrs', 'ms', 'prof', 'st', 'tlf', 'adr', 'avd', 'bla', 'ds', 'fk', 'jan', 'feb',
  'mar', 'apr', 'aug', 'sep', 'sept', 'okt', 'nov', 'des', 'dec', 'min', 'sek', 'ang', 'ev', 'gl', 'nå', 'mm', 'inkl', 'ekskl',
]);

/** A long utterance is broken at a pause (a comma, semicolon or dash) once it passes this many words. */
export const longUtteranceWords = 40;
const shortestPart = 8;

function endsWithAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)\.$/u.exec(before)?.[1]?.toLowerCase();
  if (!word) return false;
  // A single letter with a full stop is an initial ("K. Berg"), not the end of a sentence.
  return abbreviations.has(word) || /^\p{L}$/u.test(word);
}

/** Sentences: a break after . ! ? or … when the next word starts a new sentence. */
function sentences(text: string): string[] {
  const parts: string[] = [];
  const boundary = /([.!?…]+["»”')\]]*)\s+(?=["«“([–-]?\s*[\p{Lu}\p{N}])/gu;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(text)) !== null) {
    const end = match.index + match[1]!.length;
    const candidate = text.slice(start, end);
    if (match[1] === '.' && endsWithAbbreviation(candidate)) continue;
    parts.push(candidate.trim());
    start = match.index + match[0].length;
  }
  parts.push(text.slice(start).trim());
  return parts.filter((part) => part !== '');
}

/** Breaks an utterance that runs on at the pause nearest its middle, until every part is short. */
function shortUtterances(sentence: string): string[] {
  const words = countWords(sentence);
  if (words <= longUtteranceWords) return [sentence];
  const pauses = [...sentence.matchAll(/[,;:]\s+|\s+[–-]\s+/g)];
  const middle = sentence.length / 2;
  let best: { at: number; distance: number } | null = null;
  for (const pause of pauses) {
    const at = pause.index + pause[0].length;
    const left = countWords(sentence.slice(0, at));
    if (left < shortestPart || words - left < shortestPart) continue;
    const distance = Math.abs(at - middle);
    if (!best || distance < best.distance) best = { at, distance };
  }
  if (!best) return [sentence];
  return [...shortUtterances(sentence.slice(0, best.at).trim()), ...shortUtterances(sentence.slice(best.at).trim())];
}

/** One sentence or short utterance per entry, in order; whitespace inside is made single. */
export function splitUtterances(text: string): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return [];
  return sentences(clean).flatMap(shortUtterances);
}

// ── Plain text to lines ─────────────────────────────────────────────────────────────────────

/** A paragraph that only names the speaker and when they start ("Speaker 1  0:03", "Intervjuer (00:01:02)"). */
function speakerHeading(paragraph: string): { name: string; timestampMs: number | null } | null {
  const match = /^([\p{L}][\p{L}\p{N} .'’-]{0,40}?)\s*[:]?\s*[[(]?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]?\s*$/u.exec(paragraph.trim());
  if (!match) return null;
  const timestampMs = parseTimestamp(match[2]!);
  return timestampMs === null ? null : { name: match[1]!.trim(), timestampMs };
}

/** A time at the start of a paragraph: "[00:01:02] …", "00:01:02 …", "(1:02) …". */
function leadingTimestamp(paragraph: string): { timestampMs: number; rest: string } | null {
  const match = /^\s*([[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[\])]?)\s+(?=\S)/.exec(paragraph);
  if (!match) return null;
  const timestampMs = parseTimestamp(match[1]!);
  return timestampMs === null ? null : { timestampMs, rest: paragraph.slice(match[0].length) };
}

export interface Utterance {
  /** The speaker's name as the file writes it, if it does. */
  name: string | null;
  timestampMs: number | null;
  text: string;
}

/**
 * The utterances of a plain-text transcript: one per paragraph (blank lines or single line
 * breaks), each with the speaker named before it ("I: …", "Deltaker 3: …", or a heading line such
 * as "Speaker 1  0:03") and a leading time if it has one. A paragraph without a name continues the
 * speaker before it.
 */
export function utterancesOfText(text: string): Utterance[] {
  const utterances: Utterance[] = [];
  let name: string | null = null;
  let pendingTime: number | null = null;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    let paragraph = raw.trim();
    if (paragraph === '') continue;
    const heading = speakerHeading(paragraph);
    if (heading) {
      name = heading.name;
      pendingTime = heading.timestampMs;
      continue;
    }
    let timestampMs = pendingTime;
    pendingTime = null;
    const timed = leadingTimestamp(paragraph);
    if (timed) {
      timestampMs = timed.timestampMs;
      paragraph = timed.rest;
    }
    const prefixed = splitSpeakerPrefix(paragraph);
    if (prefixed) {
      name = prefixed.name;
      paragraph = prefixed.rest;
    }
    utterances.push({ name, timestampMs, text: paragraph });
  }
  return utterances;
}

/**
 * Lines from utterances: each utterance split into sentences or short utterances, its speaker
 * resolved by `map`, its time on the first of its lines. Without a name the speaker is the
 * one before (at the start, the participant: a typed or pasted text is mostly what they said).
 *
 * `joinTurns` is for subtitles, whose cues cut a sentence wherever the screen was full: a
 * speaker's consecutive cues are read as one turn, split into sentences, and each line gets the
 * time of the cue it starts in (shown only where it changes).
 */
export function linesOfUtterances(utterances: readonly Utterance[], options: { joinTurns?: boolean } = {}): LineDraft[] {
  const map = new SpeakerMap();
  map.preload(utterances.flatMap((utterance) => (utterance.name ? [utterance.name] : [])));
  const lines: LineDraft[] = [];
  let index = 0;
  while (index < utterances.length) {
    const first = utterances[index]!;
    const speaker = first.name ? map.speakerOf(first.name) : (lines.at(-1)?.speaker ?? 'participant');
    // The utterances of this turn: one, or (joinTurns) every following one by the same speaker.
    const turn: Utterance[] = [first];
    index += 1;
    while (options.joinTurns && index < utterances.length) {
      const next = utterances[index]!;
      if ((next.name ? map.speakerOf(next.name) : speaker) !== speaker) break;
      turn.push(next);
      index += 1;
    }
    // Where each utterance starts in the turn's text, to give each line the time it starts at.
    const parts = turn.map((utterance) => ({ timestampMs: utterance.timestampMs, text: utterance.text.replace(/\s+/g, ' ').trim() })).filter((part) => part.text !== '');
    const starts: number[] = [];
    let length = 0;
    for (const part of parts) {
      starts.push(length);
      length += part.text.length + 1;
    }
    const text = parts.map((part) => part.text).join(' ');
    let cursor = 0;
    let lastTime: number | null = null;
    for (const sentence of splitUtterances(text)) {
      const at = text.indexOf(sentence, cursor);
      cursor = at + sentence.length;
      let part = 0;
      while (part + 1 < starts.length && starts[part + 1]! <= at) part += 1;
      const time = parts[part]?.timestampMs ?? null;
      lines.push({ speaker, timestampMs: time !== null && time !== lastTime ? time : null, text: sentence });
      if (time !== null) lastTime = time;
    }
  }
  return lines;
}

/** Typed or pasted text (or a .txt or .docx file's text) as lines. */
export function linesOfText(text: string): LineDraft[] {
  return linesOfUtterances(utterancesOfText(text));
}

// ── Stable ids through splits, joins and pastes ────────────────────────────────────────────

/**
 * Which lines need a new id: those without one, and every later line that repeats an id seen
 * before it. So when a line is split the first part keeps the id (what is coded at its start stays
 * anchored) and the second part is a new line; a join keeps the first line's id; lines copied and
 * pasted within the transcript get ids of their own.
 */
export function linesNeedingIds(ids: readonly (string | null | undefined)[]): number[] {
  const seen = new Set<string>();
  const needing: number[] = [];
  ids.forEach((id, index) => {
    if (!id || !lineIdPattern.test(id) || seen.has(id)) needing.push(index);
    else seen.add(id);
  });
  return needing;
}
