import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { GuideContent, GuideVersion, GuideVersionWithContent } from '../../../shared/guide/contract.js';
import type { Interview } from '../../../shared/interviews/contract.js';
import { listAudit } from '../../../main/core/audit/audit.js';
import { freshStudy, listFiles, value, type FreshStudy } from '../../helpers/study.js';
import { addConsent, addParticipant } from '../recordings/setup.js';

async function versions(study: FreshStudy, language: 'nb' | 'en' = 'nb'): Promise<GuideVersion[]> {
  return value<GuideVersion[]>(await study.core.invoke('guide.versions', { language }));
}

async function read(study: FreshStudy, id: number): Promise<GuideVersionWithContent> {
  return value<GuideVersionWithContent>(await study.core.invoke('guide.version', { id }));
}

async function interviewWith(study: FreshStudy, guideVersionId: number): Promise<Interview> {
  const participantId = addParticipant(study, `Deltaker ${guideVersionId}-${Date.now()}`);
  addConsent(study, participantId, { recording: true, signedOn: '2026-03-01' });
  return value<Interview>(
    await study.core.invoke('interviews.register', {
      participantId,
      heldAt: '2026-03-10T13:00',
      lengthMinutes: 45,
      setting: 'home',
      settingOther: '',
      guideVersionId,
      notes: '',
      recordingIds: [],
    }),
  );
}

function withQuestion(content: GuideContent, text: string): GuideContent {
  const [first, ...rest] = content.parts;
  return { ...content, parts: [{ ...first!, questions: [...first!.questions, { key: 'new-question', text, notes: '', followUps: [] }] }, ...rest] };
}

