import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelNames, type Channel } from '../../shared/contract/channels.js';
import { GroundworkError } from '../../shared/contract/errors.js';
import type { StudyPage } from '../../shared/study/contract.js';
import { createRouter, type Handlers } from '../../main/core/router.js';
import { tempDir, testCore, testPassphrase, value } from '../helpers/study.js';

const page: StudyPage = {
  title: 'Studie',
  researchQuestions: ['Hva hjelper?'],
  institution: 'UiB',
  researcher: { name: 'Forsker', contact: 'forsker@uib.example' },
  dataProtectionOfficer: 'Personvernombudet',
  supervisors: [{ name: 'Veileder', affiliation: 'UiB' }],
  ethics: { decision: 'approved', reference: 'REK 1', date: '2026-01-01' },
  sikt: { reference: 'Sikt 1', date: null },
  dataManagementNotes: '',
  plannedEndDate: null,
  endOfStudyAction: 'delete',
  recordingDeletionDays: 7,
};

/**
 * One valid input per channel. A new channel must be added here (shared/contract/README.md, step 5):
 * the walk below fails for any channel without one.
 */
const validInputs: Record<Channel, Record<string, unknown>> = {
  'app.info': {},
  'app.setLanguage': { language: 'nb' },
  'recent.list': {},
  'recent.forget': { path: '/studier/a.groundwork' },
  'dialog.chooseNewStudyFile': { suggestedName: 'Studie' },
  'dialog.chooseStudyFile': {},
  'dialog.chooseBackupFile': { suggestedName: 'Studie' },
  'dialog.chooseFolder': { current: '/studier' },
  'dialog.chooseExportFile': { suggestedPath: '/studier/Tabell.docx', format: 'docx' },
  'session.activity': {},
  'study.state': {},
  'study.create': { title: 'Studie', path: '/studier/a.groundwork', passphrase: testPassphrase },
  'study.open': { path: '/studier/a.groundwork', passphrase: testPassphrase },
  'study.openDemo': {},
  'study.lock': {},
  'study.close': {},
  'study.changePassphrase': { current: testPassphrase, next: `${testPassphrase}!` },
  'study.backupNow': { path: '/backup/a.groundwork' },
  'study.backups': {},
  'study.backupStatus': {},
  'study.settings': {},
  'study.updateSettings': { idleLockMinutes: 10, backupFolder: '/backup', backupsToKeep: 3 },
  'studyPage.get': {},
  'studyPage.update': page,
  'withdrawal.plan': { participantId: 1, scope: 'deleteEverything' },
  'withdrawal.confirm': { participantId: 1, scope: 'keepAnonymisedAnalysis', withdrawnOn: '2026-05-01', communicatedHow: 'E-post', typedPseudonym: 'Deltaker 1', language: 'nb' },
  'withdrawal.accessExport': { participantId: 1, format: 'docx', language: 'nb', path: '/eksport/innsyn.docx' },
  'participantTable.get': { language: 'nb' },
  'participantTable.save': {
    definition: {
      caption: 'Deltakerne',
      columns: [{ attributeId: 1, heading: 'Alder', rule: { kind: 'bands', width: 5, start: 20 } }],
      showPseudonym: false,
      order: 'attribute',
      orderAttributeId: 1,
      shuffleSeed: '',
    },
    language: 'nb',
  },
  'participantTable.reshuffle': { language: 'en' },
  'participantTable.export': { format: 'xlsx', path: '/eksport/tabell.xlsx', language: 'nb' },
  'audit.list': { filters: { kinds: ['export.written'], from: '2026-01-01', to: '2026-12-31' }, offset: 0, limit: 100 },
  'audit.export': { filters: { kinds: [], from: null, to: null }, format: 'csv', path: '/eksport/logg.csv', language: 'en' },
  'participants.list': {},
  'participants.get': { id: 1 },
  'participants.nextPseudonym': {},
  'participants.add': { pseudonym: 'Deltaker 1', status: 'asked', on: '2026-03-01' },
  'participants.rename': { id: 1, pseudonym: 'Deltaker 2' },
  'participants.setStatus': { id: 1, status: 'consented', on: '2026-03-02' },
  'participants.setValues': { id: 1, values: [{ attributeId: 1, value: '42' }] },
  'participants.identity': { id: 1 },
  'participants.updateIdentity': { id: 1, identity: { name: 'Navn', phone: '400 00 001', email: 'a@b.no', address: 'Gate 1' } },
  'participants.identityStatus': {},
  'participants.deleteAllIdentity': { confirmed: true },
  'attributes.list': {},
  'attributes.add': { name: 'Utdanning', kind: 'choice', choices: ['Høy', 'Lav'] },
  'attributes.update': { id: 1, name: 'Utdanning', choices: ['Høy'] },
  'attributes.move': { id: 1, direction: 'up' },
  'attributes.delete': { id: 1 },
  'recordings.list': {},
  'recordings.candidates': {},
  'recordings.register': { participantId: 1, madeOn: '2026-03-01', keptWhere: 'Diktafon, låst skap', format: 'MP3', lengthSeconds: 2400, notes: '', audio: { fileName: 'opptak.mp3', base64: 'SUQz' } },
  'recordings.markTranscribed': { id: 1, transcribedOn: '2026-03-02' },
  'recordings.recordDeletion': { id: 1, deletedOn: '2026-03-09', deletedHow: 'Slettet på diktafonen', confirmedBy: 'Forskeren' },
  'requests.list': {},
  'requests.register': { kind: 'access', receivedOn: '2026-01-31', participantId: 1, notes: '' },
  'requests.extend': { id: 1, extendedTo: '2026-04-30', reason: 'Mange henvendelser' },
  'requests.answer': { id: 1, answeredOn: '2026-02-10', status: 'answered', notes: '' },
  'overview.get': {},
  'consent.documents': {},
  'consent.document': { id: 1 },
  'consent.saveDocument': { id: 1, content: { type: 'doc', content: [] } },
  'consent.saveDocumentAsNext': { id: 1, content: { type: 'doc', content: [] } },
  'consent.exportDocument': { documentId: 1, format: 'pdf', path: '/studier/samtykke.pdf' },
  'consent.records': {},
  'consent.record': { participantId: 1, letterId: 1, formId: 2, signedOn: '2026-03-01', signedPlace: 'Bergen', method: 'paper', allowsRecording: true, allowsQuotes: false, confirmedOn: null },
  'consent.attachScan': { consentId: 1, fileName: 'skjema.pdf', content: 'JVBERi0=' },
  'consent.scan': { consentId: 1 },
  'consent.saveScanCopy': { consentId: 1, path: '/studier/skjema.pdf' },
  'consent.removeScan': { consentId: 1 },
  'calendar.programmes.list': {},
  'calendar.programmes.save': {
    id: 1,
    content: {
      name: { en: 'Programme', nb: 'Program' },
      description: { en: 'About', nb: 'Om' },
      phases: [{ name: { en: 'Group', nb: 'Gruppe' }, description: { en: '', nb: '' } }],
      cadence: { kind: 'weekly', weeks: 8, perWeek: 2 },
      startTime: '12:00',
      sessionMinutes: 120,
      sessionParts: [{ name: { en: 'Reflection', nb: 'Refleksjon' }, minutes: 90 }],
      themes: [{ key: 'values', name: { en: 'Values', nb: 'Verdier' } }],
      learningGoals: [{ code: 'FKM LM-02', text: { en: 'Ethics', nb: 'Etikk' } }],
      individualTalks: [{ key: 'start', name: { en: 'START talk', nb: 'START-samtale' }, timing: { kind: 'inWeek', week: 4 }, minMinutes: 180, bothLeaders: true }],
      capacity: { max: 8, ideal: 6 },
      completion: { kind: 'minSessions', sessions: 12 },
      evaluationForms: [{ key: 'before', when: 'before', title: { en: 'Before', nb: 'Før' }, questions: [{ key: 'hope', text: { en: 'Hope?', nb: 'Håp?' }, kind: 'scale' }] }],
      leaderLog: true,
      usualHours: { from: '08:00', to: '16:00' },
    },
  },
  'calendar.programmes.copy': { id: 1, name: { en: 'My reSTART', nb: 'Min reSTART' } },
  'calendar.programmes.delete': { id: 1 },
  'calendar.programmes.setDefault': { id: 1 },
  'calendar.groups.list': {},
  'calendar.groups.get': { id: 1 },
  'calendar.groups.create': {
    name: 'Gruppe vår',
    programmeId: 1,
    leaders: { professional: 'Ingrid Bakke', peer: 'Tor Lie' },
    room: 'Møterom 2',
    startDate: '2026-03-23',
    weekdays: [1, 4],
    startTime: '12:00',
    notes: '',
  },
  'calendar.groups.update': { id: 1, name: 'Gruppe høst', leaders: { professional: 'Ingrid Bakke', peer: '' }, room: 'Rom 3', notes: '' },
  'calendar.groups.delete': { id: 1 },
  'calendar.groups.setThemes': { id: 1, themes: ['values', 'hope'] },
  'calendar.sessions.inRange': { from: '2026-03-01', to: '2026-03-31' },
  'calendar.sessions.get': { id: 1 },
  'calendar.sessions.check': { id: 1, startsAt: '2026-04-07T12:00', minutes: 120 },
  'calendar.sessions.move': { id: 1, startsAt: '2026-04-07T12:00', minutes: 120, shift: 'following' },
  'calendar.sessions.add': { groupId: 1, startsAt: '2026-05-20T12:00', minutes: 120 },
  'calendar.sessions.remove': { id: 1 },
  'calendar.sessions.setRoom': { id: 1, room: 'Rom 4' },
  'calendar.members.add': { groupId: 1, label: 'K.N.', participantId: 1 },
  'calendar.members.update': { id: 1, label: 'Kari', participantId: 2 },
  'calendar.members.remove': { id: 1 },
  'calendar.talks.book': { memberId: 1, talkKey: 'start', startsAt: '2026-03-16T10:00', minutes: 180 },
  'calendar.talks.setHeld': { id: 1, held: true },
  'calendar.talks.remove': { id: 1 },
  'calendar.attendance.set': { sessionId: 1, entries: [{ memberId: 1, status: 'absent', reason: 'Syk' }] },
  'calendar.log.save': { sessionId: 1, whatHappened: 'God samtale', why: 'Trygg gruppe', whatNext: 'Fortsette', themeNotes: 'Verdier', mentions: [{ memberId: 1, note: 'Delte mye' }] },
  'calendar.evaluations.submit': { groupId: 1, formKey: 'before', sessionId: 1, memberId: 1, answers: {} },
  'calendar.evaluations.summary': { groupId: 1 },
  'calendar.export.ics': { groupId: 1, path: '/eksport/gruppe.ics', language: 'nb' },
  'calendar.export.schedule': { groupId: 1, path: '/eksport/timeplan.pdf', format: 'pdf', language: 'nb' },
  'calendar.export.attendance': { groupId: 1, path: '/eksport/oppmote.xlsx', language: 'en' },
  'guide.versions': { language: 'nb' },
  'guide.version': { id: 1 },
  'guide.save': {
    id: 1,
    content: {
      language: 'nb',
      title: 'Intervjuguide',
      parts: [{ key: 'main', title: 'Hverdagen', notes: '', questions: [{ key: 'hope', text: 'Hva gir deg håp?', notes: '', followUps: ['Hvordan da?'] }] }],
    },
  },
  'guide.export': { id: 1, format: 'docx', includeNotes: false, path: '/studier/guide.docx' },
  'interviews.list': {},
  'interviews.get': { id: 1 },
  'interviews.candidates': {},
  'interviews.register': {
    participantId: 1,
    heldAt: '2026-03-02T10:00',
    lengthMinutes: 45,
    setting: 'video',
    settingOther: '',
    guideVersionId: 1,
    notes: '',
    recordingIds: [1],
  },
  'interviews.update': { id: 1, heldAt: '2026-03-02T10:00', lengthMinutes: 50, setting: 'other', settingOther: 'Kafé', guideVersionId: 2, notes: 'Rolig', recordingIds: [] },
  'interviews.delete': { id: 1 },
  'interviews.setCovered': { id: 1, questionKey: 'hope', covered: true },
  'transcripts.list': {},
  'transcripts.get': { id: 1 },
  'transcripts.create': { interviewId: 1, source: 'pasted', text: 'I: Hvordan var det? D: Godt.' },
  'transcripts.import': { importId: 'import-1', files: [{ interviewId: 1, fileName: 'Intervju 1.txt', base64: 'SGVpLg==' }] },
  'transcripts.save': { id: 1, baseRevision: 3, order: ['Ab3dE6gH9jK2', 'Zx8cV5bN2mQ4'], lines: [{ id: 'Ab3dE6gH9jK2', speaker: 'participant', timestampMs: 1500, text: 'Hei.' }] },
  'transcripts.rename': { id: 1, title: 'Intervju 1', interviewerLabel: 'I', participantLabel: 'D' },
  'transcripts.complete': { id: 1, completedOn: '2026-03-04' },
  'transcripts.export': { id: 1, format: 'docx', path: '/studier/intervju.docx', overrideRaw: false, language: 'nb' },
  'transcripts.delete': { id: 1 },
  'transcripts.setSpellcheck': { spellcheck: false },
  'anonymisation.review': { transcriptId: 1 },
  'anonymisation.decide': { transcriptId: 1, hitId: 2, decision: 'changed', replacement: '[mannen hennes]', reach: 'transcript' },
  'anonymisation.addRule': { transcriptId: 1, original: 'Trondheim', replacement: '[by]', kind: 'place', scope: 'study' },
  'anonymisation.setOptions': { transcriptId: 1, pronoun: 'hun', labelLanguage: 'nb' },
  'anonymisation.finish': { transcriptId: 1, revision: 4 },
  'anonymisation.keySummary': {},
  'anonymisation.key': {},
  'anonymisation.deleteKey': { confirm: true },
  'exchange.summary': { language: 'nb' },
  'exchange.exportProject': { path: '/eksport/studie.qdpx', lineEnding: 'crlf', includeMemos: true, language: 'nb' },
  'exchange.exportCodebook': { path: '/eksport/kodebok.qdc' },
  'exchange.importProject': { importId: 'refi-1', fileName: 'Prosjekt.qdpx', base64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', title: 'Studie', path: '/studier/b.groundwork', passphrase: testPassphrase },
  'exchange.importCodebook': { fileName: 'Kodebok.qdc', base64: 'PENvZGVCb29rLz4=' },
  'coding.codebook': {},
  'coding.code': { id: 1 },
  'coding.transcriptCodings': { transcriptId: 1 },
  'coding.createCode': { level: 'initial', name: 'feeling seen', colour: '#2f6fb0', definition: 'Being noticed by the others' },
  'coding.updateCode': { id: 1, name: 'being seen', colour: '#2f6fb0', definition: '' },
  'coding.deleteCodes': { ids: [1, 2] },
  'coding.mergeCodes': { sourceIds: [2, 3], targetId: 1 },
  'coding.splitCode': { id: 1, newName: 'being seen at home', codingIds: [4, 5] },
  'coding.raise': { initialCodeIds: [1, 2], focused: { name: 'finding a place' } },
  'coding.unraise': { focusedCodeId: 3, initialCodeIds: [1] },
  'coding.apply': {
    code: { id: 1 },
    passages: [{ transcriptId: 1, startLineId: 'AbCdEfGhIjKl', startOffset: 0, endLineId: 'AbCdEfGhIjKm', endOffset: 12 }],
  },
  'coding.adjust': { id: 1, startLineId: 'AbCdEfGhIjKl', startOffset: 3, endLineId: 'AbCdEfGhIjKl', endOffset: 9 },
  'coding.remove': { ids: [1] },
  'coding.createCategory': { name: 'Finding a footing', parentId: 2, colour: '#3a8a4f' },
  'coding.updateCategory': { id: 1, name: 'Finding a footing again', colour: '#3a8a4f', quoteId: 4 },
  'coding.moveCategory': { id: 1, parentId: 2, position: 0 },
  'coding.deleteCategory': { id: 1 },
  'coding.placeCodes': { codeIds: [1, 2], categoryId: 3, position: 1 },
  'coding.undo': {},
  'coding.redo': {},
  'analysisExports.choices': {},
  'analysisExports.codingTablePreview': { selection: { kind: 'categories', ids: [1, 2] }, language: 'nb', limit: 20 },
  'analysisExports.codingTable': { selection: { kind: 'all' }, format: 'csv', path: '/eksport/kodingstabell.csv', language: 'nb', exportId: 'a1' },
  'analysisExports.codebook': { format: 'docx', path: '/eksport/kodebok.docx', language: 'en' },
  'comparison.options': {},
  'comparison.passages': {
    source: { kind: 'code', id: 1 },
    conditions: [
      { kind: 'dates', attributeId: 7, from: '2020-01-01', to: '2025-06-30' },
      { kind: 'range', attributeId: 1, min: 20, max: 40 },
      { kind: 'equals', attributeId: 5, value: 'Kvinne' },
    ],
    participantId: 3,
    overlapping: 4,
  },
  'comparison.context': { transcriptId: 1, startLineId: 'AbCdEfGhIjKl', endLineId: 'AbCdEfGhIjKm', before: 3, after: 3 },
  'comparison.matrix': { level: 'focused', categoryId: 2, conditions: [{ kind: 'equals', attributeId: 5, value: 'Kvinne' }] },
  'comparison.cooccurrence': { codeIds: [1, 2], conditions: [{ kind: 'range', attributeId: 1, min: 20, max: 40 }] },
  'comparison.search': { query: 'blir sett', inTranscripts: true, inMemos: false },
  'comparison.searchPassages': { query: '"blir sett"' },
  'memos.list': { order: 'newest', kind: 'all', search: '' },
  'memos.get': { id: 1 },
  'memos.create': { title: 'Being seen', target: { kind: 'passage', passage: { transcriptId: 1, startLineId: 'AbCdEfGhIjKl', startOffset: 0, endLineId: 'AbCdEfGhIjKm', endOffset: 12 } } },
  'memos.save': { id: 1, title: 'Being seen', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hun blir sett.' }] }] }, baseUpdatedAt: '2026-03-02T10:00:00.000Z' },
  'memos.delete': { id: 1 },
  'memos.export': { filter: { order: 'oldest', kind: 'code', codeId: 2, search: 'sett' }, path: '/eksport/memoer.docx', language: 'nb' },
  'quotes.list': {},
  'quotes.create': { passage: { transcriptId: 1, startLineId: 'AbCdEfGhIjKl', startOffset: 0, endLineId: 'AbCdEfGhIjKm', endOffset: 12 }, categoryId: 2 },
  'quotes.update': { id: 1, wording: 'Jeg ble sett.', note: '', categoryId: 3, baseUpdatedAt: '2026-03-02T10:00:00.000Z' },
  'quotes.delete': { id: 1 },
  'quotes.export': { path: '/eksport/sitater.docx', language: 'nb' },
};

/** Inputs of the right types that a channel's schema still refuses, beyond those made from its valid input. */
const moreMalformed: Partial<Record<Channel, { what: string; input: unknown }[]>> = {
  'analysisExports.codingTable': [
    { what: 'categories without any chosen', input: { selection: { kind: 'categories', ids: [] }, format: 'csv', path: '/eksport/t.csv', language: 'nb' } },
    { what: 'an unknown selection', input: { selection: { kind: 'memos' }, format: 'csv', path: '/eksport/t.csv', language: 'nb' } },
    { what: 'a relative path', input: { selection: { kind: 'all' }, format: 'csv', path: 'eksport/t.csv', language: 'nb' } },
  ],
  'analysisExports.codebook': [{ what: 'CSV (the codebook is DOCX or XLSX)', input: { format: 'csv', path: '/eksport/k.csv', language: 'nb' } }],
  'comparison.passages': [
    { what: 'a code and a category at once', input: { ...validInputs['comparison.passages'], source: { kind: 'code', id: 1, categoryId: 2 } } },
    { what: 'a date that is no date', input: { ...validInputs['comparison.passages'], conditions: [{ kind: 'dates', attributeId: 7, from: '2025-02-30', to: null }] } },
    { what: 'an empty value to equal', input: { ...validInputs['comparison.passages'], conditions: [{ kind: 'equals', attributeId: 5, value: ' ' }] } },
    { what: 'a condition of an unknown kind', input: { ...validInputs['comparison.passages'], conditions: [{ kind: 'like', attributeId: 5, value: 'K%' }] } },
  ],
  'comparison.context': [{ what: 'a hundred lines of context', input: { ...validInputs['comparison.context'], before: 100 } }],
  'comparison.search': [{ what: 'a query of a thousand characters', input: { ...validInputs['comparison.search'], query: 'a'.repeat(1000) } }],
  'memos.create': [
    { what: 'a memo on a code and a category at once', input: { title: '', target: { kind: 'code', codeId: 1, categoryId: 2 } } },
    { what: 'an unknown kind of target', input: { title: '', target: { kind: 'participant', participantId: 1 } } },
    { what: 'a passage with a negative offset', input: { title: '', target: { kind: 'passage', passage: { transcriptId: 1, startLineId: 'AbCdEfGhIjKl', startOffset: -1, endLineId: 'AbCdEfGhIjKl', endOffset: 2 } } } },
  ],
  'memos.save': [{ what: 'a body that is not a document node', input: { id: 1, title: '', body: 'Hun blir sett.', baseUpdatedAt: '2026-03-02T10:00:00.000Z' } }],
  'memos.list': [{ what: 'an unknown order', input: { order: 'title', kind: 'all', search: '' } }],
  'memos.export': [{ what: 'a relative path', input: { filter: { order: 'newest', kind: 'all', search: '' }, path: 'memoer.docx', language: 'nb' } }],
  'quotes.create': [{ what: 'a passage without its transcript', input: { passage: { startLineId: 'AbCdEfGhIjKl', startOffset: 0, endLineId: 'AbCdEfGhIjKl', endOffset: 2 } } }],
  'quotes.export': [{ what: 'a relative path', input: { path: 'sitater.docx', language: 'nb' } }],
  'transcripts.save': [
    { what: 'an empty order', input: { ...validInputs['transcripts.save'], order: [] } },
    { what: 'an id not shaped like a line id in the order', input: { ...validInputs['transcripts.save'], order: ['a b'] } },
    { what: 'the whole content as before', input: { id: 1, baseRevision: 3, content: validInputs['transcripts.save'].lines } },
    { what: 'no order at all', input: { id: 1, baseRevision: 3, lines: [] } },
  ],
  'coding.createCode': [
    { what: 'a blank name', input: { level: 'initial', name: '   ' } },
    { what: 'an unknown level', input: { level: 'axial', name: 'feeling seen' } },
    { what: 'a colour not in #rrggbb', input: { level: 'initial', name: 'feeling seen', colour: 'blue' } },
    { what: 'an upper-case colour', input: { level: 'initial', name: 'feeling seen', colour: '#2F6FB0' } },
  ],
  'coding.apply': [
    { what: 'no passages', input: { code: { id: 1 }, passages: [] } },
    { what: 'a code by id and name at once', input: { ...validInputs['coding.apply'], code: { id: 1, name: 'x', level: 'initial' } } },
    { what: 'a new code without a level', input: { ...validInputs['coding.apply'], code: { name: 'feeling seen' } } },
    {
      what: 'a negative offset',
      input: { code: { id: 1 }, passages: [{ transcriptId: 1, startLineId: 'AbCdEfGhIjKl', startOffset: -1, endLineId: 'AbCdEfGhIjKl', endOffset: 2 }] },
    },
    {
      what: 'a line id of the wrong shape',
      input: { code: { id: 1 }, passages: [{ transcriptId: 1, startLineId: 'a b', startOffset: 0, endLineId: 'AbCdEfGhIjKl', endOffset: 2 }] },
    },
  ],
  'coding.deleteCodes': [{ what: 'no ids', input: { ids: [] } }],
  'coding.mergeCodes': [{ what: 'no sources', input: { sourceIds: [], targetId: 1 } }],
  'coding.raise': [
    { what: 'a focused code by id and name at once', input: { initialCodeIds: [1], focused: { id: 3, name: 'x' } } },
    { what: 'no initial codes', input: { initialCodeIds: [], focused: { id: 3 } } },
  ],
  'coding.remove': [{ what: 'no ids', input: { ids: [] } }],
  'coding.moveCategory': [{ what: 'a negative position', input: { id: 1, parentId: null, position: -1 } }],
  'coding.placeCodes': [{ what: 'no codes', input: { codeIds: [], categoryId: null } }],
};

/** A value of the wrong type for `sample`. */
function wrongTypeFor(sample: unknown): unknown {
  if (typeof sample === 'string') return 12345;
  if (typeof sample === 'number') return 'ti';
  if (typeof sample === 'boolean') return 'ja';
  if (sample === null) return 12345;
  if (Array.isArray(sample)) return 'liste';
  return 'objekt';
}

/** Every input made from `input` by giving one field, at any depth, a value of the wrong type. */
function wronglyTyped(input: unknown, at: string[] = []): { field: string; input: unknown }[] {
  if (input === null || typeof input !== 'object') return [];
  const variants: { field: string; input: unknown }[] = [];
  for (const [key, sample] of Object.entries(input)) {
    const here = [...at, key];
    const replace = (replacement: unknown) => (Array.isArray(input) ? Object.assign([...input], { [key]: replacement }) : { ...input, [key]: replacement });
    variants.push({ field: here.join('.'), input: replace(wrongTypeFor(sample)) });
    for (const nested of wronglyTyped(sample, here)) variants.push({ field: nested.field, input: replace(nested.input) });
  }
  return variants;
}

/** A router whose every handler only records that it was called, and answers nonsense. */
function spyRouter() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    channelNames.map((channel) => [
      channel,
      () => {
        calls.push(channel);
        return 12345;
      },
    ]),
  ) as unknown as Handlers;
  const beforeEach = vi.fn();
  return { invoke: createRouter(handlers, { beforeEach }), calls, beforeEach };
}

