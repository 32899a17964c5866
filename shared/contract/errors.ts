import { z } from 'zod';

/**
 * Every failure the core reports to the UI. Each code is also a message key: the renderer shows
 * `errors.<code>` in the user's language. A code never carries a stack trace, SQL or file content.
 */
export const errorCodes = [
  'input.invalid',
  'channel.unknown',
  'internal',
  'study.fileMissing',
  'study.fileExists',
  'study.folderMissing',
  'study.notWritable',
  'study.wrongPassphrase',
  'study.notAStudy',
  'study.plaintextDatabase',
  'study.damaged',
  'study.tooNew',
  'study.notOpen',
  'study.alreadyOpen',
  'passphrase.tooWeak',
  'passphrase.wrongCurrent',
  'passphrase.sameAsCurrent',
  'backup.failed',
  'backup.folderMissing',
  'backup.targetIsStudy',
  'recording.missing',
  'recording.alreadyDeleted',
  'recording.audioUnsupported',
  'recording.audioTooLarge',
  'recording.transcribedBeforeMade',
  'request.missing',
  'request.alreadyAnswered',
  'request.extensionTooLong',
  'request.answeredBeforeReceived',
  'consent.missing',
  'consent.noRecordingOption',
  'consent.documentFrozen',
  'consent.documentMissing',
  'consent.participantMissing',
  'consent.recordMissing',
  'consent.scanUnsupported',
  'consent.scanTooLarge',
  'consent.scanMissing',
  'consent.exportFailed',
  'participant.notFound',
  'participant.pseudonymTaken',
  'participant.withdrawn',
  'attribute.notFound',
  'attribute.nameTaken',
  'attribute.choicesMissing',
  'attribute.choiceInUse',
  'attribute.invalidValue',
  'identity.deleted',
  'withdrawal.participantMissing',
  'withdrawal.pseudonymMismatch',
  'withdrawal.alreadyWithdrawn',
  'withdrawal.exportFolderMissing',
  'withdrawal.exportFailed',
  'participantTable.exportFailed',
  'audit.exportFailed',
  'guide.versionMissing',
  'guide.versionOutdated',
  'guide.exportFailed',
  'interview.missing',
  'interview.beforeConsent',
  'interview.recordingNotTheirs',
  'interview.recordingTaken',
  'interview.noGuide',
  'interview.questionUnknown',
  'interview.hasTranscript',
  'calendar.programmeMissing',
  'calendar.programmeInUse',
  'calendar.programmeInvalid',
  'calendar.groupMissing',
  'calendar.sessionMissing',
  'calendar.memberMissing',
  'calendar.talkMissing',
  'calendar.talkUnknown',
  'calendar.groupFull',
  'calendar.memberLabelTaken',
  'calendar.memberLabelIdentifying',
  'calendar.participantAlreadyMember',
  'calendar.weekdaysMismatch',
  'calendar.noSessions',
  'calendar.themesMismatch',
  'calendar.timeInvalid',
  'calendar.memberNotInGroup',
  'calendar.evaluationFormMissing',
  'calendar.answersInvalid',
  'calendar.exportFolderMissing',
  'calendar.exportFailed',
  'transcript.missing',
  'transcript.interviewMissing',
  'transcript.staleRevision',
  'transcript.linesInvalid',
  'transcript.importUnsupported',
  'transcript.importMalformed',
  'transcript.importEmpty',
  'transcript.importTooLarge',
  'transcript.notAnonymised',
  'transcript.exportFailed',
  'anonymisation.transcriptMissing',
  'anonymisation.hitMissing',
  'anonymisation.openHits',
  'anonymisation.stale',
  'anonymisation.keyInUse',
  'anonymisation.rawTranscripts',
  'analysisExports.exportFailed',
  'comparison.notFound',
  'comparison.notAnonymised',
  'code.missing',
  'code.nameTaken',
  'code.wrongLevel',
  'coding.missing',
  'coding.passageInvalid',
  'coding.transcriptNotAnonymised',
  'coding.undoUnavailable',
  'category.missing',
  'category.cycle',
  'category.quoteMissing',
  'category.nameTaken',
  'memo.missing',
  'memo.stale',
  'memo.targetMissing',
  'memo.passageRaw',
  'memo.passageInvalid',
  'memo.exportFailed',
  'quote.missing',
  'quote.stale',
  'quote.categoryMissing',
  'quote.passageRaw',
  'quote.passageInvalid',
  'quote.exportFailed',
  'exchange.notAProject',
  'exchange.unsafePath',
  'exchange.tooLarge',
  'exchange.malformedXml',
  'exchange.doctype',
  'exchange.noCodes',
  'exchange.exportFailed',
  'exchange.importFailed',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const errorPayloadSchema = z.object({
  code: z.enum(errorCodes),
  /** For `input.invalid`: the paths of the fields that were refused, so a form can mark them. */
  fields: z.array(z.string()).optional(),
});
export type ErrorPayload = z.infer<typeof errorPayloadSchema>;

/** What crosses the bridge for every call: a value, or a typed error. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Thrown on either side; on the renderer side by `invoke` when the core answers with an error. */
export class GroundworkError extends Error {
  readonly code: ErrorCode;
  readonly fields: string[] | undefined;
  constructor(code: ErrorCode, fields?: string[]) {
    super(code);
    this.name = 'GroundworkError';
    this.code = code;
    this.fields = fields;
  }
  toPayload(): ErrorPayload {
    return this.fields ? { code: this.code, fields: this.fields } : { code: this.code };
  }
}

export function isGroundworkError(value: unknown): value is GroundworkError {
  return value instanceof GroundworkError;
}
