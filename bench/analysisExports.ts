/**
 * The thesis's exports at the size of a finished analysis: `npm run bench:analysis-exports`.
 *
 * The generated study of the coding bench (bench/lib/codedStudy.ts): 100 anonymised interviews,
 * 60,000 lines, 50,000 codings of 2,000 initial codes, 100 focused codes, 20 categories. Through the
 * core's router (validation included), medians of a few runs, each writing its file into the
 * bench's temp folder (removed afterwards):
 *
 *   - the coding table's preview (the whole table is built, the first 10 rows sent);
 *   - the coding table, every passage, to CSV, XLSX and DOCX;
 *   - the codebook to DOCX and XLSX.
 *
 * No targets from the issue; a preview should feel immediate (under 1 s) and an export takes a
 * few seconds at most (the page shows progress from about 1 s). Wall and CPU time are printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CodingTablePreview } from '../shared/analysisExports/contract.js';
import { FigureTable, machine, measure } from './lib/harness.ts';
import { openCodedStudy } from './lib/codedStudy.ts';

const passphrase = 'Benk-eksport-av-kodingstabellen-i-Bodø-2026';

const coded = await openCodedStudy('analysis-exports', passphrase);
const { study } = coded;
try {
  console.log(`Analysis exports bench — ${machine()}`);
  console.log(
    `Generated in ${(coded.generatedMs / 1000).toFixed(1)} s: ${coded.sizes.interviews} interviews, ${coded.sizes.lines} lines, ` +
      `${coded.sizes.codings} codings, ${coded.sizes.initialCodes} + ${coded.sizes.focusedCodes} codes\n`,
  );
  const table = new FigureTable(40);
  table.header();

  let total = 0;
  table.row('coding table preview (all)', await measure(5, async () => {
    total = (await study.call<CodingTablePreview>('analysisExports.codingTablePreview', { selection: { kind: 'all' }, language: 'nb', limit: 10 })).total;
  }), { targetMs: 1000, note: `${total} rows` });

  const size = (file: string) => `${(fs.statSync(file).size / 1_000_000).toFixed(1)} MB`;
  for (const format of ['csv', 'xlsx', 'docx'] as const) {
    const file = path.join(study.folder, `Kodingstabell.${format}`);
    table.row(`coding table, all, ${format}`, await measure(3, () =>
      study.call('analysisExports.codingTable', { selection: { kind: 'all' }, format, path: file, language: 'nb' }),
    ), { note: size(file) });
  }
  for (const format of ['docx', 'xlsx'] as const) {
    const file = path.join(study.folder, `Kodebok.${format}`);
    table.row(`codebook, ${format}`, await measure(3, () => study.call('analysisExports.codebook', { format, path: file, language: 'nb' })), { note: size(file) });
  }

  console.log(table.allMet ? '\nEvery target met.' : '\nSome targets missed.');
  if (!table.allMet) process.exitCode = 1;
} finally {
  study.close();
}
