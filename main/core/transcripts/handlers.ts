import { GroundworkError } from '../../../shared/contract/errors.js';
import type { ImportProgress, transcriptsChannels } from '../../../shared/transcripts/contract.js';
import { linesOfText, type LineDraft } from '../../../shared/transcripts/lines.js';
import type { ImportFormat } from '../../../shared/transcripts/contract.js';
import { recordAudit } from '../audit/audit.js';
import { writeExport } from '../participantTable/handlers.js';
import { readRecording } from '../recordings/register.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { renderDocx, renderTxt } from './exports.js';
import { readTranscriptFile } from './importFiles.js';
import {
  completeTranscript,
  createTranscript,
  deleteTranscript,
  listTranscriptInterviews,
  listTranscripts,
  readSpellcheck,
  readTranscript,
  readTranscriptSummary,
  renameTranscript,
  saveLines,
  writeSpellcheck,
} from './transcripts.js';

type TranscriptsHandlers = { [C in keyof typeof transcriptsChannels]: Handler<C> };

/** Lets the event loop breathe between files, so progress reaches the UI and other calls are not held up. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export function transcriptsHandlers(session: StudySession, reportProgress: (progress: ImportProgress) => void = () => {}): TranscriptsHandlers {
  const db = () => session.require().db;
  return {
    'transcripts.list': () =>
      db().read((reader) => ({ transcripts: listTranscripts(reader), interviews: listTranscriptInterviews(reader), spellcheck: readSpellcheck(reader) })),
    'transcripts.get': ({ id }) => db().read((reader) => readTranscript(reader, id)),
    'transcripts.create': ({ interviewId, source, text }) => {
      const id = db().write((writer) => createTranscript(writer, interviewId, source, source === 'pasted' ? linesOfText(text) : []));
      return db().read((reader) => readTranscriptSummary(reader, id));
    },
    'transcripts.import': async ({ importId, files }) => {
      session.require();
      // Every file is read before anything is stored: one that cannot be read stops the import
      // with its place in the list, and the study is left as it was.
      const read: { interviewId: number; format: ImportFormat; lines: LineDraft[] }[] = [];
      for (const [index, file] of files.entries()) {
        reportProgress({ importId, phase: 'reading', done: index, total: files.length });
        try {
          read.push({ interviewId: file.interviewId, ...(await readTranscriptFile(file.fileName, Buffer.from(file.base64, 'base64'))) });
        } catch (error) {
          if (error instanceof GroundworkError) throw new GroundworkError(error.code, [`files.${index}`]);
          throw error;
        }
        await breathe();
      }
      reportProgress({ importId, phase: 'storing', done: 0, total: files.length });
      const ids = db().write((writer) => read.map((file) => createTranscript(writer, file.interviewId, file.format, file.lines)));
      reportProgress({ importId, phase: 'done', done: files.length, total: files.length });
      return db().read((reader) => ids.map((id) => readTranscriptSummary(reader, id)));
    },
    'transcripts.save': ({ id, baseRevision, order, lines }) => {
      const saved = db().write((writer) => saveLines(writer, id, baseRevision, { order, lines }));
      const summary = db().read((reader) => readTranscriptSummary(reader, id));
      return { ...saved, updatedAt: summary.updatedAt, lines: summary.lines, words: summary.words };
    },
    'transcripts.rename': ({ id, title, interviewerLabel, participantLabel }) => {
      db().write((writer) => renameTranscript(writer, id, title, interviewerLabel, participantLabel));
      return db().read((reader) => readTranscriptSummary(reader, id));
    },
    'transcripts.complete': ({ id, completedOn }) => {
      const marked = db().write((writer) => completeTranscript(writer, id, completedOn));
      return db().read((reader) => ({
        transcript: readTranscriptSummary(reader, id),
        recordings: marked.map((recordingId) => {
          const recording = readRecording(reader, recordingId);
          return { id: recording.id, deletionDueOn: recording.deletionDueOn };
        }),
      }));
    },
    'transcripts.export': async ({ id, format, path, overrideRaw, language }) => {
      const transcript = db().read((reader) => readTranscript(reader, id));
      if (transcript.state !== 'anonymised' && !overrideRaw) throw new GroundworkError('transcript.notAnonymised');
      const bytes = format === 'docx' ? await renderDocx(transcript, language) : renderTxt(transcript, language);
      const written = writeExport(path, bytes, 'transcript.exportFailed');
      db().write((writer) => {
        const detail = { what: 'transcript', transcriptId: id, format, lines: transcript.content.length };
        recordAudit(writer, 'export.written', detail);
        // Exporting what may still identify someone is the researcher's call, and it is on record.
        if (transcript.state !== 'anonymised') recordAudit(writer, 'transcript.exportedUnanonymised', detail);
      });
      return { path: written, lines: transcript.content.length };
    },
    'transcripts.delete': ({ id }) => {
      db().write((writer) => deleteTranscript(writer, id));
      return {};
    },
    'transcripts.setSpellcheck': ({ spellcheck }) => {
      db().write((writer) => writeSpellcheck(writer, spellcheck));
      return { spellcheck };
    },
  };
}
