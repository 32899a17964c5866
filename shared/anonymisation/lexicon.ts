import { ambiguousWords } from './data/ambiguous.js';
import { commonWords, harmlessProperNouns } from './data/commonWords.js';
import { firstNames } from './data/firstNames.js';
import { knownOrganisations, organisationPrefixes, organisationSuffixes } from './data/organisations.js';
import { municipalities, otherPlaces, placesAbroad } from './data/places.js';
import { surnames } from './data/surnames.js';

/**
 * The word lists as the detector looks them up: built once, on first use. Phrases (places of more
 * than one word, known employers) are keyed by their words in lower case joined by one space, so
 * "Aurskog-Høland", "Mo i Rana" and "St. Olavs hospital" match however they are spaced or hyphenated.
 */

/** A word as the detector sees it: letters and digits, with an apostrophe inside ("McDonald's"). */
export const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function phraseKey(phrase: string): string {
  return (phrase.toLocaleLowerCase('nb').match(wordPattern) ?? []).join(' ');
}

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

function lines(list: string): string[] {
  return list
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export interface Lexicon {
  firstNames: Set<string>;
  surnames: Set<string>;
  /** Place phrases → true; the longest phrase in words is `longestPlace`. */
  places: Set<string>;
  longestPlace: number;
  organisations: Set<string>;
  longestOrganisation: number;
  organisationPrefixes: Set<string>;
  organisationSuffixes: Set<string>;
  ambiguous: Set<string>;
  common: Set<string>;
  harmless: Set<string>;
}

let built: Lexicon | null = null;

function longest(phrases: Set<string>): number {
  let most = 1;
  for (const phrase of phrases) most = Math.max(most, phrase.split(' ').length);
  return most;
}

export function lexicon(): Lexicon {
  if (built) return built;
  const lower = (list: string[]) => new Set(list.map((word) => phraseKey(word)));
  const places = lower([...lines(municipalities), ...lines(otherPlaces), ...lines(placesAbroad)]);
  const organisations = lower(lines(knownOrganisations));
  built = {
    firstNames: lower(words(firstNames)),
    surnames: lower(words(surnames)),
    places,
    longestPlace: longest(places),
    organisations,
    longestOrganisation: longest(organisations),
    // Prefixes keep their case: "NAV Sagene" and "Helse Bergen" are names, "helse" alone is a word.
    organisationPrefixes: new Set(words(organisationPrefixes)),
    organisationSuffixes: new Set(words(organisationSuffixes).map((word) => word.toLocaleLowerCase('nb'))),
    ambiguous: lower(words(ambiguousWords)),
    common: lower(words(commonWords)),
    harmless: lower(words(harmlessProperNouns)),
  };
  return built;
}
