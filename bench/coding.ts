/**
 * Coding at the size of a finished analysis: `npm run bench:coding`.
 *
 * A generated study (bench/lib/codedStudy.ts): 100 interviews with anonymised transcripts, 60,000
 * lines, 50,000 codings of 2,000 initial codes, 100 focused codes, 15 categories, 300 memos. Through
 * the core's router (validation included), medians of several runs:
 *
 *   - the codebook with every code's counts (`coding.codebook`): target under 100 ms;
 *   - applying a code to one passage, saved (`coding.apply`: the write transaction with its undo
 *     step, committed to the encrypted file): target under 20 ms;
 *   - a dense transcript's codings for the workspace (`coding.transcriptCodings`, 2,000 lines,
 *     3,000 codings), with its lines (`transcripts.get`): together target under 1 s for opening;
 *   - undoing and redoing that apply; merging two codes of about 25 codings each, and deleting 50
 *     codes (about 1,250 codings), each with its undo.
 *
 * Other features add their own rows below (all passages of a code, search) on the same study.
 * Wall and CPU time are printed (the machines are shared).
 */
import type { Code } from '../shared/coding/contract.js';
import { FigureTable, machine, measure } from './lib/harness.ts';
import { openCodedStudy } from './lib/codedStudy.ts';

const passphrase = 'Benk-koding-femti-tusen-kodinger-i-Alta-2026';

const coded = await openCodedStudy('coding', passphrase);
const { study } = coded;
try {
  console.log(`Coding bench — ${machine()}`);
  console.log(
    `Generated in ${(coded.generatedMs / 1000).toFixed(1)} s: ${coded.sizes.interviews} interviews, ${coded.sizes.lines} lines, ` +
      `${coded.sizes.codings} codings, ${coded.sizes.initialCodes} + ${coded.sizes.focusedCodes} codes\n`,
  );
  const table = new FigureTable(44);
  table.header();

  let codes = 0;
  table.row('coding.codebook', await measure(20, async () => {
    codes = (await study.call<{ codes: Code[] }>('coding.codebook', {})).codes.length;
  }), { targetMs: 100, note: `${codes} codes` });

  // One passage each time, on lines of an ordinary transcript no coding of this code is on yet.
  const transcriptId = coded.transcriptIds[5]!;
  const lines = coded.lines.get(transcriptId)!;
  const codeId = coded.initialCodeIds[7]!;
  table.row('coding.apply (one passage, saved)', await measure(50, (round) => {
    const line = lines[round * 3]!;
    return study.call('coding.apply', { code: { id: codeId }, passages: [{ transcriptId, startLineId: line.id, startOffset: 0, endLineId: line.id, endOffset: line.length }] });
  }), { targetMs: 20 });

  table.row('coding.undo (an apply)', await measure(20, () => study.call('coding.undo', {})), { targetMs: 20 });
  table.row('coding.redo (an apply)', await measure(20, () => study.call('coding.redo', {})), { targetMs: 20 });

  let denseCodings = 0;
  table.row('coding.transcriptCodings (dense)', await measure(20, async () => {
    denseCodings = (await study.call<{ codings: unknown[] }>('coding.transcriptCodings', { transcriptId: coded.denseTranscriptId })).codings.length;
  }), { note: `${denseCodings} codings` });
  table.row('transcripts.get + codings (dense, opening)', await measure(10, async () => {
    await study.call('transcripts.get', { id: coded.denseTranscriptId });
    await study.call('coding.transcriptCodings', { transcriptId: coded.denseTranscriptId });
  }), { targetMs: 1000 });

  table.row('coding.mergeCodes (two codes)', await measure(10, (round) =>
    study.call('coding.mergeCodes', { sourceIds: [coded.initialCodeIds[100 + round]!], targetId: coded.initialCodeIds[200 + round]! }),
  ), { targetMs: 100 });
  table.row('coding.undo (a merge)', await measure(10, () => study.call('coding.undo', {})), { targetMs: 100 });

  let deleted = 0;
  table.row('coding.deleteCodes (50 codes)', await measure(5, async (round) => {
    const ids = coded.initialCodeIds.slice(1000 + round * 50, 1050 + round * 50);
    deleted = (await study.call<{ codes: Code[] }>('coding.codebook', {})).codes.filter((code) => ids.includes(code.id)).reduce((sum, code) => sum + code.codings, 0);
    await study.call('coding.deleteCodes', { ids });
  }), { note: `codebook read included; ${deleted} codings each time` });
  table.row('coding.undo (a delete of 50 codes)', await measure(5, () => study.call('coding.undo', {})));

  console.log(table.allMet ? '\nEvery target met.' : '\nSome targets missed.');
  if (!table.allMet) process.exitCode = 1;
} finally {
  study.close();
}
