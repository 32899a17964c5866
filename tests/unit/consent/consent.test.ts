import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { ConsentDocument, ConsentDocumentWithContent, ConsentRecord, ParticipantConsents, RichNode } from '../../../shared/consent/contract.js';
import { plainText } from '../../../shared/consent/placeholders.js';
import type { StudyPage } from '../../../shared/study/contract.js';
import { currentConsent } from '../../../main/core/consent/validity.js';
import { freshStudy, openWithSqlcipher, testPassphrase, value, type FreshStudy } from '../../helpers/study.js';

type Core = FreshStudy['core'];

async function documents(core: Core): Promise<ConsentDocument[]> {
  return value<ConsentDocument[]>(await core.invoke('consent.documents', {}));
}

async function starter(core: Core, kind: 'letter' | 'form', language: 'nb' | 'en'): Promise<ConsentDocumentWithContent> {
  const found = (await documents(core)).find((document) => document.kind === kind && document.language === language && document.version === 1);
  if (!found) throw new Error(`no ${kind} ${language}`);
  return value<ConsentDocumentWithContent>(await core.invoke('consent.document', { id: found.id }));
}

async function addParticipant(core: Core, pseudonym = 'Deltaker 1', status = 'asked'): Promise<number> {
  const added = value<{ id: number }>(await core.invoke('participants.add', { pseudonym, status, on: '2026-02-01' }));
  return added.id;
}

async function consentOn(core: Core, participantId: number, options: Partial<{ letterId: number; formId: number; signedOn: string; allowsRecording: boolean; allowsQuotes: boolean }> = {}) {
  const letter = await starter(core, 'letter', 'nb');
  const form = await starter(core, 'form', 'nb');
  return core.invoke('consent.record', {
    participantId,
    letterId: options.letterId ?? letter.id,
    formId: options.formId ?? form.id,
    signedOn: options.signedOn ?? '2026-02-10',
    signedPlace: 'Bergen',
    method: 'paper',
    allowsRecording: options.allowsRecording ?? true,
    allowsQuotes: options.allowsQuotes ?? true,
    confirmedOn: '2026-02-11',
  });
}

function edited(content: RichNode, extra: string): RichNode {
  return { ...content, content: [...(content.content ?? []), { type: 'paragraph', content: [{ type: 'text', text: extra }] }] };
}

async function setPage(core: Core, change: Partial<StudyPage>): Promise<void> {
  const page = value<StudyPage>(await core.invoke('studyPage.get', {}));
  value(await core.invoke('studyPage.update', { ...page, ...change }));
}

const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const pngHeader = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe('the starter letter and form', () => {
  it('are made once, version 1, in bokmål and English, the first time the documents are listed', async () => {
    const { core } = await freshStudy();
    const first = await documents(core);
    expect(first.map((document) => `${document.kind}-${document.language}-${document.version}`).sort()).toEqual(['form-en-1', 'form-nb-1', 'letter-en-1', 'letter-nb-1']);
    expect(first.every((document) => document.frozenAt === null && document.consents === 0)).toBe(true);
    expect(await documents(core)).toHaveLength(4);
  });

  it('cover what a letter must say, in both languages', async () => {
    const { core } = await freshStudy();
    const nb = plainText((await starter(core, 'letter', 'nb')).content);
    const en = plainText((await starter(core, 'letter', 'en')).content);
    for (const phrase of [
      '{{studyTitle}}',
      '{{institution}}',
      '{{supervisors}}',
      '{{researcher}}',
      '{{researcherContact}}',
      '{{dataProtectionOfficer}}',
      'Hva er formålet med prosjektet?',
      'omtrent en time',
      'lydopptaker',
      'tar forskeren notater i stedet',
      'slettes så snart intervjuet er skrevet ut',
      'fødselsnummeret ditt lagres aldri',
      'Det er frivillig å delta',
      'uten å si hvorfor',
      'få rettet opplysninger',
      'høre lydopptaket',
      'få slettet opplysningene',
      'personvernombudet',
      'klage til Datatilsynet',
      '{{plannedEndDate}}',
    ]) {
      expect(nb, phrase).toContain(phrase);
    }
    for (const phrase of [
      '{{studyTitle}}',
      'What is the project for?',
      'about an hour',
      'audio recorder',
      'takes notes instead',
      'deleted as soon as the interview has been written out',
      'national identity number are never stored',
      'Taking part is voluntary',
      'without giving a reason',
      'receive a copy of it (access)',
      'have information that is wrong corrected',
      'listen to the recording',
      'have the information about you deleted',
      'data-protection officer',
      'complain to Datatilsynet',
    ]) {
      expect(en, phrase).toContain(phrase);
    }
  });

  it('give the form both options, the statement and signature lines for participant and researcher', async () => {
    const { core } = await freshStudy();
    const nb = plainText((await starter(core, 'form', 'nb')).content);
    const en = plainText((await starter(core, 'form', 'en')).content);
    expect(nb).toMatch(/☐ Intervjuet kan tas opp med lydopptaker/);
    expect(nb).toMatch(/☐ Anonymiserte sitater/);
    expect(nb).toContain('Jeg har mottatt informasjon om studien og ønsker å delta.');
    expect(nb.match(/Underskrift:/g)).toHaveLength(2);
    expect(nb).toContain('Forsker');
    expect(en).toMatch(/☐ The interview may be audio-recorded/);
    expect(en).toMatch(/☐ Anonymised quotes/);
    expect(en).toContain('I have received information about the study and wish to take part.');
    expect(en.match(/Signature:/g)).toHaveLength(2);
    expect(en.match(/Place and date:/g)).toHaveLength(2);
  });
});

