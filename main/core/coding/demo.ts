import type { Passage } from '../../../shared/coding/contract.js';
import type { StudyWriter } from '../db/connection.js';
import { placeCodes, createCategory } from './categories.js';
import { applyCode } from './codings.js';
import { createCode, raise } from './codes.js';

/**
 * The demo's analysis, begun: initial codes on the anonymised interview (line by line, in the
 * participant's words turned into actions), two focused codes raised from them, and a category
 * with two subcategories holding the focused codes. Invented, as the interview is. Made outside
 * any undo step, so the demo opens with nothing to undo.
 */

const initial: { name: string; definition?: string; passages: string[] }[] = [
  { name: 'å stå opp til samme tid', passages: ['Jeg står opp omtrent samme tid hver dag, og det er nytt for meg.'] },
  { name: 'å se tilbake på dager uten retning', passages: ['Før kunne jeg ligge til langt på dag uten å vite hvorfor.'] },
  { name: 'å skrive ned det som er viktig', passages: ['Vi snakket mye om hva som er viktig for oss, og jeg skrev det ned.', 'Det hang på kjøleskapet i flere måneder.'] },
  { name: 'å ville holde avtaler', passages: ['At jeg ville være en som holder avtaler.'] },
  { name: 'å grue seg til å komme', passages: ['Skummelt. Jeg satt nesten ved døra.'] },
  {
    name: 'å bli møtt som menneske',
    definition: 'Å bli spurt om hva som betyr noe, ikke om hva som er galt.',
    passages: ['Det var ingen som spurte hva som var galt med meg. De spurte hva som betydde noe.'],
  },
  { name: 'å kjenne seg igjen i en annens vei', passages: ['fortalte om sin egen vei, og da senket skuldrene seg litt.'] },
  { name: 'å ha vært bare sykdommen', passages: ['Det var liksom bare sykdommen som fantes.'] },
  { name: 'å skamme seg over drømmer', passages: ['Jeg syntes det var flaut.'] },
  { name: 'å ta små steg mot arbeid', passages: ['Men jeg skrev at jeg ville jobbe med noe praktisk igjen.', 'Nå er jeg i arbeidstrening [to] dager i uka i [BEDRIFT].'] },
  { name: 'å kjenne en god slitenhet', passages: ['Slitsomt. Men det er en god slitenhet, hvis du skjønner.'] },
  { name: 'å trenge tid', passages: ['Bare at det tok tid. Folk må få lov til at det tar tid.'] },
];

const focused: { name: string; definition: string; from: string[] }[] = [
  {
    name: 'Å finne en rytme i hverdagen',
    definition: 'Faste tider, avtaler og arbeid som gir dagene form; sett mot dager uten retning før.',
    from: ['å stå opp til samme tid', 'å se tilbake på dager uten retning', 'å ville holde avtaler', 'å ta små steg mot arbeid', 'å kjenne en god slitenhet'],
  },
  {
    name: 'Å bli sett som mer enn sykdommen',
    definition: 'Å bli møtt på det som betyr noe, av noen som har gått en lignende vei.',
    from: ['å bli møtt som menneske', 'å kjenne seg igjen i en annens vei', 'å ha vært bare sykdommen', 'å grue seg til å komme'],
  },
];

export function addDemoCoding(writer: StudyWriter): void {
  const transcript = writer.query<{ id: number }>("SELECT id FROM transcript WHERE state = 'anonymised' ORDER BY id LIMIT 1").get();
  if (!transcript) return;
  const lines = writer.query<{ id: string; text: string }>('SELECT id, text FROM transcript_line WHERE transcript_id = ? ORDER BY position').all(transcript.id);
  // The words may run over into the next lines (the import made one line of each sentence).
  const passageOf = (words: string): Passage | null => {
    for (let first = 0; first < lines.length; first += 1) {
      let joined = lines[first]!.text;
      for (let last = first; last < Math.min(lines.length, first + 4); last += 1) {
        if (last > first) joined += ` ${lines[last]!.text}`;
        const start = joined.indexOf(words);
        if (start < 0 || start >= lines[first]!.text.length) continue;
        const endOffset = lines[last]!.text.length - (joined.length - (start + words.length));
        return { transcriptId: transcript.id, startLineId: lines[first]!.id, startOffset: start, endLineId: lines[last]!.id, endOffset };
      }
    }
    return null;
  };
  const at = new Date().toISOString();
  const ids = new Map<string, number>();
  for (const code of initial) {
    const id = createCode(writer, { level: 'initial', name: code.name, definition: code.definition }, at);
    ids.set(code.name, id);
    const passages = code.passages.map(passageOf).filter((passage): passage is Passage => passage !== null);
    if (passages.length > 0) applyCode(writer, id, passages, at);
  }
  const top = createCategory(writer, 'Å finne fotfeste igjen', null, undefined, at);
  const subcategories = [createCategory(writer, 'Hverdagens rytme', top, undefined, at), createCategory(writer, 'Å bli sett', top, undefined, at)];
  focused.forEach((code, index) => {
    const id = createCode(writer, { level: 'focused', name: code.name, definition: code.definition }, at);
    raise(writer, code.from.map((name) => ids.get(name)!), { id }, at);
    placeCodes(writer, [id], subcategories[index]!);
  });
}
