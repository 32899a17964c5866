import { type HitKind, type IdentifierKind } from './kinds.js';
import { lexicon, wordPattern, type Lexicon } from './lexicon.js';
import { findAddresses, findAges, findDates, findEmails, findNumbers, isStreetName, isStreetWord, type Span } from './patterns.js';

/**
 * The detector: proposes what in a transcript's lines may identify someone. Pure and synchronous,
 * so it runs in the core, in the UI and in tests alike. It proposes; the researcher decides.
 *
 * In order of trust:
 * 1. what the study's key (or an earlier decision) already names, wherever it occurs, in any case;
 * 2. details with a shape: e-mail, national identity numbers (check digits by a validator
 *    library), phone numbers, street addresses, exact dates, ages;
 * 3. words: organisations ("… kommune", "NAV …", known employers), places (every municipality,
 *    towns, districts), names (the name lists, and any capitalised word where a sentence does not
 *    start and that is not an everyday word).
 */

export interface DetectorLine {
  id: string;
  text: string;
}

export interface DetectedHit {
  lineId: string;
  start: number;
  end: number;
  text: string;
  kind: IdentifierKind;
}

/** An original the study already knows (from the key, or a decision in another review). */
export interface KnownIdentifier {
  original: string;
  kind: IdentifierKind;
}

export interface DetectOptions {
  known?: readonly KnownIdentifier[];
}

interface Token {
  start: number;
  end: number;
  word: string;
  lower: string;
  capital: boolean;
  allCaps: boolean;
  sentenceStart: boolean;
}

/** Words after which a capitalised word at a sentence's start is a person: "Per sa", "Liv ringte". */
const personVerbs = new Set(
  `sa sier ringte ringer kom kommer gikk går spurte spør mente mener syntes synes tenkte tenker fortalte forteller hjalp hjelper skrev skriver sendte tok fikk ga gav
  ville vil skulle skal kunne kan måtte må hadde har var er og bor bodde jobber jobbet døde flyttet fylte het heter ble blir sluttet begynte lærte viste`
    .split(/\s+/)
    .filter(Boolean),
);

/** Before a capitalised word, these make it a place: "bor i Hamar", "kommer fra Vadsø". */
const placePrepositions = new Set(['i', 'fra', 'til', 'ved', 'rundt', 'utenfor', 'nær', 'mot', 'gjennom', 'innen', 'via', 'nord', 'sør', 'øst', 'vest']);
const placeEnding = /(?:vik|dal|dalen|by|byen|stad|heim|berg|fjord|fjorden|øy|øya|sund|nes|våg|vågen|havn|mo|land|rud|set|åsen|strand|bø|vang|haug|li|lia|ås|eid|vatn|vann|elv|bakken|sjøen|stranda|holm|holmen)$/u;
/** Words after which the next word is a name whatever its case: "jeg heter kari". */
const namingWords = new Set(['heter', 'het', 'kalles', 'kalt', 'kaller']);
/** Abbreviations whose full stop does not end a sentence: "St. Olavs", "Dr. Hansen". */
const abbreviations = new Set(['st', 'dr', 'ca', 'nr', 'kl', 'bl', 'mv', 'pga', 'osv', 'evt', 'f', 'jf', 'mr', 'mrs', 'fru', 'hr', 'prof']);
/** Suffixes that only count in capitals: "Bakeriet AS", "Sandnes IL", "Jæren DPS" (never "da" or "as" the words). */
const capitalSuffixes = new Set(['as', 'asa', 'sa', 'ans', 'da', 'il', 'fk', 'bk', 'dps', 'vgs']);
/** Nouns in the definite form and plurals: a sentence may start with them before a verb ("Naboen sa"). */
const nounShape = /(?:en|et|ene|a|er|ane|ing|else|het|sjon|ene|ere|ter|skap)$/u;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let previousLower = '';
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0];
    const start = match.index;
    const between = text.slice(previousEnd, start);
    const sentenceStart =
      tokens.length === 0 ||
      /[!?…:;«»"“”()–—]/u.test(between) ||
      (between.includes('.') && !(between.trimStart().startsWith('.') && abbreviations.has(previousLower)));
    const lower = word.toLocaleLowerCase('nb');
    const first = word[0]!;
    tokens.push({
      start,
      end: start + word.length,
      word,
      lower,
      capital: first !== first.toLocaleLowerCase('nb'),
      allCaps: word.length >= 2 && /\p{L}/u.test(word) && word === word.toLocaleUpperCase('nb') && !/^\d+$/.test(word),
      sentenceStart,
    });
    previousEnd = start + word.length;
    previousLower = lower;
  }
  return tokens;
}