describe('versions', () => {
  it('an unused version is edited in place; a used one is frozen and editing it makes the next version', async () => {
    const { core } = await freshStudy();
    const letter = await starter(core, 'letter', 'nb');
    value(await core.invoke('consent.saveDocument', { id: letter.id, content: edited(letter.content, 'Første endring') }));
    expect(plainText(value<ConsentDocumentWithContent>(await core.invoke('consent.document', { id: letter.id })).content)).toContain('Første endring');

    const participant = await addParticipant(core);
    value(await consentOn(core, participant));
    const frozen = value<ConsentDocumentWithContent>(await core.invoke('consent.document', { id: letter.id }));
    expect(frozen.frozenAt).not.toBeNull();
    expect(frozen.consents).toBe(1);

    expect(await core.invoke('consent.saveDocument', { id: letter.id, content: edited(letter.content, 'Andre endring') })).toEqual({ ok: false, error: { code: 'consent.documentFrozen' } });
    expect(plainText(value<ConsentDocumentWithContent>(await core.invoke('consent.document', { id: letter.id })).content)).not.toContain('Andre endring');

    const next = value<ConsentDocument>(await core.invoke('consent.saveDocumentAsNext', { id: letter.id, content: edited(letter.content, 'Andre endring') }));
    expect(next).toMatchObject({ kind: 'letter', language: 'nb', version: 2, frozenAt: null, consents: 0 });
    // Saving as next from version 1 again gives version 3, never a second version 2.
    const third = value<ConsentDocument>(await core.invoke('consent.saveDocumentAsNext', { id: letter.id, content: letter.content }));
    expect(third.version).toBe(3);
    const english = (await documents(core)).filter((document) => document.language === 'en');
    expect(english.map((document) => document.version)).toEqual([1, 1]);
  });
});

