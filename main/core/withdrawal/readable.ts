import type { Language } from '../../../shared/app/contract.js';
import { speakerLabels } from '../../../shared/transcripts/labels.js';
import { accessExportTexts, accessExportValues, type AccessExport, type AccessPassage } from '../../../shared/withdrawal/accessExport.js';

/** Label–value pairs (one record), or a table with a header row (a transcript's lines). */
export type ReadableBlock =
  | { kind: 'pairs'; pairs: [label: string, value: string][] }
  | { kind: 'table'; caption: string; columns: string[]; /** Of the page, in per cent. */ widths: number[]; rows: string[][] };

/** One heading with its blocks: the same shape for the DOCX and the PDF. */
export interface ReadableSection {
  heading: string;
  /** Said when the section has nothing. */
  empty: string | null;
  blocks: ReadableBlock[];
}

/** A timestamp in a recording as h:mm:ss. */
function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

export interface ReadableExport {
  title: string;
  intro: string;
  sections: ReadableSection[];
}

/** The access export as readable sections in the researcher's language. */
/** A passage's line numbers as a researcher cites them: "12" or "12–14" (empty when it cannot be placed). */
function lineRange(passage: AccessPassage): string {
  if (passage.fromLine === null || passage.toLine === null) return '';
  return passage.fromLine === passage.toLine ? String(passage.fromLine) : `${passage.fromLine}–${passage.toLine}`;
}