type WordClass = 'ambiguous' | 'listed' | 'common' | 'unknown';

function classify(lex: Lexicon, lower: string): WordClass {
  if (lex.ambiguous.has(lower)) return 'ambiguous';
  if (lex.firstNames.has(lower) || lex.surnames.has(lower) || lex.places.has(lower)) return 'listed';
  if (lex.common.has(lower) || lex.harmless.has(lower)) return 'common';
  return 'unknown';
}

/** "Karis" → "kari", "Trondheims" → "trondheim": the genitive of a listed name or place. */
function genitiveBase(lex: Lexicon, lower: string): string | null {
  if (lower.length < 4 || !lower.endsWith('s')) return null;
  const base = lower.slice(0, -1);
  return classify(lex, lower) !== 'listed' && classify(lex, base) === 'listed' ? base : null;
}

class LineDetector {
  private readonly tokens: Token[];
  private readonly taken: Span[] = [];
  private readonly found: Span[] = [];

  constructor(
    private readonly lex: Lexicon,
    private readonly text: string,
    private readonly known: RegExp | null,
    private readonly knownKinds: Map<string, IdentifierKind>,
  ) {
    this.tokens = tokenize(text);
  }

  run(): Span[] {
    // A replacement already made ("[NAVN 1]", "[by]") is never proposed again.
    for (const match of this.text.matchAll(/\[[^[\]\n]{1,80}\]/gu)) this.taken.push({ start: match.index, end: match.index + match[0].length, kind: 'other' });
    // Trusted first: what the key names, then the shaped details; a later finder never overlaps an earlier one.
    if (this.known) {
      for (const match of this.text.matchAll(this.known)) {
        const kind = this.knownKinds.get(match[0].toLocaleLowerCase('nb')) ?? 'other';
        this.take({ start: match.index, end: match.index + match[0].length, kind });
      }
    }
    const isCommon = (lower: string) => this.lex.common.has(lower);
    for (const span of [...findEmails(this.text), ...findDates(this.text), ...findNumbers(this.text), ...findAddresses(this.text, isCommon), ...findAges(this.text)]) {
      this.take(span);
    }
    this.words();
    return this.found.sort((a, b) => a.start - b.start);
  }

  private overlaps(start: number, end: number): boolean {
    return this.taken.some((span) => span.start < end && start < span.end);
  }

  private take(span: Span): boolean {
    if (span.end <= span.start || this.overlaps(span.start, span.end)) return false;
    this.taken.push(span);
    this.found.push(span);
    return true;
  }

  private free(index: number): boolean {
    const token = this.tokens[index];
    return token !== undefined && !this.overlaps(token.start, token.end);
  }

  /** Whether tokens `a` and `a + 1` are one name's words: only a space or a hyphen between them. */
  private joined(a: number, tight = false): boolean {
    const left = this.tokens[a];
    const right = this.tokens[a + 1];
    if (!left || !right) return false;
    const between = this.text.slice(left.end, right.start);
    return tight ? /^(?:\s|-)$/u.test(between) : /^(?:[ \u00a0]{1,2}|-|\.\s|&|\s&\s|\/)$/u.test(between);
  }

  /** The longest phrase from `set` that starts at token `index`, in tokens, or 0. */
  private phraseAt(index: number, set: Set<string>, longest: number): number {
    for (let length = Math.min(longest, this.tokens.length - index); length >= 1; length -= 1) {
      let key = this.tokens[index]!.lower;
      let fits = this.free(index);
      for (let next = index + 1; fits && next < index + length; next += 1) {
        fits = this.joined(next - 1) && this.free(next);
        key += ` ${this.tokens[next]!.lower}`;
      }
      if (fits && set.has(key)) return length;
    }
    return 0;
  }