describe('exports', () => {
  it('a PDF of the form has the study title, the institution, both options and the signature lines', async () => {
    const { core, root } = await freshStudy('Å finne fotfeste – en studie');
    await setPage(core, { institution: 'Høgskolen i Fjordvik', supervisors: [{ name: 'Ingrid Solvang', affiliation: '' }], plannedEndDate: '2027-06-30' });
    const form = await starter(core, 'form', 'nb');
    const target = path.join(root, 'samtykkeskjema.pdf');
    const written = value<{ path: string; bytes: number }>(await core.invoke('consent.exportDocument', { documentId: form.id, format: 'pdf', path: target }));
    expect(written.bytes).toBe(fs.statSync(target).size);
    const { text } = await extractText(new Uint8Array(fs.readFileSync(target)), { mergePages: true });
    expect(text).toContain('Å finne fotfeste – en studie');
    expect(text).toContain('Høgskolen i Fjordvik');
    expect(text).toContain('Intervjuet kan tas opp med lydopptaker');
    expect(text).toContain('Anonymiserte sitater fra intervjuet');
    expect(text).toContain('30. juni 2027');
    expect(text).toContain('Underskrift');
    expect(text).not.toContain('{{');
  });

  it('a DOCX of the English letter and form has the filled-in details and both options with empty boxes', async () => {
    const { core, root } = await freshStudy('Finding a foothold');
    await setPage(core, {
      institution: 'Fjordvik University College',
      researcher: { name: 'Mari Lindseth', contact: 'mari@fjordvik.example' },
      dataProtectionOfficer: 'Olav Dahl, dpo@fjordvik.example',
      supervisors: [{ name: 'Ingrid Solvang', affiliation: '' }, { name: 'Tarjei Myrvold', affiliation: '' }],
    });
    const form = await starter(core, 'form', 'en');
    const target = path.join(root, 'consent form.docx');
    value(await core.invoke('consent.exportDocument', { documentId: form.id, format: 'docx', path: target }));
    const zip = await JSZip.loadAsync(fs.readFileSync(target));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Finding a foothold');
    expect(text).toContain('The interview may be audio-recorded');
    expect(text).toContain('Anonymised quotes from the interview');
    expect(text.match(/☐/g)).toHaveLength(2);
    expect(text).not.toContain('{{');

    const letter = await starter(core, 'letter', 'en');
    const letterPath = path.join(root, 'letter.docx');
    value(await core.invoke('consent.exportDocument', { documentId: letter.id, format: 'docx', path: letterPath }));
    const letterXml = (await (await JSZip.loadAsync(fs.readFileSync(letterPath))).file('word/document.xml')?.async('string')) ?? '';
    const letterText = letterXml.replace(/<[^>]+>/g, '');
    expect(letterText).toContain('supervised by Ingrid Solvang and Tarjei Myrvold');
    // The contacts come from the study page.
    expect(letterText).toContain('done by Mari Lindseth');
    expect(letterText).toContain('Mari Lindseth, master’s student: mari@fjordvik.example');
    expect(letterText).toContain('the data-protection officer at Fjordvik University College: Olav Dahl, dpo@fjordvik.example');
    // An empty field becomes a line to write on, not a gap.
    expect(letterXml).toContain('planned to end on ________________');
  });

  it('records the export in the audit trail with ids and format only', async () => {
    const { core, root, file } = await freshStudy();
    const letter = await starter(core, 'letter', 'nb');
    value(await core.invoke('consent.exportDocument', { documentId: letter.id, format: 'pdf', path: path.join(root, 'brev.pdf') }));
    expect(await core.invoke('consent.exportDocument', { documentId: letter.id, format: 'pdf', path: path.join(root, 'missing', 'brev.pdf') })).toEqual({ ok: false, error: { code: 'consent.exportFailed' } });
    value(await core.invoke('study.close', {}));
    const db = openWithSqlcipher(file, testPassphrase, { readonly: true });
    const rows = db.prepare("SELECT detail FROM audit_event WHERE kind = 'consent.documentExported'").all() as { detail: string }[];
    db.close();
    expect(rows.map((row) => JSON.parse(row.detail) as unknown)).toEqual([{ documentId: letter.id, kind: 'letter', version: 1, format: 'pdf' }]);
  });
});

describe('consent records', () => {
  it('recording a consent moves an asked participant to consented and freezes the versions; the latest counts', async () => {
    const { core } = await freshStudy();
    const participant = await addParticipant(core);
    const first = value<ConsentRecord>(await consentOn(core, participant, { signedOn: '2026-02-10', allowsRecording: false }));
    expect(first).toMatchObject({ participantId: participant, letterVersion: 1, formVersion: 1, language: 'nb', allowsRecording: false, allowsQuotes: true, scan: null });
    const list = value<ParticipantConsents[]>(await core.invoke('consent.records', {}));
    expect(list).toEqual([expect.objectContaining({ participantId: participant, status: 'consented', consents: [first] })]);
    const { participant: row } = value<{ participant: { status: string; dates: { consented: string | null } } }>(await core.invoke('participants.get', { id: participant }));
    expect(row.status).toBe('consented');
    expect(row.dates.consented).toBe('2026-02-10');

    // Renewed on a newer form: a new row, and it is the one that counts.
    const form = await starter(core, 'form', 'nb');
    const next = value<ConsentDocument>(await core.invoke('consent.saveDocumentAsNext', { id: form.id, content: form.content }));
    const renewed = value<ConsentRecord>(await consentOn(core, participant, { formId: next.id, signedOn: '2026-03-01', allowsRecording: true }));
    expect(renewed.formVersion).toBe(2);
    const after = value<ParticipantConsents[]>(await core.invoke('consent.records', {}));
    expect(after[0]?.consents.map((consent) => consent.id)).toEqual([renewed.id, first.id]);
    expect(core.session.require().db.read((reader) => currentConsent(reader, participant))).toEqual({ consentId: renewed.id, signedOn: '2026-03-01', allowsRecording: true, allowsQuotes: true });
  });

  it('is refused for a participant who does not exist, and for a letter given as the form', async () => {
    const { core } = await freshStudy();
    expect(await consentOn(core, 999)).toEqual({ ok: false, error: { code: 'consent.participantMissing' } });
    const participant = await addParticipant(core);
    const letter = await starter(core, 'letter', 'nb');
    expect(await consentOn(core, participant, { formId: letter.id })).toMatchObject({ ok: false, error: { code: 'consent.documentMissing' } });
    expect(value<ParticipantConsents[]>(await core.invoke('consent.records', {}))[0]?.consents).toEqual([]);
    expect((await documents(core)).every((document) => document.frozenAt === null)).toBe(true);
  });

  it('currentConsent: none without a consent, the latest one, none once withdrawn', async () => {
    const { core } = await freshStudy();
    const participant = await addParticipant(core);
    const read = () => core.session.require().db.read((reader) => currentConsent(reader, participant));
    expect(read()).toBeNull();
    expect(core.session.require().db.read((reader) => currentConsent(reader, 12345))).toBeNull();
    const later = value<ConsentRecord>(await consentOn(core, participant, { signedOn: '2026-03-01', allowsQuotes: false }));
    // Recorded afterwards but signed earlier: the one signed last still counts.
    value(await consentOn(core, participant, { signedOn: '2026-02-01' }));
    expect(read()).toEqual({ consentId: later.id, signedOn: '2026-03-01', allowsRecording: true, allowsQuotes: false });
    core.session.require().db.write((writer) => writer.statement("UPDATE participant SET status = 'withdrawn' WHERE id = ?").run(participant));
    expect(read()).toBeNull();
    expect(await consentOn(core, participant)).toEqual({ ok: false, error: { code: 'consent.participantMissing' } });
  });
});

