import { validateNorwegianIdNumber } from 'norwegian-national-id-validator';
import type { IdentifierKind } from './kinds.js';

/**
 * The details with a shape of their own: e-mail addresses, national identity numbers, phone
 * numbers, street addresses, exact dates and ages. Each finder returns spans in one line's text.
 */
export interface Span {
  start: number;
  end: number;
  kind: IdentifierKind;
}

const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** An address said aloud and written down so: "kari punktum hansen krøllalfa gmail punktum com". */
const spokenEmail =
  /(?<![\p{L}\p{N}])[\p{L}\p{N}_-]+(?:\s+(?:punktum|prikk|dot|strek|bindestrek)\s+[\p{L}\p{N}_-]+)*\s+(?:krøllalfa|alfakrøll|snabel-a|at)\s+[\p{L}\p{N}-]+(?:\s+(?:punktum|prikk|dot)\s+[\p{L}\p{N}-]+)+(?![\p{L}\p{N}])/giu;

export function findEmails(text: string): Span[] {
  return [...text.matchAll(email), ...[...text.matchAll(spokenEmail)].filter((match) => /\s(?:punktum|prikk|dot)\s+(?:com|no|net|org|se|dk)$/iu.test(match[0]))].map(
    (match) => ({ start: match.index, end: match.index + match[0].length, kind: 'email' as const }),
  );
}

/**
 * Runs of digits separated by one space, hyphen or dot ("22 33 44 55", "+47 988 77 666",
 * "120389 12345"): national identity numbers and phone numbers are found among them.
 */
const digitRun = /(?<![\p{L}\p{N}+])(?:(?:\+|00)\s?47[\s-]?)?\d+(?:[ \u00a0.-]\d+)*/gu;

/** 11 digits: valid check digits (the validator library) make it a national identity number. */
function nationalIdIn(groups: string[]): boolean {
  const digits = groups.join('');
  return digits.length === 11 && (groups.length === 1 || (groups.length === 2 && groups[0]!.length === 6)) && validateNorwegianIdNumber(digits);
}

function looksLikeYears(groups: string[]): boolean {
  return groups.length === 2 && groups.every((group) => /^(?:19|20)\d\d$/.test(group));
}

/** Finds identity numbers, phone numbers and 11-digit numbers that fail the check (as 'other', to be looked at). */
export function findNumbers(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(digitRun)) {
    const raw = match[0];
    const prefix = /^(?:\+|00)\s?47[\s-]?/.exec(raw)?.[0] ?? '';
    const body = raw.slice(prefix.length);
    // Where each group starts within the run, so a span can cover part of it.
    const groups: { text: string; start: number; separator: string }[] = [];
    for (const part of body.matchAll(/\d+/g)) {
      const start = match.index + prefix.length + part.index;
      const separator = part.index === 0 ? '' : body[part.index - 1]!;
      groups.push({ text: part[0], start, separator });
    }
    let index = 0;
    while (index < groups.length) {
      const found = numberAt(groups, index, prefix !== '' && index === 0);
      if (found) {
        const first = groups[index]!;
        const last = groups[found.next - 1]!;
        const start = prefix !== '' && index === 0 ? match.index : first.start;
        spans.push({ start, end: last.start + last.text.length, kind: found.kind });
        index = found.next;
      } else {
        index += 1;
      }
    }
  }
  return spans;
}

function numberAt(
  groups: { text: string; separator: string }[],
  from: number,
  afterCountryCode: boolean,
): { kind: IdentifierKind; next: number } | null {
  let digits = '';
  const taken: string[] = [];
  for (let index = from; index < groups.length; index += 1) {
    const group = groups[index]!;
    taken.push(group.text);
    digits += group.text;
    if (digits.length === 11 && nationalIdIn(taken)) return { kind: 'nationalId', next: index + 1 };
    if (digits.length === 11 && taken.length === 1) return { kind: 'other', next: index + 1 };
    if (digits.length === 8) {
      // "98 76 54 32" or "987 65 432", never single digits counted out, nor an amount ("25 000 000").
      const groupsFit = taken.length === 1 || (taken.every((part) => part.length >= 2) && !(taken.length >= 3 && taken.at(-1) === '000'));
      const nextJoins = index + 1 < groups.length && (digits + groups[index + 1]!.text).length === 11 && nationalIdIn([...taken, groups[index + 1]!.text]);
      if (groupsFit && !nextJoins && (afterCountryCode || /^[2-9]/.test(digits)) && !looksLikeYears(taken)) {
        return { kind: 'phone', next: index + 1 };
      }
    }
    if (digits.length >= 11) return null;
  }
  return null;
}