  private followedByPersonVerb(index: number): boolean {
    const next = this.tokens[index];
    return next !== undefined && personVerbs.has(next.lower);
  }

  private isSuffix(index: number): boolean {
    const token = this.tokens[index];
    if (!token || !this.free(index) || !this.lex.organisationSuffixes.has(token.lower)) return false;
    return !capitalSuffixes.has(token.lower) || token.allCaps;
  }

  /** Takes tokens `from`..`to` (exclusive) as one span; a genitive "s" of a known word stays outside. */
  private takeTokens(from: number, to: number, kind: IdentifierKind): void {
    const last = this.tokens[to - 1]!;
    const trim = kind !== 'organisation' && genitiveBase(this.lex, last.lower) !== null ? 1 : 0;
    this.take({ start: this.tokens[from]!.start, end: last.end - trim, kind });
  }

  /** Whether a word may start a name or place here. */
  private startsProperNoun(index: number): boolean {
    const token = this.tokens[index]!;
    const lower = genitiveBase(this.lex, token.lower) ?? token.lower;
    const wordClass = classify(this.lex, lower);
    const previous = this.tokens[index - 1];
    if (previous && namingWords.has(previous.lower) && wordClass !== 'common') return true;
    if (!token.capital) return wordClass === 'listed' && !this.lex.common.has(lower);
    if (this.lex.harmless.has(lower)) return false;
    if (!token.sentenceStart) return wordClass !== 'common';
    if (wordClass === 'listed') return true;
    if (wordClass === 'ambiguous') return this.followedByPersonVerb(index + 1);
    if (wordClass === 'unknown') {
      return this.isSuffix(index + 1) || (this.followedByPersonVerb(index + 1) && !nounShape.test(lower) && this.joined(index, true));
    }
    return false;
  }

  /** Whether a word continues a name started before it: "Kari Anne Nordmann", "kari nordmann". */
  private continuesProperNoun(index: number): boolean {
    const token = this.tokens[index]!;
    const wordClass = classify(this.lex, genitiveBase(this.lex, token.lower) ?? token.lower);
    if (token.capital) return wordClass !== 'common' && !this.lex.harmless.has(token.lower);
    return (this.lex.firstNames.has(token.lower) || this.lex.surnames.has(token.lower)) && wordClass === 'listed';
  }

  private words(): void {
    const lex = this.lex;
    const tokens = this.tokens;
    let index = 0;
    while (index < tokens.length) {
      const token = tokens[index]!;
      if (!this.free(index)) {
        index += 1;
        continue;
      }
      // "NAV Sagene", "DPS Nordfjord", "Universitetet i Bergen": a prefix, then capitalised words.
      if (lex.organisationPrefixes.has(token.word)) {
        let end = index + 1;
        if (tokens[end] && ['i', 'på', 'for'].includes(tokens[end]!.lower) && tokens[end + 1]?.capital) end += 1;
        while (end < tokens.length && end < index + 4 && this.joined(end - 1) && this.free(end) && tokens[end]!.capital && !lex.harmless.has(tokens[end]!.lower)) end += 1;
        if (end > index + 1 && tokens[end - 1]!.capital) {
          this.takeTokens(index, end, 'organisation');
          index = end;
          continue;
        }
      }
      // Known employers and services, and places of one or more words.
      const organisation = this.phraseAt(index, lex.organisations, lex.longestOrganisation);
      if (organisation > 0 && this.acceptPhrase(index, organisation)) {
        let end = index + organisation;
        while (end < tokens.length && end < index + organisation + 2 && this.joined(end - 1) && this.free(end) && tokens[end]!.capital && classify(lex, tokens[end]!.lower) !== 'common') end += 1;
        end = this.withSuffix(end);
        this.takeTokens(index, end, 'organisation');
        index = end;
        continue;
      }
      const place = this.phraseAt(index, lex.places, lex.longestPlace);
      if (place > 1 && this.acceptPhrase(index, place)) {
        const end = this.withSuffix(index + place);
        this.takeTokens(index, end, end > index + place ? 'organisation' : 'place');
        index = end;
        continue;
      }
      if (token.allCaps && token.word.length <= 6 && !lex.harmless.has(token.lower) && classify(lex, token.lower) === 'unknown') {
        this.takeTokens(index, index + 1, 'organisation');
        index += 1;
        continue;
      }
      if (!this.startsProperNoun(index)) {
        index += 1;
        continue;
      }
      let end = index + 1;
      while (end < tokens.length && end < index + 4 && this.joined(end - 1) && this.free(end) && !this.isSuffix(end) && this.continuesProperNoun(end)) end += 1;
      const withSuffix = this.withSuffix(end);
      if (withSuffix > end) {
        this.takeTokens(index, withSuffix, 'organisation');
        index = withSuffix;
        continue;
      }
      // "bor i Storgata", "Kongens gate": a street's name without a number.
      if (isStreetName(tokens[end - 1]!.word)) {
        this.takeTokens(index, end, 'address');
        index = end;
        continue;
      }
      if (tokens[end] && this.joined(end - 1, true) && this.free(end) && isStreetWord(tokens[end]!.word)) {
        this.takeTokens(index, end + 1, 'address');
        index = end + 1;
        continue;
      }
      this.takeTokens(index, end, this.kindOfRun(index, end));
      index = end;
    }
  }