describe('the interview guide', () => {
  it('starts from the starter guide in the language asked for, once', async () => {
    const study = await freshStudy();
    const [first] = await versions(study, 'en');
    expect(first).toMatchObject({ version: 1, title: 'Interview guide', language: 'en', frozenAt: null, interviews: 0, parts: 4 });
    // Asked again in the other language, the guide is the one already made.
    expect(await versions(study, 'nb')).toEqual([first]);
    const audit = study.core.session.require().db.read((reader) => listAudit(reader)).filter((event) => event.kind === 'guide.versionCreated');
    expect(audit.map((event) => event.detail)).toEqual([{ guideVersionId: first!.id, version: 1 }]);
  });

  it('saves an unused version in place; once an interview used it, saving makes the next version and the old one stays as it was', async () => {
    const study = await freshStudy();
    const [v1] = await versions(study);
    const original = await read(study, v1!.id);

    const edited = withQuestion(original.content, 'Hva betyr arbeid for deg?');
    const saved = value<{ version: GuideVersion; created: boolean }>(await study.core.invoke('guide.save', { id: v1!.id, content: edited }));
    expect(saved).toMatchObject({ created: false, version: { id: v1!.id, version: 1, frozenAt: null } });
    expect((await read(study, v1!.id)).content).toEqual(edited);

    const interview = await interviewWith(study, v1!.id);
    expect(interview.guideVersion).toBe(1);
    const frozen = await read(study, v1!.id);
    expect(frozen.frozenAt).not.toBeNull();
    expect(frozen.interviews).toBe(1);

    const again = { ...edited, title: 'Intervjuguide, justert' };
    const next = value<{ version: GuideVersion; created: boolean }>(await study.core.invoke('guide.save', { id: v1!.id, content: again }));
    expect(next).toMatchObject({ created: true, version: { version: 2, frozenAt: null, title: 'Intervjuguide, justert' } });
    expect((await read(study, v1!.id)).content).toEqual(edited);
    expect((await versions(study)).map((version) => version.version)).toEqual([2, 1]);

    // Version 1 is no longer the newest: it is never changed again, and nothing is made from it.
    expect(await study.core.invoke('guide.save', { id: v1!.id, content: again })).toEqual({ ok: false, error: { code: 'guide.versionOutdated' } });
    expect((await versions(study)).map((version) => version.version)).toEqual([2, 1]);
    const kinds = study.core.session.require().db.read((reader) => listAudit(reader)).map((event) => event.kind);
    expect(kinds).toContain('guide.versionFrozen');
  });

  it('refuses a guide that does not hold together, and changes nothing', async () => {
    const study = await freshStudy();
    const [v1] = await versions(study);
    const before = await read(study, v1!.id);
    const duplicate = withQuestion(before.content, 'Igjen');
    duplicate.parts[0]!.questions.at(-1)!.key = before.content.parts[0]!.questions[0]!.key;
    const empty = withQuestion(before.content, '');
    const badKey = withQuestion(before.content, 'Et spørsmål');
    badKey.parts[0]!.questions.at(-1)!.key = 'Mellom Rom';
    for (const content of [duplicate, empty, badKey]) {
      expect(await study.core.invoke('guide.save', { id: v1!.id, content })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    }
    expect(await study.core.invoke('guide.save', { id: 999, content: before.content })).toEqual({ ok: false, error: { code: 'guide.versionMissing' } });
    expect(await read(study, v1!.id)).toEqual(before);
    expect(await versions(study)).toHaveLength(1);
  });

  it('exports a version to Word with the questions numbered and the follow-ups, without the interviewer\'s notes unless asked', async () => {
    const study = await freshStudy();
    const [v1] = await versions(study, 'nb');
    const target = path.join(study.root, 'Intervjuguide v1.docx');
    const written = value<{ path: string; bytes: number }>(await study.core.invoke('guide.export', { id: v1!.id, format: 'docx', includeNotes: false, path: target }));
    expect(written.path).toBe(target);
    const xml = (await (await JSZip.loadAsync(fs.readFileSync(target))).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Intervjuguide');
    expect(text).toContain('Versjon 1');
    expect(text).toContain('Hverdagen og endringsprosessen');
    expect(text).toMatch(/\d+\. Hva gir deg håp\?/);
    expect(text).toContain('Ser du annerledes på framtida nå enn før?');
    expect(text).not.toContain('Tema: Håp og optimisme.');

    const withNotes = path.join(study.root, 'med merknader.docx');
    value(await study.core.invoke('guide.export', { id: v1!.id, format: 'docx', includeNotes: true, path: withNotes }));
    const notesXml = (await (await JSZip.loadAsync(fs.readFileSync(withNotes))).file('word/document.xml')?.async('string')) ?? '';
    expect(notesXml).toContain('Tema: Håp og optimisme.');

    const events = study.core.session.require().db.read((reader) => listAudit(reader)).filter((event) => event.kind === 'export.written');
    expect(events.map((event) => event.detail)).toEqual([
      { what: 'interviewGuide', guideVersionId: v1!.id, version: 1, format: 'docx', notes: true },
      { what: 'interviewGuide', guideVersionId: v1!.id, version: 1, format: 'docx', notes: false },
    ]);
  });

  it('exports a version to PDF, and a folder that does not exist is a clear error that writes nothing', async () => {
    const study = await freshStudy();
    const [v1] = await versions(study, 'en');
    const target = path.join(study.root, 'guide.pdf');
    value(await study.core.invoke('guide.export', { id: v1!.id, format: 'pdf', includeNotes: false, path: target }));
    const { text } = await extractText(new Uint8Array(fs.readFileSync(target)), { mergePages: true });
    expect(text).toContain('Interview guide');
    expect(text).toContain('What gives you hope?');

    const before = listFiles(study.root);
    const missing = path.join(study.root, 'no such folder', 'guide.pdf');
    expect(await study.core.invoke('guide.export', { id: v1!.id, format: 'pdf', includeNotes: false, path: missing })).toEqual({
      ok: false,
      error: { code: 'guide.exportFailed' },
    });
    expect(listFiles(study.root)).toEqual(before);
  });
});