describe('scans', () => {
  it('round-trips byte for byte, can be replaced, copied out and removed', async () => {
    const { core, root } = await freshStudy();
    const participant = await addParticipant(core);
    const consent = value<ConsentRecord>(await consentOn(core, participant));
    const pdf = Buffer.concat([minimalPdf, Buffer.from(Array.from({ length: 3000 }, (_, index) => index % 256))]);
    const attached = value<{ mediaType: string; bytes: number }>(await core.invoke('consent.attachScan', { consentId: consent.id, fileName: 'C:\\Skanner\\skjema.pdf', content: pdf.toString('base64') }));
    expect(attached).toMatchObject({ mediaType: 'application/pdf', bytes: pdf.length, fileName: 'skjema.pdf' });
    const back = value<{ content: string; mediaType: string }>(await core.invoke('consent.scan', { consentId: consent.id }));
    expect(Buffer.from(back.content, 'base64').equals(pdf)).toBe(true);

    const copy = path.join(root, 'kopi.pdf');
    value(await core.invoke('consent.saveScanCopy', { consentId: consent.id, path: copy }));
    expect(fs.readFileSync(copy).equals(pdf)).toBe(true);

    const png = Buffer.concat([pngHeader, Buffer.alloc(100, 7)]);
    value(await core.invoke('consent.attachScan', { consentId: consent.id, fileName: 'skjema.png', content: png.toString('base64') }));
    const replaced = value<{ content: string; mediaType: string }>(await core.invoke('consent.scan', { consentId: consent.id }));
    expect(replaced.mediaType).toBe('image/png');
    expect(Buffer.from(replaced.content, 'base64').equals(png)).toBe(true);
    expect(value<ParticipantConsents[]>(await core.invoke('consent.records', {}))[0]?.consents[0]?.scan).toMatchObject({ mediaType: 'image/png', bytes: png.length });

    value(await core.invoke('consent.removeScan', { consentId: consent.id }));
    expect(await core.invoke('consent.scan', { consentId: consent.id })).toEqual({ ok: false, error: { code: 'consent.scanMissing' } });
    expect(await core.invoke('consent.removeScan', { consentId: consent.id })).toEqual({ ok: false, error: { code: 'consent.scanMissing' } });
  });

  it('refuses what is not a PDF, PNG or JPEG by its content, whatever its name, and anything over 20 MB', async () => {
    const { core } = await freshStudy();
    const participant = await addParticipant(core);
    const consent = value<ConsentRecord>(await consentOn(core, participant));
    const docx = Buffer.from('PK\u0003\u0004 not a scan');
    expect(await core.invoke('consent.attachScan', { consentId: consent.id, fileName: 'skjema.pdf', content: docx.toString('base64') })).toEqual({ ok: false, error: { code: 'consent.scanUnsupported' } });
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(50)]);
    expect(value<{ mediaType: string }>(await core.invoke('consent.attachScan', { consentId: consent.id, fileName: 'skjema', content: jpeg.toString('base64') })).mediaType).toBe('image/jpeg');
    const huge = Buffer.concat([minimalPdf, Buffer.alloc(20 * 1024 * 1024)]);
    expect(await core.invoke('consent.attachScan', { consentId: consent.id, fileName: 'stor.pdf', content: huge.toString('base64') })).toMatchObject({ ok: false });
    expect(await core.invoke('consent.attachScan', { consentId: 999, fileName: 'skjema.pdf', content: minimalPdf.toString('base64') })).toEqual({ ok: false, error: { code: 'consent.recordMissing' } });
    expect(value<{ mediaType: string }>(await core.invoke('consent.scan', { consentId: consent.id })).mediaType).toBe('image/jpeg');
  });

  it('audits consent, freezing and scans with ids and counts only', async () => {
    const { core, file } = await freshStudy();
    const participant = await addParticipant(core, 'SENTINEL-Pseudo');
    const consent = value<ConsentRecord>(await consentOn(core, participant));
    value(await core.invoke('consent.attachScan', { consentId: consent.id, fileName: 'SENTINEL-Kari.pdf', content: minimalPdf.toString('base64') }));
    value(await core.invoke('consent.removeScan', { consentId: consent.id }));
    value(await core.invoke('study.close', {}));
    const db = openWithSqlcipher(file, testPassphrase, { readonly: true });
    const rows = db.prepare("SELECT kind, detail FROM audit_event WHERE kind LIKE 'consent.%' ORDER BY id").all() as { kind: string; detail: string }[];
    db.close();
    expect(rows.map((row) => row.kind)).toEqual([
      'consent.documentCreated',
      'consent.documentCreated',
      'consent.documentCreated',
      'consent.documentCreated',
      'consent.documentFrozen',
      'consent.documentFrozen',
      'consent.recorded',
      'consent.scanAttached',
      'consent.scanRemoved',
    ]);
    expect(JSON.stringify(rows)).not.toContain('SENTINEL');
  });
});