  /** A phrase from a list: in lower case only when its first and last words are not everyday words. */
  private acceptPhrase(index: number, length: number): boolean {
    const first = this.tokens[index]!;
    const last = this.tokens[index + length - 1]!;
    if (length === 1) {
      const wordClass = classify(this.lex, first.lower);
      if (wordClass === 'ambiguous') return first.capital && (!first.sentenceStart || this.followedByPersonVerb(index + 1));
      return first.capital || wordClass !== 'common';
    }
    // "Mo i Rana" written "mo i rana" is still the place; two everyday words ("mental helse") are not.
    if (first.capital || last.capital || length >= 3) return true;
    const everyday = (lower: string) => this.lex.common.has(lower) || this.lex.ambiguous.has(lower);
    return !everyday(first.lower) && !everyday(last.lower);
  }

  /** The index after an organisation suffix that follows `end` ("Sandnes kommune", "Fjellheim videregående skole"). */
  private withSuffix(end: number): number {
    let next = end;
    while (next < this.tokens.length && next < end + 2 && this.joined(next - 1, true) && this.isSuffix(next)) next += 1;
    return next;
  }

  private kindOfRun(from: number, to: number): IdentifierKind {
    const lex = this.lex;
    const words = this.tokens.slice(from, to).map((token) => genitiveBase(lex, token.lower) ?? token.lower);
    const key = words.join(' ');
    if (lex.places.has(key)) return 'place';
    if (lex.organisations.has(key)) return 'organisation';
    if (words.some((word) => lex.firstNames.has(word) || lex.surnames.has(word))) return 'name';
    const previous = this.tokens[from - 1]?.lower;
    if (previous && placePrepositions.has(previous)) return 'place';
    if (previous === 'på') return placeEnding.test(words[words.length - 1]!) ? 'place' : 'organisation';
    return 'name';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern for every known original, longest first, whole words only, in any case; a genitive "s" may follow. */
function knownPattern(known: readonly KnownIdentifier[]): { pattern: RegExp | null; kinds: Map<string, IdentifierKind> } {
  const kinds = new Map<string, IdentifierKind>();
  for (const entry of known) {
    const original = entry.original.trim();
    if (original.length > 0) kinds.set(original.toLocaleLowerCase('nb'), entry.kind);
  }
  if (kinds.size === 0) return { pattern: null, kinds };
  const alternatives = [...kinds.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?=s?(?![\\p{L}\\p{N}]))`, 'giu');
  return { pattern, kinds };
}

/** Kinds whose texts, once found, are looked for everywhere else in the transcript. */
const propagatedKinds = new Set<IdentifierKind>(['name', 'place', 'organisation']);

/**
 * Every proposed hit in the lines, in line order and then by position. A name, place or
 * organisation found once is then proposed wherever else it occurs in the lines, in any case and
 * at a sentence's start too ("svogeren min, Øistein, …" and later "Øistein tar …"), unless it is
 * also an everyday word ("Liv", "Per"), which only counts where the detector finds it itself.
 */
export function detectIdentifiers(lines: readonly DetectorLine[], options: DetectOptions = {}): DetectedHit[] {
  const lex = lexicon();
  const { pattern, kinds } = knownPattern(options.known ?? []);
  const byLine = new Map<string, DetectedHit[]>();
  const learned = new Map<string, KnownIdentifier>();
  for (const line of lines) {
    if (line.text.length === 0) continue;
    const found: DetectedHit[] = [];
    for (const span of new LineDetector(lex, line.text, pattern, kinds).run()) {
      const text = line.text.slice(span.start, span.end);
      found.push({ lineId: line.id, start: span.start, end: span.end, text, kind: span.kind });
      const lower = text.toLocaleLowerCase('nb');
      if (propagatedKinds.has(span.kind) && !kinds.has(lower) && !learned.has(lower) && text.length >= 3 && !/\d/.test(text) && lower.split(/[\s-]+/).every((word) => !lex.common.has(word) && !lex.ambiguous.has(word))) {
        learned.set(lower, { original: text, kind: span.kind });
      }
    }
    byLine.set(line.id, found);
  }
  if (learned.size > 0) {
    const again = knownPattern([...learned.values()]);
    for (const line of lines) {
      const found = byLine.get(line.id);
      if (!found || !again.pattern) continue;
      for (const match of line.text.matchAll(again.pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        if (found.some((hit) => hit.start < end && start < hit.end)) continue;
        // Inside a replacement already made ("[NAVN 1]") nothing is proposed.
        if (/\[[^\]]*$/u.test(line.text.slice(0, start))) continue;
        found.push({ lineId: line.id, start, end, text: match[0], kind: again.kinds.get(match[0].toLocaleLowerCase('nb')) ?? 'name' });
      }
      found.sort((a, b) => a.start - b.start);
    }
  }
  return lines.flatMap((line) => byLine.get(line.id) ?? []);
}

/** Every occurrence of the given texts in the lines: whole words, any case (a genitive "s" may follow). */
export function findOccurrences(lines: readonly DetectorLine[], originals: readonly string[]): { lineId: string; start: number; end: number; text: string }[] {
  const { pattern } = knownPattern(originals.map((original) => ({ original, kind: 'other' as const })));
  if (!pattern) return [];
  const found: { lineId: string; start: number; end: number; text: string }[] = [];
  for (const line of lines) {
    for (const match of line.text.matchAll(pattern)) found.push({ lineId: line.id, start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return found;
}

export interface PronounProposal {
  lineId: string;
  start: number;
  end: number;
  text: string;
  kind: Extract<HitKind, 'pronoun'>;
  replacement: string;
}

/**
 * Proposals to refer to every participant with the study's pronoun: each third-person pronoun of
 * another gender, with its replacement in the same case. Only proposals: "han" is as often the
 * participant's brother as the participant, so each is reviewed.
 */
export function proposePronouns(lines: readonly DetectorLine[], replacements: ReadonlyMap<string, string>): PronounProposal[] {
  const proposals: PronounProposal[] = [];
  if (replacements.size === 0) return proposals;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...replacements.keys()].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  for (const line of lines) {
    for (const match of line.text.matchAll(pattern)) {
      const text = match[0];
      const replacement = replacements.get(text.toLocaleLowerCase('nb'));
      if (!replacement) continue;
      const cased = text[0] !== text[0]!.toLocaleLowerCase('nb') ? replacement[0]!.toLocaleUpperCase('nb') + replacement.slice(1) : replacement;
      proposals.push({ lineId: line.id, start: match.index, end: match.index + text.length, text, kind: 'pronoun', replacement: cased });
    }
  }
  return proposals;
}
