import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { ParticipantsPage } from '../participants/ParticipantsPage.js';
import { SecurityPage } from '../security/SecurityPage.js';
import { ParticipantTablePage } from '../participantTable/ParticipantTablePage.js';
import { AuditTrailPage } from '../audit/AuditTrailPage.js';
import { StudyPageForm } from '../studyPage/StudyPageForm.js';
import { OverviewPage } from '../overview/OverviewPage.js';
import { RecordingsPage } from '../recordings/RecordingsPage.js';
import { RequestsPage } from '../requests/RequestsPage.js';
import { ConsentPage } from '../consent/ConsentPage.js';
import { GuidePage } from '../guide/GuidePage.js';
import { InterviewsPage } from '../interviews/InterviewsPage.js';
import { TranscriptsPage } from '../transcripts/TranscriptsPage.js';
import { CalendarSection } from '../calendar/CalendarSection.js';
import { ComparePage } from '../comparison/ComparePage.js';
import { MemosPage } from '../memos/MemosPage.js';
import { QuotesPage } from '../quotes/QuotesPage.js';
import { AnalysisExportsPage } from '../analysisExports/AnalysisExportsPage.js';
import { CodebookPage } from '../codebook/CodebookPage.js';
import { CodingSection } from '../coding/CodingSection.js';
import { ExchangePage } from '../exchange/ExchangePage.js';

/** What every section of an open study is given. */
export interface SectionProps {
  study: StudySummary;
  /** Tell the study screen whether this section holds unsaved changes (it asks before leaving). */
  onDirtyChange: (dirty: boolean) => void;
  /** The study page changed the title. */
  onStudyChanged: (study: StudySummary) => void;
  /** Go to another section, e.g. from the overview to a participant. */
  navigate: (section: string) => void;
  /** Counts up when the native menu asks for a backup copy. */
  backupRequest: number;
  /** Open a place in a transcript in the coding workspace (from a passage, memo, quote or search result). */
  openPassage: (place: PassagePlace) => void;
  /** The place the coding workspace was asked to open, if any (a new object each time it is asked). */
  passagePlace: PassagePlace | null;
}

/** A place in a transcript: its line (and the passage's end line, to select the whole passage). */
export interface PassagePlace {
  transcriptId: number;
  lineId: string;
  endLineId?: string;
}

export interface StudySection {
  id: string;
  label: (t: TFunction) => string;
  /** The section needs the window's width more than a form does (a calendar, a workspace, side-by-side lists). */
  wide?: boolean;
  render: (props: SectionProps) => ReactNode;
}

/**
 * The sections of an open study, in the order of the researcher's work. A feature adds its section
 * here; the first is where the study opens.
 */
export const studySections: readonly StudySection[] = [
  {
    id: 'overview',
    label: (t) => t('overview.nav'),
    render: ({ navigate }) => <OverviewPage navigate={navigate} />,
  },
  {
    id: 'participants',
    label: (t) => t('participants.nav'),
    render: ({ onDirtyChange }) => <ParticipantsPage onDirtyChange={onDirtyChange} />,
  },
  { id: 'consent', label: (t) => t('consent.nav'), render: ({ study, onDirtyChange }) => <ConsentPage study={study} onDirtyChange={onDirtyChange} /> },
  {
    id: 'recordings',
    label: (t) => t('recordings.nav'),
    render: ({ navigate }) => <RecordingsPage navigate={navigate} />,
  },
  {
    id: 'guide',
    label: (t) => t('guide.nav'),
    render: ({ study, onDirtyChange }) => <GuidePage study={study} onDirtyChange={onDirtyChange} />,
  },
  {
    id: 'interviews',
    label: (t) => t('interviews.nav'),
    render: ({ navigate, onDirtyChange }) => <InterviewsPage navigate={navigate} onDirtyChange={onDirtyChange} />,
  },
  {
    id: 'transcripts',
    label: (t) => t('transcripts.nav'),
    render: ({ study, navigate }) => <TranscriptsPage study={study} navigate={navigate} />,
  },
  {
    id: 'coding',
    wide: true,
    label: (t) => t('coding.nav'),
    render: ({ navigate, passagePlace }) => <CodingSection navigate={navigate} passagePlace={passagePlace} />,
  },
  {
    id: 'codes',
    wide: true,
    label: (t) => t('codebook.nav'),
    render: ({ openPassage, onDirtyChange }) => <CodebookPage openPassage={openPassage} onDirtyChange={onDirtyChange} />,
  },
  {
    id: 'compare',
    wide: true,
    label: (t) => t('comparison.nav'),
    render: ({ openPassage }) => <ComparePage openPassage={openPassage} />,
  },
  {
    id: 'analysisExports',
    wide: true,
    label: (t) => t('analysisExports.nav'),
    render: ({ study }) => <AnalysisExportsPage study={study} />,
  },
  {
    id: 'memos',
    label: (t) => t('memos.nav'),
    render: ({ study, openPassage }) => <MemosPage study={study} openPassage={openPassage} />,
  },
  {
    id: 'quotes',
    label: (t) => t('quotes.nav'),
    render: ({ study, openPassage, navigate }) => <QuotesPage study={study} openPassage={openPassage} navigate={navigate} />,
  },
  {
    id: 'exchange',
    label: (t) => t('exchange.nav'),
    render: ({ study }) => <ExchangePage study={study} />,
  },
  {
    id: 'requests',
    label: (t) => t('requests.nav'),
    render: () => <RequestsPage />,
  },
  {
    id: 'participantTable',
    label: (t) => t('participantTable.nav'),
    render: ({ study, onDirtyChange }) => <ParticipantTablePage study={study} onDirtyChange={onDirtyChange} />,
  },
  {
    id: 'audit',
    label: (t) => t('audit.nav'),
    render: ({ study }) => <AuditTrailPage study={study} />,
  },
  {
    id: 'calendar',
    wide: true,
    label: (t) => t('calendar.nav'),
    render: ({ onDirtyChange }) => <CalendarSection onDirtyChange={onDirtyChange} />,
  },
  {
    id: 'page',
    label: (t) => t('study.nav.page'),
    render: ({ onDirtyChange, onStudyChanged, study }) => (
      <StudyPageForm onDirtyChange={onDirtyChange} onSaved={(title) => onStudyChanged({ ...study, title })} />
    ),
  },
  {
    id: 'security',
    label: (t) => t('study.nav.security'),
    render: ({ study, backupRequest }) => <SecurityPage study={study} backupRequest={backupRequest} />,
  },
];
