import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { participantTables, tablesReachedThrough } from '../../../main/core/participants/participantData.js';
import type { AccessExport } from '../../../shared/withdrawal/accessExport.js';
import { freshStudy, listFiles, value, type FreshStudy } from '../../helpers/study.js';
import { seedGuideQuestions, seedParticipant, sharedKeyOriginal, type Seeded } from './seed.js';

/** The visible text of a DOCX: every w:t of the main document, in order. */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'w:t') texts.push(...(Array.isArray(child) ? child : [child]).map((t) => (typeof t === 'object' ? String((t as Record<string, unknown>)['#text'] ?? '') : String(t))));
        else walk(child);
      }
    }
  };
  walk(new XMLParser({ ignoreAttributes: true, preserveOrder: false }).parse(xml));
  return texts.join(' ');
}

async function pdfText(file: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

/** Markers that are stored as text and shown in the readable export (blob bytes are not shown). */
const shown = (seeded: Seeded) => seeded.markers.filter((marker) => !/scanBytes|audioBytes/.test(marker));

async function exportTo(study: FreshStudy, participantId: number, format: 'docx' | 'pdf' | 'json', language: 'nb' | 'en') {
  const target = path.join(study.root, `innsyn-${language}.${format}`);
  const written = value<{ path: string; bytes: number }>(
    await study.core.invoke('withdrawal.accessExport', { participantId, format, language, path: target }),
  );
  expect(written.path).toBe(target);
  expect(fs.statSync(target).size).toBe(written.bytes);
  return target;
}

describe('the access export', () => {
  it('JSON: everything about the participant, scan attached, nobody else, stable keys', async () => {
    const study = await freshStudy();
    const kari = seedParticipant(study, 'W', 'Deltaker 3');
    const other = seedParticipant(study, 'Q', 'Deltaker 4');
    const file = await exportTo(study, kari.id, 'json', 'nb');
    const text = fs.readFileSync(file, 'utf8');
    const data = JSON.parse(text) as AccessExport;
    expect(Object.keys(data)).toEqual([
      'format', 'version', 'exportedAt', 'study', 'participant', 'identifyingDetails', 'attributes', 'consents', 'recordings', 'interviews', 'anonymisationKey',
      'groups', 'requests', 'withdrawal',
    ]);
    expect(data.version).toBe(4);
    expect(data.format).toBe('groundwork.accessExport');
    expect(data.participant.pseudonym).toBe('Deltaker 3');
    expect(data.identifyingDetails?.name).toBe('SENTINEL-W-name-7f3q');
    expect(data.attributes).toHaveLength(7);
    expect(data.attributes[0]).toEqual({ name: 'Alder', kind: 'number', value: expect.stringContaining('SENTINEL-W-attribute') });
    expect(data.consents[0]).toMatchObject({ letterVersion: expect.any(Number), method: 'paper', allowsRecording: true, signedPlace: 'SENTINEL-W-signedPlace-7f3q' });
    const scan = Buffer.from(data.consents[0]!.scan!.contentBase64, 'base64');
    expect(scan.includes(Buffer.from('SENTINEL-W-scanBytes-7f3q'))).toBe(true);
    expect(data.recordings).toHaveLength(2);
    expect(data.recordings[0]!.audioInStudy).toMatchObject({ fileName: 'SENTINEL-W-audioFileName-7f3q', mediaType: 'audio/mpeg' });
    expect(data.requests[0]).toMatchObject({ kind: 'access', notes: 'SENTINEL-W-requestNotes-7f3q', dueOn: '2026-05-01' });
    // The interview, its checklist by the guide's words, both transcripts line by line, the review and the key.
    expect(data.interviews).toHaveLength(1);
    const [interview] = data.interviews;
    expect(interview).toMatchObject({
      heldAt: '2026-03-01T10:00',
      lengthMinutes: 75,
      setting: 'other',
      settingOther: 'SENTINEL-W-settingOther-7f3q',
      notes: 'SENTINEL-W-interviewNotes-7f3q',
      guideVersion: expect.any(Number),
    });
    expect(interview!.coveredQuestions).toEqual(
      seedGuideQuestions.slice(0, 2).map((question) => ({ key: question.key, question: question.text, coveredAt: '2026-03-01T10:30' })),
    );
    expect(interview!.transcripts.map((transcript) => [transcript.title, transcript.state, transcript.lines.length])).toEqual([
      ['SENTINEL-W-anonymisedTitle-7f3q', 'anonymised', 3],
      ['SENTINEL-W-rawTitle-7f3q', 'raw', 2],
    ]);
    expect(interview!.transcripts[0]!.lines[1]).toEqual({ number: 2, speaker: 'participant', timestampMs: 72_000, text: 'SENTINEL-W-anonymisedLine2-7f3q' });
    expect(interview!.transcripts[0]!.anonymisationReview).toEqual([
      { line: 2, original: 'SENTINEL-W-hitOriginalAnonymised-7f3q', kind: 'name', decision: 'accepted', replacement: '[NAVN 1]' },
    ]);
    expect(interview!.transcripts[1]!.anonymisationReview).toEqual([
      { line: 1, original: 'SENTINEL-W-hitOriginalRaw-7f3q', kind: 'name', decision: 'open', replacement: '' },
    ]);
    // The analysis of each transcript: codings with the code's name, the quote and the passage memo, each with its lines and words.
    const [anonymised] = interview!.transcripts;
    expect(anonymised!.codings).toEqual([
      { code: 'feeling seen', passage: { fromLine: 1, toLine: 1, text: 'SENTI' } },
      { code: 'feeling seen', passage: { fromLine: 1, toLine: 3, text: expect.stringMatching(/^SENTINEL-W-anonymisedLine1-7f3q zl\w+\nSENTINEL-W-anonymisedLine2-7f3q\nSENTI$/) } },
    ]);
    expect(anonymised!.quotes).toEqual([
      {
        passage: { fromLine: 1, toLine: 3, text: expect.stringMatching(/\nSENTINEL$/) },
        wording: 'SENTINEL-W-anonymisedQuoteWording-7f3q',
        note: 'SENTINEL-W-anonymisedQuoteNote-7f3q',
        createdAt: '2026-03-04T09:00:00Z',
        updatedAt: '2026-03-04T09:00:00Z',
      },
    ]);
    expect(anonymised!.memos).toMatchObject([{ passage: { fromLine: 1, toLine: 3 }, title: 'SENTINEL-W-anonymisedMemoTitle-7f3q' }]);
    expect(interview!.transcripts[1]!.codings).toHaveLength(2);
    // Every key entry their transcripts use, the one shared with another participant included.
    expect(data.anonymisationKey.map((entry) => entry.original).sort()).toEqual(
      ['SENTINEL-W-keyOriginalName-7f3q', 'SENTINEL-W-keyOriginalPlace-7f3q', sharedKeyOriginal].sort(),
    );
    expect(data.withdrawal).toBeNull();
    for (const marker of shown(kari)) expect(text, marker).toContain(marker);
    expect(text).not.toContain('SENTINEL-Q');
    expect(text).not.toContain(other.pseudonym);
  });

  for (const [format, read] of [['docx', docxText], ['pdf', pdfText]] as const) {
    it(`${format.toUpperCase()}: readable, in the chosen language, with every detail and nobody else's`, async () => {
      const study = await freshStudy();
      const kari = seedParticipant(study, 'W', 'Deltaker 3');
      seedParticipant(study, 'Q', 'Deltaker 4');
      const nb = await read(await exportTo(study, kari.id, format, 'nb'));
      const en = await read(await exportTo(study, kari.id, format, 'en'));
      expect(nb).toContain('Dette er lagret om deg');
      expect(nb).toContain('Direkte identifiserende opplysninger');
      expect(nb).toContain('Alder');
      expect(nb).toContain('på papir');
      expect(en).toContain('What is stored about you');
      expect(en).toContain('on paper');
      expect(nb).toContain('Transkripsjoner');
      expect(nb).toContain('ikke anonymisert ennå');
      expect(en).toContain('Questions covered');
      expect(en).toContain('a Word document');
      for (const text of [nb, en]) {
        expect(text).toContain('Deltaker 3');
        // Line 2 of the anonymised transcript: its number, its speaker as the transcript names them, its time.
        expect(text).toMatch(/2\s*(·\s*)?SENTINEL-W-anonymisedParticipantLabel-7f3q\s*(·\s*)?0:01:12/);
        for (const question of seedGuideQuestions.slice(0, 2)) expect(text, question.text).toContain(question.text);
        expect(text).not.toContain(seedGuideQuestions[2].text);
        const compact = text.replace(/\s+/g, '');
        for (const marker of [...shown(kari), sharedKeyOriginal]) expect(compact, marker).toContain(marker);
        expect(text).not.toContain('SENTINEL-Q');
        expect(text).not.toContain('Deltaker 4');
      }
    });
  }

  it('is recorded in the audit trail with counts only, and writes nothing else anywhere', async () => {
    const study = await freshStudy();
    const kari = seedParticipant(study, 'W', 'Deltaker 3');
    const before = listFiles(study.root);
    await exportTo(study, kari.id, 'pdf', 'en');
    expect(listFiles(study.root)).toEqual([...before, 'innsyn-en.pdf'].sort());
    const events = study.core.session
      .require()
      .db.connection.prepare("SELECT detail FROM audit_event WHERE kind = 'export.written'")
      .pluck()
      .all() as string[];
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!)).toEqual({
      kind: 'accessExport',
      format: 'pdf',
      participantId: kari.id,
      identifyingDetails: true,
      attributes: 7,
      consents: 1,
      scans: 1,
      recordings: 2,
      interviews: 1,
      transcripts: 2,
      transcriptLines: 5,
      anonymisationHits: 2,
      keyEntries: 3,
      groups: 1,
      groupAttendance: 1,
      groupNotes: 1,
      groupEvaluations: 1,
      requests: 1,
      withdrawal: false,
    });
    expect(events[0]).not.toContain('SENTINEL');
    expect(events[0]).not.toContain('Deltaker');
  });

  it('refuses a folder that does not exist and a participant that does not', async () => {
    const study = await freshStudy();
    const kari = seedParticipant(study, 'W', 'Deltaker 3');
    expect(
      await study.core.invoke('withdrawal.accessExport', { participantId: kari.id, format: 'json', language: 'nb', path: path.join(study.root, 'nowhere', 'x.json') }),
    ).toEqual({ ok: false, error: { code: 'withdrawal.exportFolderMissing' } });
    expect(
      await study.core.invoke('withdrawal.accessExport', { participantId: 999, format: 'json', language: 'nb', path: path.join(study.root, 'x.json') }),
    ).toEqual({ ok: false, error: { code: 'withdrawal.participantMissing' } });
    expect(await study.core.invoke('withdrawal.accessExport', { participantId: kari.id, format: 'json', language: 'nb', path: 'relative.json' })).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });
  });

  it('after a withdrawal, shows the withdrawal and no longer any identifying details', async () => {
    const study = await freshStudy();
    const kari = seedParticipant(study, 'W', 'Deltaker 3');
    value(
      await study.core.invoke('withdrawal.confirm', {
        participantId: kari.id,
        scope: 'deleteEverything',
        withdrawnOn: '2026-05-20',
        communicatedHow: 'Brev',
        typedPseudonym: 'Deltaker 3',
        language: 'en',
      }),
    );
    const data = JSON.parse(fs.readFileSync(await exportTo(study, kari.id, 'json', 'en'), 'utf8')) as AccessExport;
    expect(data.identifyingDetails).toBeNull();
    expect(data.attributes).toEqual([]);
    expect(data.consents[0]!.scan).toBeNull();
    expect(data.interviews).toEqual([]);
    expect(data.anonymisationKey).toEqual([]);
    expect(data.withdrawal).toMatchObject({ withdrawnOn: '2026-05-20', scope: 'deleteEverything' });
    expect(JSON.stringify(data)).not.toContain('SENTINEL');
  });

  it('after a withdrawal that keeps the anonymised analysis, shows what was kept: the anonymised transcript, nothing of the key', async () => {
    const study = await freshStudy();
    const kari = seedParticipant(study, 'W', 'Deltaker 3');
    seedParticipant(study, 'Q', 'Deltaker 4');
    value(
      await study.core.invoke('withdrawal.confirm', {
        participantId: kari.id,
        scope: 'keepAnonymisedAnalysis',
        withdrawnOn: '2026-05-20',
        communicatedHow: 'Brev',
        typedPseudonym: 'Deltaker 3',
        language: 'en',
      }),
    );
    const text = fs.readFileSync(await exportTo(study, kari.id, 'json', 'en'), 'utf8');
    const data = JSON.parse(text) as AccessExport;
    expect(data.interviews).toHaveLength(1);
    expect(data.interviews[0]).toMatchObject({ notes: '', settingOther: '', coveredQuestions: [] });
    expect(data.interviews[0]!.transcripts).toHaveLength(1);
    expect(data.interviews[0]!.transcripts[0]).toMatchObject({ title: '', participantLabel: '', state: 'anonymised', anonymisationReview: [] });
    expect(data.interviews[0]!.transcripts[0]!.lines.map((line) => line.text)).toEqual(kari.keptLines);
    expect(data.anonymisationKey).toEqual([]);
    const left = [...text.matchAll(/SENTINEL-[\w-]+/g)].map((match) => match[0]);
    expect(new Set(left)).toEqual(new Set(kari.keptWithAnonymisedAnalysis.filter((marker) => marker.startsWith('SENTINEL'))));
  });

  it('reads every table of the participant-data list (a new table must be added to the export too)', () => {
    const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../../main/core/withdrawal/accessExport.ts'), 'utf8');
    for (const entry of [...participantTables, ...tablesReachedThrough]) {
      expect(source, entry.table).toMatch(new RegExp(`\\b(FROM|JOIN) ${entry.table}\\b`));
    }
  });
});
