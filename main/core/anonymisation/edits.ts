import { detectIdentifiers, type DetectorLine } from '../../../shared/anonymisation/detector.js';
import type { StudyReader } from '../db/connection.js';
import { knownIdentifiers } from './review.js';

/**
 * An edit to an anonymised transcript must not slip an identifying detail past the review. The
 * detector (with what the study's key and reviews already name) runs over the lines the edit wrote,
 * new ones and ones whose text changed, and counts what it proposes that the review has already
 * seen in this transcript and let stand:
 * - a text the detector also proposes in the lines as they were before the edit (the old text of
 *   changed and removed lines), so fixing a typo, splitting or joining lines adds nothing;
 * - a text the researcher rejected in this transcript's review ("Storgata 12" kept as it was).
 * Anything else counts: a name typed afresh, a phone number, an original the key replaces.
 * Pronoun proposals are the study's style, not identifiers, and do not count.
 */
export function unreviewedProposals(reader: StudyReader, transcriptId: number, before: readonly DetectorLine[], written: readonly DetectorLine[]): number {
  if (written.length === 0) return 0;
  const known = knownIdentifiers(reader);
  const proposed = detectIdentifiers(written, { known });
  if (proposed.length === 0) return 0;
  const lowered = (text: string) => text.toLocaleLowerCase('nb');
  const seen = new Set(detectIdentifiers(before, { known }).map((hit) => lowered(hit.text)));
  const rejected = reader
    .query<{ original: string }>("SELECT original FROM anonymisation_hit WHERE transcript_id = ? AND decision = 'rejected' AND kind <> 'pronoun'")
    .all(transcriptId);
  for (const hit of rejected) seen.add(lowered(hit.original));
  return proposed.filter((hit) => !seen.has(lowered(hit.text))).length;
}
