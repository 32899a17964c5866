import type { AnalysisExportChoices, AnalysisExportProgress, analysisExportsChannels } from '../../../shared/analysisExports/contract.js';
import { analysisExportTexts } from '../../../shared/analysisExports/texts.js';
import { recordAudit } from '../audit/audit.js';
import type { StudyReader } from '../db/connection.js';
import { writeExport } from '../participantTable/handlers.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { readAnalysis } from './analysis.js';
import { buildCodebook } from './codebook.js';
import { buildCodingTable } from './codingTable.js';
import { renderCodebook, renderCodingTable } from './render.js';

type AnalysisExportsHandlers = { [C in keyof typeof analysisExportsChannels]: Handler<C> };

function readChoices(reader: StudyReader): AnalysisExportChoices {
  const analysis = readAnalysis(reader);
  const counts = reader.query<{ codes: number; codings: number }>('SELECT (SELECT count(*) FROM code) AS codes, (SELECT count(*) FROM coding) AS codings').get()!;
  return {
    categories: analysis.categories.map(({ id, parentId, name, depth }) => ({ id, parentId, name, depth })),
    focusedCodes: analysis.focusedInOrder.map(({ id, name, categoryId }) => ({ id, name, categoryId })),
    ...counts,
  };
}

/**
 * The coding table and the codebook. Each export reads the study in one read transaction, makes the
 * whole file in memory and only then writes it to the chosen path (`writeExport`: that file and no
 * other), so a failure leaves nothing half-written; the audit trail then records what, the format
 * and counts, never text.
 */
export function analysisExportsHandlers(session: StudySession, reportProgress: (progress: AnalysisExportProgress) => void = () => {}): AnalysisExportsHandlers {
  return {
    'analysisExports.choices': () => session.require().db.read(readChoices),
    'analysisExports.codingTablePreview': ({ selection, language, limit }) => {
      const table = session.require().db.read((reader) => buildCodingTable(reader, selection, language, limit));
      return {
        headings: analysisExportTexts[language].codingTable.headings,
        rows: table.rows,
        total: table.total,
        rawLeftOut: table.rawLeftOut,
      };
    },
    'analysisExports.codingTable': async ({ selection, format, path: target, language, exportId }) => {
      const report = (phase: AnalysisExportProgress['phase'], done: number, total: number) => {
        if (exportId) reportProgress({ exportId, phase, done, total });
      };
      report('reading', 0, 0);
      const table = session.require().db.read((reader) => buildCodingTable(reader, selection, language));
      const bytes = await renderCodingTable(table, format, language, report);
      const written = writeExport(target, bytes, 'analysisExports.exportFailed');
      session.require().db.write((writer) =>
        recordAudit(writer, 'export.written', {
          what: 'codingTable',
          format,
          selection: selection.kind,
          chosen: selection.kind === 'all' ? 0 : selection.ids.length,
          rows: table.rows.length,
          interviews: table.interviews,
          rawLeftOut: table.rawLeftOut.passages,
        }),
      );
      report('done', table.rows.length, table.rows.length);
      return { path: written, rows: table.rows.length, rawLeftOut: table.rawLeftOut.passages };
    },
    'analysisExports.codebook': async ({ format, path: target, language, exportId }) => {
      if (exportId) reportProgress({ exportId, phase: 'reading', done: 0, total: 0 });
      const codebook = session.require().db.read(buildCodebook);
      const bytes = await renderCodebook(codebook, format, language);
      const written = writeExport(target, bytes, 'analysisExports.exportFailed');
      const codes = codebook.counts.focused + codebook.counts.initial;
      session.require().db.write((writer) =>
        recordAudit(writer, 'export.written', { what: 'codebook', format, codes, focusedCodes: codebook.counts.focused, categories: codebook.counts.categories }),
      );
      if (exportId) reportProgress({ exportId, phase: 'done', done: codes, total: codes });
      return { path: written, codes, categories: codebook.counts.categories };
    },
  };
}
