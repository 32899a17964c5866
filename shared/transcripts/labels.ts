import type { Speaker } from './lines.js';

export type LabelLanguage = 'en' | 'nb';

const defaults: Record<LabelLanguage, { interviewer: string; other: string }> = {
  en: { interviewer: 'Interviewer', other: 'Other' },
  nb: { interviewer: 'Intervjuer', other: 'Annen' },
};

/**
 * The speakers' names as the margin and the exports show them: the transcript's own names where
 * the researcher gave them, otherwise "Interviewer" and the participant's pseudonym, never a name
 * from an imported file.
 */
export function speakerLabels(
  transcript: { interviewerLabel: string; participantLabel: string; pseudonym: string },
  language: LabelLanguage,
): Record<Speaker, string> {
  return {
    interviewer: transcript.interviewerLabel.trim() || defaults[language].interviewer,
    participant: transcript.participantLabel.trim() || transcript.pseudonym,
    other: defaults[language].other,
  };
}