export function readableExport(data: AccessExport, language: Language): ReadableExport {
  const t = accessExportTexts[language];
  const word = (value: string) => accessExportValues[language][value] ?? value;
  const opt = (value: string | number | null) => (value === null || value === '' ? t.notSet : String(value));
  const yesNo = (value: boolean) => (value ? t.yes : t.no);
  const pairs = (list: [string, string][]): ReadableBlock => ({ kind: 'pairs', pairs: list });
  const section = (heading: string, blocks: ReadableBlock[]): ReadableSection => ({
    heading,
    empty: blocks.length === 0 ? t.none : null,
    blocks,
  });
  const p = data.participant;
  const interviewBlocks = data.interviews.map((interview) =>
    pairs([
      [t.heldAt, interview.heldAt.replace('T', ' ')],
      [t.lengthMinutes, opt(interview.lengthMinutes)],
      [t.setting, word(interview.setting)],
      [t.settingOther, opt(interview.settingOther)],
      [t.guideVersion, opt(interview.guideVersion)],
      [t.coveredQuestions, interview.coveredQuestions.map((covered) => covered.question ?? covered.key).join('\n') || t.notSet],
      [t.notes, opt(interview.notes)],
    ]),
  );
  const transcriptBlocks = data.interviews.flatMap((interview) =>
    interview.transcripts.flatMap((transcript): ReadableBlock[] => {
      // The speakers as the margin names them: the transcript's own names, else in words and the pseudonym.
      const speakerName: Record<string, string> = speakerLabels({ ...transcript, pseudonym: p.pseudonym }, language);
      return [
        pairs([
          [t.transcriptTitle, opt(transcript.title)],
          [t.interview, interview.heldAt.replace('T', ' ')],
          [t.transcriptState, word(transcript.state)],
          [t.anonymisedAt, opt(transcript.anonymisedAt?.slice(0, 10) ?? null)],
          [t.completedAt, opt(transcript.completedAt?.slice(0, 10) ?? null)],
          [t.source, word(transcript.source)],
          [t.speakers, `${speakerName.interviewer} / ${speakerName.participant}`],
        ]),
        {
          kind: 'table',
          caption: t.lines,
          columns: [t.lineNumber, t.speaker, t.timestamp, t.text],
          widths: [8, 17, 11, 64],
          rows: transcript.lines.map((line) => [
            String(line.number),
            speakerName[line.speaker] ?? line.speaker,
            line.timestampMs === null ? '' : clock(line.timestampMs),
            line.text,
          ]),
        },
        ...(transcript.anonymisationReview.length > 0
          ? [
              {
                kind: 'table' as const,
                caption: t.anonymisationReview,
                columns: [t.lineNumber, t.original, t.kind, t.decision, t.replacement],
                widths: [8, 30, 20, 20, 22],
                rows: transcript.anonymisationReview.map((hit) => [
                  hit.line === null ? '' : String(hit.line),
                  hit.original,
                  word(hit.kind),
                  word(hit.decision),
                  hit.replacement,
                ]),
              },
            ]
          : []),
        ...(transcript.codings.length > 0
          ? [
              {
                kind: 'table' as const,
                caption: t.codings,
                columns: [t.lines, t.code, t.passage],
                widths: [12, 28, 60],
                rows: transcript.codings.map((coding) => [lineRange(coding.passage), coding.code, coding.passage.text]),
              },
            ]
          : []),
        ...(transcript.quotes.length > 0
          ? [
              {
                kind: 'table' as const,
                caption: t.quotes,
                columns: [t.lines, t.passage, t.wording, t.notes],
                widths: [12, 34, 34, 20],
                rows: transcript.quotes.map((quote) => [lineRange(quote.passage), quote.passage.text, quote.wording, quote.note]),
              },
            ]
          : []),
        ...(transcript.memos.length > 0
          ? [
              {
                kind: 'table' as const,
                caption: t.memos,
                columns: [t.lines, t.memoTitle, t.memoText],
                widths: [12, 28, 60],
                rows: transcript.memos.map((memo) => [lineRange(memo.passage), memo.title, memo.text]),
              },
            ]
          : []),
      ];
    }),
  );
  const keyBlocks: ReadableBlock[] =
    data.anonymisationKey.length > 0
      ? [
          {
            kind: 'table',
            caption: t.anonymisationKeyIntro,
            columns: [t.original, t.replacement, t.kind],
            widths: [45, 30, 25],
            rows: data.anonymisationKey.map((entry) => [entry.original, entry.replacement, word(entry.kind)]),
          },
        ]
      : [];
  const groupBlocks = data.groups.flatMap((group): ReadableBlock[] => [
    pairs([
      [t.group, group.group],
      [t.programme, group.programme[language]],
      [t.memberLabel, group.label],
      [t.groupCompletedOn, opt(group.completedOn)],
    ]),
    {
      kind: 'table',
      caption: t.attendance,
      columns: [t.session, t.heldAt, t.attended, t.absenceReason],
      widths: [12, 28, 20, 40],
      rows: group.attendance.map((entry) => [String(entry.session), entry.startsAt.replace('T', ' '), entry.status ? word(entry.status) : t.notSet, entry.reason]),
    },
    ...(group.leadersNotes.length > 0
      ? [
          {
            kind: 'table' as const,
            caption: t.leadersNotes,
            columns: [t.session, t.heldAt, t.note],
            widths: [12, 28, 60],
            rows: group.leadersNotes.map((note) => [String(note.session), note.startsAt.replace('T', ' '), note.note]),
          },
        ]
      : []),
    ...group.talks.map((talk) =>
      pairs([
        [t.talks, talk.name[language]],
        [t.heldAt, talk.startsAt.replace('T', ' ')],
        [t.lengthMinutes, String(talk.minutes)],
        [t.held, yesNo(talk.held)],
      ]),
    ),
    ...group.evaluations.map(
      (evaluation): ReadableBlock => ({
        kind: 'table',
        caption: `${t.evaluations}: ${evaluation.form[language]} (${t.submittedOn} ${evaluation.submittedOn})`,
        columns: [t.question, t.answer],
        widths: [60, 40],
        rows: evaluation.answers.map((entry) => [entry.question[language], typeof entry.answer === 'boolean' ? yesNo(entry.answer) : opt(entry.answer)]),
      }),
    ),
  ]);
  return {
    title: t.title,
    intro: t.intro,
    sections: [
      section(t.study, [pairs([[t.study, data.study.title], [t.exportedAt, data.exportedAt.slice(0, 10)]])]),
      section(t.participant, [
        pairs([
          [t.pseudonym, p.pseudonym],
          [t.status, word(p.status)],
          [t.askedOn, opt(p.askedOn)],
          [t.consentedOn, opt(p.consentedOn)],
          [t.interviewedOn, opt(p.interviewedOn)],
          [t.completedOn, opt(p.completedOn)],
          [t.withdrawnOn, opt(p.withdrawnOn)],
          [t.registeredAt, p.registeredAt.slice(0, 10)],
        ]),
      ]),
      section(
        t.identifyingDetails,
        data.identifyingDetails
          ? [
              pairs([
                [t.name, opt(data.identifyingDetails.name)],
                [t.phone, opt(data.identifyingDetails.phone)],
                [t.email, opt(data.identifyingDetails.email)],
                [t.address, opt(data.identifyingDetails.address)],
              ]),
            ]
          : [],
      ),
      section(t.attributes, data.attributes.length > 0 ? [pairs(data.attributes.map((a) => [a.name, opt(a.value)]))] : []),
      section(
        t.consents,
        data.consents.map((c) =>
          pairs([
            [t.letterVersion, String(c.letterVersion)],
            [t.formVersion, String(c.formVersion)],
            [t.signedOn, c.signedOn],
            [t.signedPlace, opt(c.signedPlace)],
            [t.method, word(c.method)],
            [t.allowsRecording, yesNo(c.allowsRecording)],
            [t.allowsQuotes, yesNo(c.allowsQuotes)],
            [t.confirmedByResearcherOn, opt(c.confirmedByResearcherOn)],
            [t.scan, c.scan ? `${c.scan.fileName} (${c.scan.bytes} B)` : t.notSet],
          ]),
        ),
      ),
      section(
        t.recordings,
        data.recordings.map((r) =>
          pairs([
            [t.madeAt, r.madeAt],
            [t.keptWhere, opt(r.keptWhere)],
            [t.format, opt(r.format)],
            [t.lengthSeconds, opt(r.lengthSeconds)],
            [t.transcribedOn, opt(r.transcribedOn)],
            [t.deletionDueOn, opt(r.deletionDueOn)],
            [t.deletedOn, opt(r.deletedOn)],
            [t.deletedHow, opt(r.deletedHow)],
            [t.deletionConfirmedBy, opt(r.deletionConfirmedBy)],
            [t.notes, opt(r.notes)],
            [t.audioInStudy, r.audioInStudy ? `${r.audioInStudy.fileName} (${r.audioInStudy.bytes} B)` : t.notSet],
          ]),
        ),
      ),
      section(t.interviews, interviewBlocks),
      section(t.transcripts, transcriptBlocks),
      section(t.anonymisationKey, keyBlocks),
      section(t.groups, groupBlocks),
      section(
        t.requests,
        data.requests.map((r) =>
          pairs([
            [t.kind, word(r.kind)],
            [t.receivedOn, r.receivedOn],
            [t.dueOn, r.dueOn],
            [t.extendedTo, opt(r.extendedTo)],
            [t.extensionReason, opt(r.extensionReason)],
            [t.status, word(r.status)],
            [t.answeredOn, opt(r.answeredOn)],
            [t.notes, opt(r.notes)],
          ]),
        ),
      ),
      section(
        t.withdrawal,
        data.withdrawal
          ? [
              pairs([
                [t.withdrawnOn, data.withdrawal.withdrawnOn],
                [t.communicatedHow, opt(data.withdrawal.communicatedHow)],
                [t.scope, word(data.withdrawal.scope)],
              ]),
            ]
          : [],
      ),
    ],
  };
}
