import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemoSummary, MemoTargetInput } from '../../../../shared/memos/contract.js';
import { invoke } from '../../bridge/index.js';
import { Button } from '../../ui/index.js';
import { NewMemoDialog } from '../memos/newMemo.js';
import { useCodebookFormat } from './format.js';

interface MemosAboutProps {
  target: MemoTargetInput & ({ kind: 'code' } | { kind: 'category' });
  /** What the memo is about, in words ("On the focused code “Finding a rhythm”"). */
  aboutLabel: string;
  heading: string;
  hint?: string;
  none: string;
  /** Changes when the memos may have changed (the code's memo count), so the list is read again. */
  version: unknown;
  onOpen: (id: number) => void;
  onCreated: () => void;
}

/**
 * The memos about a code or a category: listed newest first, each opened beside the codebook
 * (the memos section's own view), and a new one written in a dialog.
 */
export function MemosAbout({ target, aboutLabel, heading, hint, none, version, onOpen, onCreated }: MemosAboutProps) {
  const { t } = useTranslation();
  const format = useCodebookFormat();
  const headingId = useId();
  const [memos, setMemos] = useState<MemoSummary[] | null>(null);
  const [writing, setWriting] = useState(false);
  const filterKey = target.kind === 'code' ? `code:${target.codeId}` : `category:${target.categoryId}`;

  useEffect(() => {
    let live = true;
    const filter =
      target.kind === 'code'
        ? ({ order: 'newest', kind: 'code', codeId: target.codeId, search: '' } as const)
        : ({ order: 'newest', kind: 'category', categoryId: target.categoryId, search: '' } as const);
    invoke('memos.list', filter).then(
      (answer) => live && setMemos(answer.memos),
      () => live && setMemos([]),
    );
    return () => {
      live = false;
    };
    // The target is named by filterKey; version says when to read again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filterKey, version]);

  return (
    <div className="form-section">
      <h4 id={headingId} className="codebook-detail__subheading">
        {heading}
      </h4>
      {hint ? <p className="muted small">{hint}</p> : null}
      {memos === null ? null : memos.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul className="codebook-memos" aria-labelledby={headingId}>
          {memos.map((memo) => (
            <li key={memo.id}>
              <Button variant="quiet" className="codebook-memos__open" onClick={() => onOpen(memo.id)}>
                {memo.title || t('codebook.memo.untitled')}
              </Button>
              <span className="muted small"> {format.date(memo.createdAt)}</span>
              {memo.excerpt ? <span className="codebook-memos__excerpt muted small">{memo.excerpt}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <Button variant="secondary" onClick={() => setWriting(true)}>
        {t('codebook.memo.write')}
      </Button>
      <NewMemoDialog
        open={writing}
        target={target}
        aboutLabel={aboutLabel}
        onCancel={() => setWriting(false)}
        onCreated={(memo) => {
          setWriting(false);
          onCreated();
          onOpen(memo.id);
        }}
      />
    </div>
  );
}
