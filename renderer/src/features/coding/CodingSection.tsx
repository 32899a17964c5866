import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptSummary } from '../../../../shared/transcripts/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, useErrorText } from '../../ui/index.js';
import { useFormat } from '../../i18n/index.js';
import { useHeldAt } from '../interviews/heldAt.js';
import type { PassagePlace } from '../study/sections.js';
import { CodingWorkspace } from './CodingWorkspace.js';
import './coding.css';

interface CodingSectionProps {
  navigate: (section: string) => void;
  /** A place asked for from elsewhere (a memo, quote or search result): opened and selected. */
  passagePlace: PassagePlace | null;
}

/** The transcript open in the workspace, kept while the study is open, so coming back finds it. */
let lastOpen: number | null = null;
/** The last place asked for that was shown (the study keeps it; coming back later is not asking again). */
let lastPlace: PassagePlace | null = null;

/**
 * The coding section: which transcript to code (only anonymised ones can be), then the workspace
 * for it. A place asked for from elsewhere opens its transcript at that line.
 */
export function CodingSection({ navigate, passagePlace }: CodingSectionProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [transcripts, setTranscripts] = useState<TranscriptSummary[] | null>(null);
  const asked = passagePlace !== lastPlace ? passagePlace : null;
  const [openId, setOpenId] = useState<number | null>(asked?.transcriptId ?? lastOpen);
  const [place, setPlace] = useState<PassagePlace | null>(asked);
  const [error, setError] = useState<unknown>(null);
  const handled = useRef<PassagePlace | null>(passagePlace);

  useEffect(() => {
    invoke('transcripts.list', {}).then((list) => setTranscripts(list.transcripts), setError);
  }, []);

  // A new place asked for while the section is open.
  useEffect(() => {
    if (!passagePlace || passagePlace === handled.current) return;
    handled.current = passagePlace;
    lastPlace = passagePlace;
    setOpenId(passagePlace.transcriptId);
    setPlace(passagePlace);
  }, [passagePlace]);

  useEffect(() => {
    lastOpen = openId;
    lastPlace = handled.current;
  }, [openId]);

  if (openId !== null) {
    return (
      <CodingWorkspace
        key={openId}
        transcriptId={openId}
        place={place}
        navigate={navigate}
        onBack={() => {
          setOpenId(null);
          setPlace(null);
        }}
      />
    );
  }

  return (
    <div className="stack">
      <h2 className="page-heading">{t('coding.heading')}</h2>
      <p className="lead">{t('coding.intro')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {!transcripts ? (
        error ? null : (
          <p role="status">{t('app.loading')}</p>
        )
      ) : transcripts.length === 0 ? (
        <Alert tone="info">
          {t('coding.noTranscripts')}{' '}
          <Button variant="secondary" onClick={() => navigate('transcripts')}>
            {t('coding.goToTranscripts')}
          </Button>
        </Alert>
      ) : (
        <TranscriptPicker transcripts={transcripts} onOpen={setOpenId} onTranscripts={() => navigate('transcripts')} />
      )}
    </div>
  );
}

function TranscriptPicker({ transcripts, onOpen, onTranscripts }: { transcripts: TranscriptSummary[]; onOpen: (id: number) => void; onTranscripts: () => void }) {
  const { t } = useTranslation();
  const heldAt = useHeldAt();
  const number = new Intl.NumberFormat(useFormat().locale);
  const sorted = [...transcripts].sort((a, b) => a.heldAt.localeCompare(b.heldAt) || a.id - b.id);
  return (
    <div className="table-wrap">
      <table className="table coding-picker">
        <caption>{t('coding.pickerCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coding.columnParticipant')}</th>
            <th scope="col">{t('coding.columnInterview')}</th>
            <th scope="col">{t('coding.columnTitle')}</th>
            <th scope="col" className="table__number">
              {t('coding.columnLines')}
            </th>
            <th scope="col">{t('coding.columnState')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((transcript) => {
            const raw = transcript.state !== 'anonymised';
            return (
              <tr key={transcript.id} className={raw ? 'coding-picker__raw' : undefined}>
                <th scope="row">{transcript.pseudonym}</th>
                <td className="nowrap">{heldAt(transcript.heldAt)}</td>
                <td>{transcript.title}</td>
                <td className="table__number">{number.format(transcript.lines)}</td>
                <td>
                  {raw ? (
                    <span className="coding-picker__reason">
                      <Button variant="secondary" disabled aria-describedby={`raw-${transcript.id}`}>
                        {t('coding.code')}
                      </Button>{' '}
                      <span id={`raw-${transcript.id}`} className="muted small" title={t('coding.anonymiseFirstHelp')}>
                        {t('coding.anonymiseFirst')}
                      </span>
                    </span>
                  ) : (
                    <Button variant="secondary" aria-label={t('coding.codeFor', { pseudonym: transcript.pseudonym, date: heldAt(transcript.heldAt) })} onClick={() => onOpen(transcript.id)}>
                      {t('coding.code')}
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {sorted.some((transcript) => transcript.state !== 'anonymised') ? (
        <p className="muted small">
          {t('coding.rawNote')}{' '}
          <Button variant="quiet" onClick={onTranscripts}>
            {t('coding.goToTranscripts')}
          </Button>
        </p>
      ) : null}
    </div>
  );
}
