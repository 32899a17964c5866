import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparedPassage, PassageLine } from '../../../../shared/comparison/contract.js';
import { invoke } from '../../bridge/index.js';
import { useFormat } from '../../i18n/format.js';
import { Alert, Button, useErrorText } from '../../ui/index.js';
import type { PassagePlace } from '../study/sections.js';
import { interviewDay } from './format.js';

const pageSize = 50;
const contextStep = 3;

interface Props {
  passages: readonly ComparedPassage[];
  openPassage: (place: PassagePlace) => void;
  /** Said when there are no passages. */
  empty: string;
}

/** Passages grouped by participant and interview, in line order, each with its context on demand. */
export function PassageList({ passages, openPassage, empty }: Props) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const [shown, setShown] = useState(pageSize);
  if (passages.length === 0) return <p className="muted">{empty}</p>;
  const participants = new Set(passages.map((passage) => passage.participantId)).size;
  const visible = passages.slice(0, shown);
  return (
    <div className="compare-passages">
      <p className="compare-summary">
        {t('comparison.passages.summary', { count: passages.length })} {t('comparison.passages.fromParticipants', { count: participants })}
      </p>
      {visible.map((passage, index) => {
        const previous = visible[index - 1];
        const newGroup = !previous || previous.transcriptId !== passage.transcriptId;
        return (
          <div key={`${passage.codingId}`}>
            {newGroup ? (
              <h4 className="compare-group">
                {passage.pseudonym} <span className="muted">· {t('comparison.passages.interview', { date: interviewDay(passage.heldAt, locale) })}</span>
              </h4>
            ) : null}
            <PassageCard passage={passage} openPassage={openPassage} />
          </div>
        );
      })}
      {passages.length > shown ? (
        <Button onClick={() => setShown(shown + pageSize)}>{t('comparison.passages.showMore', { count: Math.min(pageSize, passages.length - shown) })}</Button>
      ) : null}
    </div>
  );
}

function PassageCard({ passage, openPassage }: { passage: ComparedPassage; openPassage: (place: PassagePlace) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [context, setContext] = useState<{ lines: number; before: PassageLine[]; after: PassageLine[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const lines = passage.fromLine === passage.toLine ? t('comparison.passages.line', { from: passage.fromLine }) : t('comparison.passages.lines', { from: passage.fromLine, to: passage.toLine });

  async function more() {
    const wanted = (context?.lines ?? 0) + contextStep;
    try {
      const found = await invoke('comparison.context', {
        transcriptId: passage.transcriptId,
        startLineId: passage.startLineId,
        endLineId: passage.endLineId,
        before: wanted,
        after: wanted,
      });
      setContext({ lines: wanted, ...found });
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <article className="compare-passage" style={{ borderLeftColor: passage.codeColour }} aria-label={`${passage.pseudonym}, ${lines}`}>
      <header className="compare-passage__head">
        <span className="compare-passage__lines">{lines}</span>
        <span className="compare-code">
          <span className="compare-code__swatch" style={{ background: passage.codeColour }} aria-hidden="true" />
          {passage.codeName}
        </span>
        {passage.subsumedBy ? (
          <span className="muted small" title={t('comparison.passages.subsumedHint', { name: passage.subsumedBy.name })}>
            {t('comparison.passages.subsumed', { name: passage.subsumedBy.name })}
          </span>
        ) : null}
      </header>
      {passage.anonymised ? (
        <div className="compare-lines">
          {context && context.before.length > 0 ? <Lines lines={context.before} muted label={t('comparison.passages.contextBefore')} /> : null}
          <Lines lines={passage.lines} />
          {context && context.after.length > 0 ? <Lines lines={context.after} muted label={t('comparison.passages.contextAfter')} /> : null}
        </div>
      ) : (
        <p className="muted small">{t('comparison.passages.raw')}</p>
      )}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="compare-passage__actions">
        {passage.anonymised ? (
          <>
            <Button variant="quiet" onClick={() => void more()}>
              {t('comparison.passages.moreContext')}
            </Button>
            {context ? (
              <Button variant="quiet" onClick={() => setContext(null)}>
                {t('comparison.passages.lessContext')}
              </Button>
            ) : null}
          </>
        ) : null}
        {passage.anonymised ? (
          <Button
            variant="quiet"
            aria-label={t('comparison.passages.openLabel', { from: passage.fromLine, to: passage.toLine, pseudonym: passage.pseudonym })}
            onClick={() => openPassage({ transcriptId: passage.transcriptId, lineId: passage.startLineId, endLineId: passage.endLineId })}
          >
            {t('comparison.passages.open')}
          </Button>
        ) : null}
      </div>
    </article>
  );
}

function Lines({ lines, muted = false, label }: { lines: readonly PassageLine[]; muted?: boolean; label?: string }) {
  const { t } = useTranslation();
  return (
    <ol className={muted ? 'compare-lines__list compare-lines__list--context' : 'compare-lines__list'} aria-label={label}>
      {lines.map((line) => (
        <li key={line.lineId} className="compare-line" value={line.position}>
          <span className="compare-line__number" aria-hidden="true">
            {line.position}
          </span>
          <span className="compare-line__speaker" title={t(`comparison.passages.speakers.${line.speaker}`)}>
            {line.speaker === 'participant' ? '' : t(`comparison.passages.speakers.${line.speaker}`).charAt(0)}
          </span>
          <span className="compare-line__text">{line.text}</span>
        </li>
      ))}
    </ol>
  );
}
