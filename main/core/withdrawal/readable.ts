import type { Language } from '../../../shared/app/contract.js';
import { accessExportTexts, accessExportValues, type AccessExport } from '../../../shared/withdrawal/accessExport.js';

/** One heading with its blocks of label–value pairs: the same shape for the DOCX and the PDF. */
export interface ReadableSection {
  heading: string;
  /** Said when the section has nothing. */
  empty: string | null;
  blocks: [label: string, value: string][][];
}

export interface ReadableExport {
  title: string;
  intro: string;
  sections: ReadableSection[];
}

/** The access export as readable sections in the researcher's language. */
export function readableExport(data: AccessExport, language: Language): ReadableExport {
  const t = accessExportTexts[language];
  const word = (value: string) => accessExportValues[language][value] ?? value;
  const opt = (value: string | number | null) => (value === null || value === '' ? t.notSet : String(value));
  const yesNo = (value: boolean) => (value ? t.yes : t.no);
  const section = (heading: string, blocks: [string, string][][]): ReadableSection => ({
    heading,
    empty: blocks.length === 0 ? t.none : null,
    blocks,
  });
  const p = data.participant;
  return {
    title: t.title,
    intro: t.intro,
    sections: [
      section(t.study, [[[t.study, data.study.title], [t.exportedAt, data.exportedAt.slice(0, 10)]]]),
      section(t.participant, [
        [
          [t.pseudonym, p.pseudonym],
          [t.status, word(p.status)],
          [t.askedOn, opt(p.askedOn)],
          [t.consentedOn, opt(p.consentedOn)],
          [t.interviewedOn, opt(p.interviewedOn)],
          [t.completedOn, opt(p.completedOn)],
          [t.withdrawnOn, opt(p.withdrawnOn)],
          [t.registeredAt, p.registeredAt.slice(0, 10)],
        ],
      ]),
      section(
        t.identifyingDetails,
        data.identifyingDetails
          ? [
              [
                [t.name, opt(data.identifyingDetails.name)],
                [t.phone, opt(data.identifyingDetails.phone)],
                [t.email, opt(data.identifyingDetails.email)],
                [t.address, opt(data.identifyingDetails.address)],
              ],
            ]
          : [],
      ),
      section(t.attributes, data.attributes.length > 0 ? [data.attributes.map((a) => [a.name, opt(a.value)])] : []),
      section(
        t.consents,
        data.consents.map((c) => [
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
      section(
        t.recordings,
        data.recordings.map((r) => [
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
      section(
        t.requests,
        data.requests.map((r) => [
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
      section(
        t.withdrawal,
        data.withdrawal
          ? [
              [
                [t.withdrawnOn, data.withdrawal.withdrawnOn],
                [t.communicatedHow, opt(data.withdrawal.communicatedHow)],
                [t.scope, word(data.withdrawal.scope)],
              ],
            ]
          : [],
      ),
    ],
  };
}
