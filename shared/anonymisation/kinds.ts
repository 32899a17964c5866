/**
 * What the anonymisation review deals in: the kinds of identifying detail, and the replacement each
 * gets in the study's language. Pure: the core, the UI and the tests share it.
 */

/** The kinds of detail that may identify someone (also the key's kinds, see migration 0004). */
export const identifierKinds = ['name', 'place', 'organisation', 'phone', 'email', 'nationalId', 'address', 'date', 'age', 'other'] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

/** A review also proposes pronouns (when the study refers to every participant with one); they never enter the key. */
export const hitKinds = [...identifierKinds, 'pronoun'] as const;
export type HitKind = (typeof hitKinds)[number];

/** The pronouns a study may use for every participant (the study in DOMAIN.md called them all "hun"). */
export const studyPronouns = ['hun', 'han', 'hen'] as const;
export type StudyPronoun = (typeof studyPronouns)[number];

export type ReplacementLanguage = 'nb' | 'en';

/** Kinds whose replacements are numbered, so that "[NAVN 1]" is one person and "[NAVN 2]" another. */
export const numberedKinds = ['name', 'place', 'organisation'] as const satisfies readonly IdentifierKind[];
export type NumberedKind = (typeof numberedKinds)[number];

export function isNumbered(kind: HitKind): kind is NumberedKind {
  return (numberedKinds as readonly string[]).includes(kind);
}

const labels: Record<ReplacementLanguage, Record<IdentifierKind, string>> = {
  nb: {
    name: 'NAVN',
    place: 'STED',
    organisation: 'ARBEIDSPLASS',
    phone: 'TELEFON',
    email: 'E-POST',
    nationalId: 'FØDSELSNUMMER',
    address: 'ADRESSE',
    date: 'DATO',
    age: 'ALDER',
    other: 'ANONYMISERT',
  },
  en: {
    name: 'NAME',
    place: 'PLACE',
    organisation: 'WORKPLACE',
    phone: 'PHONE',
    email: 'EMAIL',
    nationalId: 'NATIONAL ID',
    address: 'ADDRESS',
    date: 'DATE',
    age: 'AGE',
    other: 'REDACTED',
  },
};

/** "[NAVN 3]" for a numbered kind, "[TELEFON]" for the others. */
export function replacementLabel(kind: IdentifierKind, language: ReplacementLanguage, number?: number): string {
  const label = labels[language][kind];
  return isNumbered(kind) && number !== undefined ? `[${label} ${number}]` : `[${label}]`;
}

/** The number in a label this module made ("[NAVN 12]" → 12 for names), in either language; otherwise null. */
export function labelNumber(replacement: string, kind: NumberedKind): number | null {
  for (const language of ['nb', 'en'] as const) {
    const match = new RegExp(`^\\[${labels[language][kind]} (\\d{1,6})\\]$`).exec(replacement);
    if (match) return Number(match[1]);
  }
  return null;
}

/**
 * The highest number of each numbered kind written in these texts ("… [NAVN 3] og [STED 2] …"),
 * in either language: a transcript anonymised by hand before it came into the study counts too.
 */
export function highestLabelNumbers(texts: Iterable<string>): Record<NumberedKind, number> {
  const highest: Record<NumberedKind, number> = { name: 0, place: 0, organisation: 0 };
  const byLabel = new Map<string, NumberedKind>();
  for (const language of ['nb', 'en'] as const) for (const kind of numberedKinds) byLabel.set(labels[language][kind], kind);
  const pattern = new RegExp(`\\[(${[...byLabel.keys()].join('|')}) (\\d{1,6})\\]`, 'gu');
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      const kind = byLabel.get(match[1]!)!;
      highest[kind] = Math.max(highest[kind], Number(match[2]));
    }
  }
  return highest;
}

/** The pronoun forms a study pronoun replaces, by the form it replaces ("han" → "hun", "ham" → "henne"). */
const pronounForms: Record<StudyPronoun, { subject: string; object: string; possessive: string }> = {
  hun: { subject: 'hun', object: 'henne', possessive: 'hennes' },
  han: { subject: 'han', object: 'ham', possessive: 'hans' },
  hen: { subject: 'hen', object: 'hen', possessive: 'hens' },
};

/** Every third-person pronoun with what it becomes under the study's pronoun (those already right are left out). */
export function pronounReplacements(pronoun: StudyPronoun): Map<string, string> {
  const target = pronounForms[pronoun];
  const map = new Map<string, string>();
  for (const [other, forms] of Object.entries(pronounForms)) {
    if (other === pronoun) continue;
    map.set(forms.subject, target.subject);
    map.set(forms.object, target.object);
    map.set(forms.possessive, target.possessive);
  }
  // "hu" is a spoken form of "hun" that transcripts keep.
  if (pronoun !== 'hun') map.set('hu', target.subject);
  return map;
}
