import { useTranslation } from 'react-i18next';
import type { PassageView } from '../../../../shared/memos/passage.js';
import { speakerLabels } from '../../../../shared/transcripts/labels.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Button } from '../../ui/index.js';
import type { PassagePlace } from '../study/sections.js';

/** "Deltaker 3, lines 120–124": a passage as a thesis cites it, in the user's language. */
export function usePassageReference(): (view: Pick<PassageView, 'pseudonym' | 'found' | 'startNumber' | 'endNumber'>) => string {
  const { t } = useTranslation();
  return (view) =>
    view.found
      ? t('memos.lines', { count: view.startNumber === view.endNumber ? 1 : 2, pseudonym: view.pseudonym, from: view.startNumber, to: view.endNumber })
      : t('memos.passageGone', { pseudonym: view.pseudonym });
}

/** Where "Open in transcript" goes: the passage's first line, selecting to its last. */
export function placeOf(view: Pick<PassageView, 'transcriptId' | 'startLineId' | 'endLineId'>): PassagePlace {
  return { transcriptId: view.transcriptId, lineId: view.startLineId, endLineId: view.endLineId };
}

interface PassageExcerptProps {
  view: PassageView;
  /** Opens the passage in the coding workspace; no button without it. */
  onOpen?: ((place: PassagePlace) => void) | undefined;
  /** The heading above it (for a memo: "The passage"); none by default. */
  heading?: string;
}

/**
 * A passage as the transcript has it now: pseudonym and line numbers, then its lines, each with
 * its number and speaker, and "Open in transcript". Used by memos and quotes.
 */
export function PassageExcerpt({ view, onOpen, heading }: PassageExcerptProps) {
  const { t } = useTranslation();
  const reference = usePassageReference();
  const labels = speakerLabels(view, currentLanguage());
  return (
    <figure className="passage-excerpt">
      <figcaption className="passage-excerpt__caption">
        {heading ? <span className="passage-excerpt__heading">{heading}: </span> : null}
        <span>{reference(view)}</span>
      </figcaption>
      {view.lines.length > 0 ? (
        <ol className="passage-excerpt__lines">
          {view.lines.map((line) => (
            <li key={line.lineId} className="passage-excerpt__line">
              <span className="passage-excerpt__number">
                {line.number}
              </span>
              <span className="passage-excerpt__speaker">{labels[line.speaker]}:</span> <span className="passage-excerpt__text">{line.text}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {view.state !== 'anonymised' ? <p className="muted small">{t('memos.passageRaw')}</p> : null}
      {onOpen && view.found ? (
        <div className="actions">
          <Button variant="secondary" onClick={() => onOpen(placeOf(view))}>
            {t('memos.openInTranscript')}
          </Button>
        </div>
      ) : null}
    </figure>
  );
}