describe('the demo study', () => {
  it('has a consent for every demo participant who has consented, none for those only asked', async () => {
    const { core } = await freshStudy();
    value(await core.invoke('study.openDemo', {}));
    const list = value<ParticipantConsents[]>(await core.invoke('consent.records', {}));
    expect(list.length).toBeGreaterThan(0);
    for (const participant of list) {
      expect(participant.consents.length, participant.pseudonym).toBe(participant.status === 'asked' ? 0 : 1);
    }
    const consents = list.flatMap((participant) => participant.consents);
    expect(consents.some((consent) => !consent.allowsRecording)).toBe(true);
    expect(consents.every((consent) => consent.letterVersion === 1 && consent.language === 'nb')).toBe(true);
  });
});

describe('at the scale of a large study', () => {
  // How fast the list opens is measured by bench/registers.ts; here, that it is complete.
  it('lists 500 participants with their consents, the renewed ones and those with scans', async () => {
    const { core } = await freshStudy();
    const letter = await starter(core, 'letter', 'nb');
    const form = await starter(core, 'form', 'nb');
    core.session.require().db.write((writer) => {
      const participant = writer.statement("INSERT INTO participant (pseudonym, status, created_at) VALUES (?, 'consented', '2026-01-01T00:00:00Z')");
      const consent = writer.statement(
        `INSERT INTO consent (participant_id, letter_id, form_id, signed_on, signed_place, method, allows_recording, allows_quotes, created_at)
         VALUES (?, ?, ?, ?, 'Bergen', 'paper', 1, 1, '2026-01-01T00:00:00Z')`,
      );
      const scan = writer.statement("INSERT INTO consent_scan (consent_id, file_name, media_type, content, added_at) VALUES (?, 'skjema.pdf', 'application/pdf', ?, '2026-01-01T00:00:00Z')");
      for (let index = 1; index <= 500; index += 1) {
        const id = Number(participant.run(`Deltaker ${index}`).lastInsertRowid);
        const first = Number(consent.run(id, letter.id, form.id, '2026-02-01').lastInsertRowid);
        if (index % 5 === 0) consent.run(id, letter.id, form.id, '2026-03-01');
        if (index % 2 === 0) scan.run(first, Buffer.concat([minimalPdf, Buffer.alloc(200_000)]));
      }
    });
    const list = value<ParticipantConsents[]>(await core.invoke('consent.records', {}));
    expect(list).toHaveLength(500);
    expect(list.flatMap((participant) => participant.consents)).toHaveLength(600);
    expect(list.filter((participant) => participant.consents.length === 2)).toHaveLength(100);
    expect(list.flatMap((participant) => participant.consents).filter((consent) => consent.scan !== null)).toHaveLength(250);
    expect(value<unknown[]>(await core.invoke('consent.documents', {})).length).toBeGreaterThan(0);
  });
});
