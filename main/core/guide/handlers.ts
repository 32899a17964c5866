import type { guideChannels } from '../../../shared/guide/contract.js';
import { recordAudit } from '../audit/audit.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { exportGuide } from './exports.js';
import { hasGuide, listGuideVersions, readGuideVersion, saveGuide, seedStarterGuide } from './guide.js';

type GuideHandlers = { [C in keyof typeof guideChannels]: Handler<C> };

export function guideHandlers(session: StudySession): GuideHandlers {
  const db = () => session.require().db;
  return {
    'guide.versions': ({ language }) => {
      // The starter guide is made the first time the guide is asked for, in the language of the UI.
      if (!db().read(hasGuide)) db().write((writer) => seedStarterGuide(writer, language));
      return db().read(listGuideVersions);
    },
    'guide.version': ({ id }) => db().read((reader) => readGuideVersion(reader, id)),
    'guide.save': ({ id, content }) => {
      const saved = db().write((writer) => saveGuide(writer, id, content));
      const { content: _content, ...version } = db().read((reader) => readGuideVersion(reader, saved.id));
      return { version, created: saved.created };
    },
    'guide.export': async ({ id, format, includeNotes, path }) => {
      const guide = db().read((reader) => readGuideVersion(reader, id));
      const written = await exportGuide(guide, format, includeNotes, path);
      db().write((writer) =>
        recordAudit(writer, 'export.written', { what: 'interviewGuide', guideVersionId: id, version: guide.version, format, notes: includeNotes }),
      );
      return written;
    },
  };
}
