import type { DetectedHit, DetectorLine } from '../../../../shared/anonymisation/detector.js';
import { identifierKinds, type IdentifierKind } from '../../../../shared/anonymisation/kinds.js';

/** A corpus transcript as lines (ids `t<n>-l<m>`) and its gold spans. See README.md for the markup. */
export interface GoldTranscript {
  title: string;
  lines: (DetectorLine & { speaker: 'interviewer' | 'participant' })[];
  gold: { lineId: string; start: number; end: number; kind: IdentifierKind; text: string }[];
}

const marker = /\{\{(\w+):([^}]+)\}\}/g;

export function parseTranscript(title: string, text: string, prefix: string): GoldTranscript {
  const transcript: GoldTranscript = { title, lines: [], gold: [] };
  for (const raw of text.split('\n').filter((line) => line.trim().length > 0)) {
    const speaker = raw.startsWith('I: ') ? 'interviewer' : 'participant';
    const body = raw.replace(/^[ID]: /, '');
    const id = `${prefix}-l${transcript.lines.length + 1}`;
    let plain = '';
    let last = 0;
    for (const match of body.matchAll(marker)) {
      const kind = match[1] as IdentifierKind;
      if (!identifierKinds.includes(kind)) throw new Error(`Unknown kind in the corpus: ${kind}`);
      plain += body.slice(last, match.index);
      transcript.gold.push({ lineId: id, start: plain.length, end: plain.length + match[2]!.length, kind, text: match[2]! });
      plain += match[2];
      last = match.index + match[0].length;
    }
    plain += body.slice(last);
    transcript.lines.push({ id, speaker, text: plain });
  }
  return transcript;
}

export interface KindFigures {
  kind: IdentifierKind;
  gold: number;
  found: number;
  recall: number;
  proposed: number;
  correct: number;
  precision: number;
  missed: string[];
  wrong: string[];
}

const overlap = (a: { lineId: string; start: number; end: number }, b: { lineId: string; start: number; end: number }) =>
  a.lineId === b.lineId && a.start < b.end && b.start < a.end;

/**
 * Recall per gold kind: a gold span counts as found when any hit overlaps it (the researcher then
 * sees it in the review, whatever kind the detector gave it). Precision per proposed kind: a hit is
 * right when it overlaps any gold span.
 */
export function measure(transcripts: GoldTranscript[], hits: DetectedHit[]): KindFigures[] {
  const gold = transcripts.flatMap((transcript) => transcript.gold);
  return identifierKinds.map((kind) => {
    const goldOfKind = gold.filter((span) => span.kind === kind);
    const missed = goldOfKind.filter((span) => !hits.some((hit) => overlap(hit, span)));
    const proposed = hits.filter((hit) => hit.kind === kind);
    const wrong = proposed.filter((hit) => !gold.some((span) => overlap(hit, span)));
    return {
      kind,
      gold: goldOfKind.length,
      found: goldOfKind.length - missed.length,
      recall: goldOfKind.length === 0 ? 1 : (goldOfKind.length - missed.length) / goldOfKind.length,
      proposed: proposed.length,
      correct: proposed.length - wrong.length,
      precision: proposed.length === 0 ? 1 : (proposed.length - wrong.length) / proposed.length,
      missed: missed.map((span) => span.text),
      wrong: wrong.map((hit) => hit.text),
    };
  });
}

export function table(label: string, figures: KindFigures[]): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)} %`.padStart(8);
  const rows = figures
    .filter((row) => row.gold > 0 || row.proposed > 0)
    .map((row) => `${row.kind.padEnd(13)} ${String(row.found).padStart(4)}/${String(row.gold).padEnd(4)} ${percent(row.recall)}   ${String(row.correct).padStart(4)}/${String(row.proposed).padEnd(4)} ${percent(row.precision)}`);
  return [`${label}`, `kind            found/gold  recall   right/proposed precision`, ...rows].join('\n');
}