const months =
  'januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|jan|feb|febr|mar|apr|jun|jul|aug|sep|sept|okt|nov|des';
const weekdays = 'mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag';
const ordinals =
  'første|andre|tredje|fjerde|femte|sjette|sjuende|syvende|åttende|niende|tiende|ellevte|tolvte|trettende|fjortende|femtende|sekstende|syttende|attende|nittende|tjuende|tjueførste|tjueandre|tjuetredje|tjuefjerde|tjuefemte|tjuesjette|tjuesjuende|tjuesyvende|tjueåttende|tjueniende|trettiende|trettiførste';

const datePatterns = [
  // 12. mars 2019, 12 mars, mandag 3. mai, den 12. mars -19
  new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:${weekdays})\\s+)?(?:den\\s+)?(?:[1-9]|[12]\\d|3[01])\\.?\\s*(?:${months})\\.?(?:\\s+(?:\\d{4}|-?\\d{2}(?!\\d)))?(?![\\p{L}])`, 'giu'),
  // tolvte mars (2019)
  new RegExp(`(?<![\\p{L}])(?:${ordinals})\\s+(?:${months})(?:\\s+\\d{4})?(?![\\p{L}])`, 'giu'),
  // 12.03.2019, 12.3.19, 12/3/2019, 12-03-2019
  /(?<![\d.])(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})(?![\d])/gu,
  // 12/3-2019, 12/3-19
  /(?<![\d/])(?:0?[1-9]|[12]\d|3[01])\/(?:0?[1-9]|1[0-2])-(?:\d{4}|\d{2})(?!\d)/gu,
  // 2019-03-12
  /(?<!\d)(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)/gu,
];

export function findDates(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of datePatterns) {
    for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length, kind: 'date' });
  }
  return spans;
}

const numberWord =
  '(?:ti|elleve|tolv|tretten|fjorten|femten|seksten|sytten|atten|nitten|tjue|tretti|førti|femti|seksti|sytti|åtti|nitti)(?:en|to|tre|fire|fem|seks|sju|syv|åtte|ni)?';
const ageNumber = `(?:\\d{1,3}|${numberWord})`;
/** Who an age is said about: a person, never "vi" or "det" ("vi var 12 i gruppa", "det var 3 igjen"). */
const personWords = 'jeg je æ eg du han hun hu hen som mamma pappa mor far mora faren moren sønnen dattera datteren broren søstera søsteren kona mannen samboeren kjæresten'
  .split(' ')
  .map((word) => `[${word[0]}${word[0]!.toLocaleUpperCase('nb')}]${word.slice(1)}`)
  .join('|');
/** A person: a pronoun, a relative, or a capitalised name (not a sentence's "Det" or "Vi"). */
const person = `(?:${personWords}|(?!(?:Det|Dette|Den|De|Dere|Vi|Klokka|Klokken|Alle|Alt|Noen|Ingen|Gruppa|Jobben)(?![\\p{L}]))\\p{Lu}\\p{Ll}+)`;
const agePatterns = [
  // 34 år gammel, 34 år gamle
  new RegExp(`(?<![\\p{L}\\p{N}])${ageNumber}[ -]?år(?:s)?\\s+(?:gammel|gamle)(?![\\p{L}])`, 'giu'),
  // en sønn på 12, ei jente på sju år, en mann på 50
  new RegExp(
    `(?<=(?<![\\p{L}])(?:sønn|sønnen|datter|dattera|datteren|gutt|gutten|jente|jenta|unge|ungen|barn|mann|kvinne|dame|kar|fyr|pike)\\s+på\\s+)(?:\\d{1,3}|${numberWord}|en|to|tre|fire|fem|seks|sju|syv|åtte|ni)(?:\\s+år)?(?![\\p{L}\\p{N}])`,
    'giu',
  ),
  // 16-åring, 16-åringen, 40-årsdagen, i 40-årene, 30-åra
  /(?<![\p{L}\p{N}])\d{1,3}-år(?:ing(?:en|er|ene)?|sdag(?:en)?|ene|a)(?![\p{L}])/giu,
  // jeg er 34 (år), da hun var sytten, han fylte 50
  new RegExp(
    `(?<=(?<![\\p{L}])${person}(?:\\s+(?:min|mi|mitt|vår|din|di|hans|hennes))?\\s+(?:er|var|ble|blir|fylte|fyller|fylle|rundet|runder|skal bli)\\s+(?:nå\\s+|snart\\s+|bare\\s+|cirka\\s+|ca\\.?\\s+)?)${ageNumber}(?:\\s+år(?!\\s+siden))?(?![\\p{L}\\p{N}])(?!\\s+(?:kr|kroner|minutter|min|timer|prosent|%|stykk|stykker|ganger|personer|mennesker|dager|uker|måneder|kilo|kg|grader|meter|km|mil|barn|på|siden|til|år\\s+siden|i\\s+gruppa)(?![\\p{L}]))`,
    'gu',
  ),
];

export function findAges(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of agePatterns) {
    for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length, kind: 'age' });
  }
  return spans;
}

/** The last word of a street's name ("Storgata", "Sandakerveien") or a word after it ("Kongens gate"). */
export const streetEnding = /(?:gata|gate|gaten|gt|veien|vegen|vei|veg|vn|allé|alle|plass|plassen|stredet|smauet|stien|terrasse|brygge|bakken|lia|lien|tunet|torget|kaia|ringen|svingen|løkka|haugen|jordet|kroken|åsen|dalen|lunden|parken|hagen|gården|myra|tråkket)$/u;
const streetWord = /^(?:gate|gata|vei|veien|veg|vegen|plass|allé|alle|terrasse|brygge)$/u;
const capitalised = /^\p{Lu}/u;

/**
 * "Storgata 12", "Kongens gate 3B", "Thorvald Meyers gate 14, 0555 Oslo": a street's name (its
 * last word has a street ending, or is followed by "gate", "vei"…) and a house number.
 */
export function findAddresses(text: string, isCommonWord: (lower: string) => boolean): Span[] {
  const spans: Span[] = [];
  const pattern = /(?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{L}[\p{L}'’-]*)\.?\s+(\d{1,4}(?:[A-Za-z]|\s[A-H])?)(?:,?\s+\d{4}\s+\p{Lu}[\p{L}-]+)?(?![\p{L}\p{N}])/gu;
  for (const match of text.matchAll(pattern)) {
    const words = match[1]!.split(/\s+/);
    const last = words[words.length - 1]!;
    const lastLower = last.toLocaleLowerCase('nb');
    const named = (capitalised.test(last) && streetEnding.test(lastLower) && last.length > 4) || (words.length >= 2 && streetWord.test(lastLower));
    if (!named) continue;
    // A sentence's first word is not part of the name ("Da Storgata 5 …" → "Storgata 5").
    let first = 0;
    while (first < words.length - 1 && isCommonWord(words[first]!.toLocaleLowerCase('nb'))) first += 1;
    if (first === words.length - 1 && !capitalised.test(last)) continue;
    const skipped = words.slice(0, first).reduce((sum, word) => sum + word.length, 0);
    const offset = match[1]!.indexOf(words[first]!, skipped);
    spans.push({ start: match.index + offset, end: match.index + match[0].length, kind: 'address' });
  }
  return spans;
}

/** A street's name without a number ("bor i Storgata"): the last word has a strong street ending. */
export function isStreetName(word: string): boolean {
  return word.length > 5 && /(?:gata|gate|gaten|veien|vegen|allé|plass|stredet|smauet|terrasse)$/u.test(word.toLocaleLowerCase('nb'));
}

/** The word after a street's name that makes it one: "Kongens gate", "Ole Bulls plass". */
export function isStreetWord(word: string): boolean {
  return streetWord.test(word.toLocaleLowerCase('nb'));
}