describe('the router', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('has a valid sample input for every channel', () => {
    expect(Object.keys(validInputs).sort()).toEqual([...channelNames].sort());
  });

  describe.each(channelNames)('channel %s', (channel) => {
    it('refuses malformed input with input.invalid, without calling anything', async () => {
      const { invoke, calls, beforeEach } = spyRouter();
      const valid = validInputs[channel];
      const malformed: { what: string; input: unknown; field?: string }[] = [
        { what: 'a number', input: 42 },
        { what: 'a string', input: 'study' },
        { what: 'true', input: true },
        { what: 'an array', input: [] },
        { what: 'an array of the valid input', input: [valid] },
        { what: 'an unknown extra field', input: { ...valid, extra: 'x' } },
        { what: 'an inherited-looking extra field', input: { ...valid, constructor: 'x' } },
        ...wronglyTyped(valid).map((variant) => ({ what: `a wrongly typed ${variant.field}`, input: variant.input, field: variant.field })),
        ...(moreMalformed[channel] ?? []),
      ];
      for (const { what, input, field } of malformed) {
        const result = await invoke(channel, input);
        expect(result, what).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
        if (field && !result.ok) expect(result.error.fields, what).toContain(field);
      }
      expect(calls).toEqual([]);
      expect(beforeEach).not.toHaveBeenCalled();
    });

    it('passes a valid input on, and turns an answer outside the contract into internal', async () => {
      const { invoke, calls } = spyRouter();
      vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      expect(await invoke(channel, validInputs[channel])).toEqual({ ok: false, error: { code: 'internal' } });
      expect(calls).toEqual([channel]);
    });
  });

  it('refuses unknown channels, including names every object has', async () => {
    const { invoke, calls } = spyRouter();
    for (const channel of ['study.delete', 'STUDY.STATE', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 42, null, undefined, {}, ['study.state']]) {
      expect(await invoke(channel, {}), String(channel)).toEqual({ ok: false, error: { code: 'channel.unknown' } });
    }
    expect(calls).toEqual([]);
  });

  it('turns an unexpected exception into internal, with no message or stack, and logs no content', async () => {
    const secret = 'SELECT * FROM participant WHERE name = SENTINEL-Kari-Nordmann-7781';
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const handlers = Object.fromEntries(
      channelNames.map((channel) => [
        channel,
        () => {
          const error = new Error(secret) as Error & { code: string };
          error.code = 'SQLITE_ERROR';
          throw error;
        },
      ]),
    ) as unknown as Handlers;
    const invoke = createRouter(handlers);
    const result = await invoke('study.state', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('Kari');
    expect(written.join('')).not.toContain('Kari');
    expect(written.join('')).toContain('study.state');
  });

  it('passes a GroundworkError on as its code', async () => {
    const handlers = Object.fromEntries(
      channelNames.map((channel) => [
        channel,
        () => {
          throw new GroundworkError('study.damaged');
        },
      ]),
    ) as unknown as Handlers;
    expect(await createRouter(handlers)('studyPage.get', {})).toEqual({ ok: false, error: { code: 'study.damaged' } });
  });

  it('answers study.notOpen for every study channel when no study is open', async () => {
    const root = tempDir();
    const core = testCore(root);
    const needStudy: Channel[] = [
      'study.backupNow',
      'study.backups',
      'study.backupStatus',
      'study.settings',
      'study.updateSettings',
      'studyPage.get',
      'studyPage.update',
      'study.changePassphrase',
      'withdrawal.plan',
      'withdrawal.confirm',
      'withdrawal.accessExport',
      'participantTable.get',
      'participantTable.save',
      'participantTable.reshuffle',
      'participantTable.export',
      'audit.list',
      'audit.export',
      'participants.list',
      'participants.get',
      'participants.nextPseudonym',
      'participants.add',
      'participants.rename',
      'participants.setStatus',
      'participants.setValues',
      'participants.identity',
      'participants.updateIdentity',
      'participants.identityStatus',
      'participants.deleteAllIdentity',
      'attributes.list',
      'attributes.add',
      'attributes.update',
      'attributes.move',
      'attributes.delete',
      'recordings.list',
      'recordings.candidates',
      'recordings.register',
      'recordings.markTranscribed',
      'recordings.recordDeletion',
      'requests.list',
      'requests.register',
      'requests.extend',
      'requests.answer',
      'overview.get',
      'consent.documents',
      'consent.document',
      'consent.saveDocument',
      'consent.saveDocumentAsNext',
      'consent.exportDocument',
      'consent.records',
      'consent.record',
      'consent.attachScan',
      'consent.scan',
      'consent.saveScanCopy',
      'consent.removeScan',
      'calendar.programmes.list',
      'calendar.programmes.save',
      'calendar.programmes.copy',
      'calendar.programmes.delete',
      'calendar.programmes.setDefault',
      'calendar.groups.list',
      'calendar.groups.get',
      'calendar.groups.create',
      'calendar.groups.update',
      'calendar.groups.delete',
      'calendar.groups.setThemes',
      'calendar.sessions.inRange',
      'calendar.sessions.get',
      'calendar.sessions.check',
      'calendar.sessions.move',
      'calendar.sessions.add',
      'calendar.sessions.remove',
      'calendar.sessions.setRoom',
      'calendar.members.add',
      'calendar.members.update',
      'calendar.members.remove',
      'calendar.talks.book',
      'calendar.talks.setHeld',
      'calendar.talks.remove',
      'calendar.attendance.set',
      'calendar.log.save',
      'calendar.evaluations.submit',
      'calendar.evaluations.summary',
      'calendar.export.ics',
      'calendar.export.schedule',
      'calendar.export.attendance',
      'guide.versions',
      'guide.version',
      'guide.save',
      'guide.export',
      'interviews.list',
      'interviews.get',
      'interviews.candidates',
      'interviews.register',
      'interviews.update',
      'interviews.delete',
      'interviews.setCovered',
      'transcripts.list',
      'transcripts.get',
      'transcripts.create',
      'transcripts.import',
      'transcripts.save',
      'transcripts.rename',
      'transcripts.complete',
      'transcripts.export',
      'transcripts.delete',
      'transcripts.setSpellcheck',
      'analysisExports.choices',
      'analysisExports.codingTablePreview',
      'analysisExports.codingTable',
      'analysisExports.codebook',
      'memos.list',
      'memos.get',
      'memos.create',
      'memos.save',
      'memos.delete',
      'memos.export',
      'quotes.list',
      'quotes.create',
      'quotes.update',
      'quotes.delete',
      'quotes.export',
      'exchange.summary',
      'exchange.exportProject',
      'exchange.exportCodebook',
      'exchange.importCodebook',
    ];
    for (const channel of needStudy) {
      expect(await core.invoke(channel, validInputs[channel]), channel).toEqual({ ok: false, error: { code: 'study.notOpen' } });
    }
    // And the ones that make sense without a study still answer.
    expect(value(await core.invoke('study.state', {}))).toEqual({ status: 'closed' });
    expect(value(await core.invoke('study.lock', {}))).toEqual({ status: 'closed' });
    expect(value(await core.invoke('study.close', {}))).toEqual({ status: 'closed' });
    expect(value(await core.invoke('recent.list', {}))).toEqual([]);
    expect(value(await core.invoke('dialog.chooseNewStudyFile', { suggestedName: 'Min studie: del 1/2' }))).toEqual({
      path: path.join(root, 'studies', 'Min studie del 1 2.groundwork'),
    });
  });
});
