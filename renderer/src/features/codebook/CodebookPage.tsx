import { useCallback, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { codeLevels, type CodeLevel } from '../../../../shared/coding/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, TextField, UnsavedChangesDialog, errorCodeOf, useErrorText } from '../../ui/index.js';
import { CategoryPanel } from './CategoryPanel.js';
import { CategoryTree } from './CategoryTree.js';
import { CodeDetail } from './CodeDetail.js';
import { CodeList } from './CodeList.js';
import { MergeDialog, RaiseDialog, SplitDialog } from './Dialogs.js';
import { SelectionToolbar } from './SelectionToolbar.js';
import { UnplacedCodes } from './UnplacedCodes.js';
import { MemoView } from '../memos/MemoView.js';
import type { PassagePlace } from '../study/sections.js';
import { categoryOptions, palette } from './model.js';
import { useCodebook, type Done } from './useCodebook.js';
import { useUndoState } from '../coding/codingEvents.js';
import { undoCoding } from '../coding/useCodingUndo.js';
import { useUndoText } from '../coding/UndoButtons.js';
import './codebook.css';

interface CodebookPageProps {
  onDirtyChange: (dirty: boolean) => void;
  /** Open a memo's passage in the coding workspace. */
  openPassage: (place: PassagePlace) => void;
}

type Tab = 'codes' | 'categories';
type Dialog = { kind: 'merge'; ids: number[] } | { kind: 'split'; id: number } | { kind: 'raise'; ids: number[] } | null;

/**
 * The codebook: every code with its counts, filtered and sorted; one code at a time (rename,
 * colour, definition, history, linked codes, memos); merging, splitting, raising initial codes into
 * focused codes, deleting with undo; and the category tree the focused codes are placed in.
 */
export function CodebookPage({ onDirtyChange, openPassage }: CodebookPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const tabsId = useId();
  const undoText = useUndoText();
  const undoState = useUndoState();
  const [done, setDone] = useState<Done | null>(null);
  // An undo or redo from anywhere (these buttons, the notice, Ctrl+Z) says what it did.
  const { book, error, setError, act, reload, byId, categoryById } = useCodebook((change) => {
    if (change.undone?.label) setDone({ message: t(change.undone.kind === 'undo' ? 'codebook.undone' : 'codebook.redone', { what: undoText(change.undone.label) }), undoable: false });
    else setDone(null);
  });
  const [tab, setTab] = useState<Tab>('codes');
  const [openId, setOpenId] = useState<number | null>(null);
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [announcement, setAnnouncement] = useState('');
  /** A memo open beside the list, in place of the code or category it is about. */
  const [memoOpen, setMemoOpen] = useState<number | null>(null);
  const [memoVersion, setMemoVersion] = useState(0);
  const memoChanged = () => {
    setMemoVersion((version) => version + 1);
    reload().catch(setError);
  };
  const memoView =
    memoOpen === null ? null : (
      <section className="card codebook-memo">
        <MemoView
          key={memoOpen}
          id={memoOpen}
          openPassage={openPassage}
          onBack={() => {
            setMemoOpen(null);
            memoChanged();
          }}
          onDeleted={() => {
            setMemoOpen(null);
            memoChanged();
          }}
        />
      </section>
    );
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const detailRef = useRef<HTMLDivElement>(null);

  const reportDirty = useCallback(
    (value: boolean) => {
      setDirty(value);
      onDirtyChange(value);
    },
    [onDirtyChange],
  );

  /** Runs `action` now, or after the researcher agrees to drop the open form's unsaved changes. */
  function guarded(action: () => void) {
    if (dirty) setPending(() => action);
    else action();
  }

  const codes = useMemo(() => book?.codes ?? [], [book]);
  const categories = useMemo(() => book?.categories ?? [], [book]);
  const selectedCodes = useMemo(() => codes.filter((code) => selected.has(code.id)), [codes, selected]);
  const focusedCodes = useMemo(() => codes.filter((code) => code.level === 'focused'), [codes]);
  const options = useMemo(() => categoryOptions(categories), [categories]);
  const open = openId === null ? undefined : byId.get(openId);
  const openCategory = categoryId === null ? undefined : categoryById.get(categoryId);

  function openCode(id: number) {
    guarded(() => {
      setOpenId(id);
      setTab('codes');
      // The detail is below the list: bring it into view and give it the focus.
      requestAnimationFrame(() => {
        const heading = detailRef.current?.querySelector<HTMLElement>('h3');
        heading?.focus({ preventScroll: true });
        detailRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      });
    });
  }

  /** After an action: tell what was done, with Undo. */
  function tell(message: string, undoable = true) {
    setDone({ message, undoable });
  }

  function undoOrRedo(which: 'undo' | 'redo') {
    setDone(null);
    undoCoding(which).catch(setError);
  }

  async function deleteCodes(ids: number[]) {
    setDone(null);
    const names = ids.map((id) => byId.get(id)?.name ?? '');
    try {
      await act(() => invoke('coding.deleteCodes', { ids }));
      if (openId !== null && ids.includes(openId)) {
        reportDirty(false);
        setOpenId(null);
      }
      setSelected(new Set());
      tell(ids.length === 1 ? t('codebook.deletedOne', { name: names[0] ?? '' }) : t('codebook.deletedMany', { count: ids.length }));
    } catch (caught) {
      setError(caught);
    }
  }

  async function placeCodes(ids: number[], target: number | null, position?: number) {
    setDone(null);
    const input = position === undefined ? { codeIds: ids, categoryId: target } : { codeIds: ids, categoryId: target, position };
    await act(() => invoke('coding.placeCodes', input));
  }

  async function deleteCategory(id: number) {
    const category = categoryById.get(id);
    if (!category) return;
    setDone(null);
    try {
      await act(() => invoke('coding.deleteCategory', { id }));
      if (categoryId === id) {
        reportDirty(false);
        setCategoryId(null);
      }
      tell(t('codebook.category.deleted', { name: category.name }));
    } catch (caught) {
      setError(caught);
    }
  }

  if (!book) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;

  const tabs: { id: Tab; label: string }[] = [
    { id: 'codes', label: t('codebook.tabs.codes', { count: codes.length }) },
    { id: 'categories', label: t('codebook.tabs.categories', { count: categories.length }) },
  ];

  function onTabKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next: Tab = tab === 'codes' ? 'categories' : 'codes';
    guarded(() => setTab(next));
    requestAnimationFrame(() => document.getElementById(`${tabsId}-${next}`)?.focus());
  }

  return (
    <div className="stack codebook">
      <div className="codebook-head">
        <h2 className="page-heading">{t('codebook.heading')}</h2>
        <div className="codebook-undo" role="group" aria-label={t('codebook.undoGroup')}>
          <Button variant="secondary" disabled={!undoState.undo} aria-keyshortcuts="Control+Z Meta+Z" onClick={() => undoOrRedo('undo')}>
            {undoState.undo ? t('codebook.undoLabel', { what: undoText(undoState.undo.label) }) : t('codebook.nothingToUndo')}
          </Button>
          <Button variant="secondary" disabled={!undoState.redo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z" onClick={() => undoOrRedo('redo')}>
            {undoState.redo ? t('codebook.redoLabel', { what: undoText(undoState.redo.label) }) : t('codebook.nothingToRedo')}
          </Button>
        </div>
      </div>
      <p className="lead">{t('codebook.intro')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="codebook-notice-area" role="status">
        {done ? (
          <div className="codebook-notice">
            <span>{done.message}</span>
            {done.undoable && undoState.undo ? (
              <Button variant="quiet" onClick={() => undoOrRedo('undo')}>
                {t('codebook.undo')}
              </Button>
            ) : null}
            <Button variant="quiet" aria-label={t('codebook.dismiss')} onClick={() => setDone(null)}>
              ×
            </Button>
          </div>
        ) : null}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>

      <div role="tablist" aria-label={t('codebook.tabs.label')} className="codebook-tabs" onKeyDown={onTabKey}>
        {tabs.map((item) => (
          <button
            key={item.id}
            id={`${tabsId}-${item.id}`}
            type="button"
            role="tab"
            aria-selected={tab === item.id}
            aria-controls={`${tabsId}-${item.id}-panel`}
            tabIndex={tab === item.id ? 0 : -1}
            className="codebook-tabs__tab"
            onClick={() => tab !== item.id && guarded(() => setTab(item.id))}
          >
            {item.label}
          </button>
        ))}
      </div>

      {tab === 'codes' ? (
        <div role="tabpanel" id={`${tabsId}-codes-panel`} aria-labelledby={`${tabsId}-codes`} className="stack">
          <NewCode
            onCreate={async (name, level) => {
              setDone(null);
              const answer = await act(() => invoke('coding.createCode', { name, level, colour: palette[codes.length % palette.length]! }));
              tell(t('codebook.created', { name: answer.code.name, level: t(`codebook.levelLower.${level}`) }));
            }}
          />
          <div className="codebook-split">
            <section className="card codebook-codes" aria-label={t('codebook.list.caption')}>
              <CodeList
                codes={codes}
                categories={categories}
                categoryById={categoryById}
                openId={openId}
                onOpen={openCode}
                selected={selected}
                onSelectedChange={setSelected}
                toolbar={
                  <SelectionToolbar
                    chosen={selectedCodes}
                    options={options}
                    onMerge={() => setDialog({ kind: 'merge', ids: selectedCodes.map((code) => code.id) })}
                    onRaise={(ids) => setDialog({ kind: 'raise', ids })}
                    onPlace={(ids, target) =>
                      placeCodes(ids, target).then(
                        () =>
                          tell(
                            target === null
                              ? t('codebook.selection.takenOut', { count: ids.length })
                              : t('codebook.selection.placed', { count: ids.length, category: categoryById.get(target)?.name ?? '' }),
                          ),
                        setError,
                      )
                    }
                    onDelete={() => void deleteCodes(selectedCodes.map((code) => code.id))}
                    onClear={() => setSelected(new Set())}
                  />
                }
              />
            </section>
            <div ref={detailRef} className="codebook-split__side">
              {memoView ?? (open ? (
                <CodeDetail
                  key={open.id}
                  code={open}
                  byId={byId}
                  categories={categories}
                  onOpen={openCode}
                  onClose={() => guarded(() => setOpenId(null))}
                  onDirtyChange={reportDirty}
                  onUpdate={async (input) => {
                    setDone(null);
                    await act(() => invoke('coding.updateCode', input));
                  }}
                  onPlace={(target) =>
                    placeCodes([open.id], target).then(() =>
                      tell(target === null ? t('codebook.selection.takenOut', { count: 1 }) : t('codebook.selection.placed', { count: 1, category: categoryById.get(target)?.name ?? '' })),
                    )
                  }
                  onUnlink={async (focusedCodeId, initialCodeId) => {
                    setDone(null);
                    await act(() => invoke('coding.unraise', { focusedCodeId, initialCodeIds: [initialCodeId] }));
                    tell(t('codebook.unlinked', { initial: byId.get(initialCodeId)?.name ?? '', focused: byId.get(focusedCodeId)?.name ?? '' }));
                  }}
                  onMerge={() => setDialog({ kind: 'merge', ids: [open.id] })}
                  onSplit={() => setDialog({ kind: 'split', id: open.id })}
                  onRaise={() => setDialog({ kind: 'raise', ids: [open.id] })}
                  onDelete={() => void deleteCodes([open.id])}
                  onOpenMemo={(id) => guarded(() => setMemoOpen(id))}
                  onMemoCreated={memoChanged}
                  memoVersion={memoVersion}
                />
              ) : codes.length > 0 ? (
                <p className="muted codebook-split__hint">{t('codebook.detail.choose')}</p>
              ) : null)}
            </div>
          </div>
        </div>
      ) : (
        <div role="tabpanel" id={`${tabsId}-categories-panel`} aria-labelledby={`${tabsId}-categories`} className="stack">
          <NewCategory
            onCreate={async (name) => {
              setDone(null);
              const answer = await act(() => invoke('coding.createCategory', { name, parentId: null, colour: palette[categories.length % palette.length]! }));
              setCategoryId(answer.category.id);
            }}
          />
          <div className="codebook-split">
            <div className="codebook-categories">
              <section className="card codebook-categories__tree" aria-labelledby={`${tabsId}-tree-heading`}>
                <h3 id={`${tabsId}-tree-heading`}>{t('codebook.tree.heading')}</h3>
                <CategoryTree
                  categories={categories}
                  byId={byId}
                  selectedId={categoryId}
                  onSelect={(id) => guarded(() => setCategoryId(id))}
                  onOpenCode={openCode}
                  onMove={async (move) => {
                    setDone(null);
                    try {
                      await act(() => invoke('coding.moveCategory', move));
                    } catch (caught) {
                      setError(caught);
                      throw caught;
                    }
                  }}
                  onPlace={(ids, target, position) =>
                    placeCodes(ids, target, position).catch((caught: unknown) => {
                      setError(caught);
                      throw caught;
                    })
                  }
                  onDelete={(id) => void deleteCategory(id)}
                  onAnnounce={setAnnouncement}
                />
              </section>
              <UnplacedCodes
                codes={codes}
                options={options}
                onOpen={openCode}
                onPlace={(ids, target) =>
                  placeCodes(ids, target).then(
                    () => setAnnouncement(t('codebook.tree.codePlaced', { name: byId.get(ids[0]!)?.name ?? '', count: ids.length, category: categoryById.get(target ?? 0)?.name ?? '' })),
                    setError,
                  )
                }
              />
            </div>
            <div className="codebook-split__side">
              {memoView ?? (openCategory ? (
                <CategoryPanel
                  key={openCategory.id}
                  category={openCategory}
                  categories={categories}
                  byId={byId}
                  onDirtyChange={reportDirty}
                  onClose={() => guarded(() => setCategoryId(null))}
                  onUpdate={async (input) => {
                    setDone(null);
                    await act(() => invoke('coding.updateCategory', input));
                  }}
                  onCreateSub={async (name, parentId) => {
                    setDone(null);
                    await act(() => invoke('coding.createCategory', { name, parentId, colour: categoryById.get(parentId)?.colour }));
                  }}
                  onPlace={(ids, target) => placeCodes(ids, target)}
                  onDelete={() => void deleteCategory(openCategory.id)}
                  onOpenCode={openCode}
                  onOpenMemo={(id) => guarded(() => setMemoOpen(id))}
                  onMemoCreated={memoChanged}
                  memoVersion={memoVersion}
                />
              ) : categories.length > 0 ? (
                <p className="muted codebook-split__hint">{t('codebook.category.choose')}</p>
              ) : null)}
            </div>
          </div>
        </div>
      )}

      {dialog?.kind === 'merge' ? (
        <MergeDialog
          sources={dialog.ids.map((id) => byId.get(id)).filter((code) => code !== undefined)}
          codes={codes}
          onCancel={() => setDialog(null)}
          onMerge={async (sourceIds, targetId) => {
            setDone(null);
            const answer = await act(() => invoke('coding.mergeCodes', { sourceIds, targetId }));
            setDialog(null);
            setSelected(new Set());
            if (openId !== null && sourceIds.includes(openId)) reportDirty(false);
            setOpenId(answer.code.id);
            tell(t('codebook.merged', { count: sourceIds.length, target: answer.code.name }));
          }}
        />
      ) : null}
      {dialog?.kind === 'split' && byId.get(dialog.id) ? (
        <SplitDialog
          code={byId.get(dialog.id)!}
          onCancel={() => setDialog(null)}
          onSplit={async (newName, codingIds) => {
            setDone(null);
            const answer = await act(() => invoke('coding.splitCode', { id: dialog.id, newName, codingIds }));
            setDialog(null);
            tell(t('codebook.split.done', { count: codingIds.length, kept: answer.kept.name, created: answer.created.name }));
          }}
        />
      ) : null}
      {dialog?.kind === 'raise' ? (
        <RaiseDialog
          initial={dialog.ids.map((id) => byId.get(id)).filter((code) => code !== undefined)}
          focused={focusedCodes}
          onCancel={() => setDialog(null)}
          onRaise={async (focused) => {
            setDone(null);
            const answer = await act(() => invoke('coding.raise', { initialCodeIds: dialog.ids, focused }));
            setDialog(null);
            setSelected(new Set());
            tell(t('codebook.raised', { count: dialog.ids.length, focused: answer.code.name }));
            openCode(answer.code.id);
          }}
        />
      ) : null}
      <UnsavedChangesDialog
        open={pending !== null}
        onStay={() => setPending(null)}
        onDiscard={() => {
          const action = pending;
          setPending(null);
          reportDirty(false);
          action?.();
        }}
      />
    </div>
  );
}

/** A new code typed into the codebook (most codes are made while coding, in the workspace). */
function NewCode({ onCreate }: { onCreate: (name: string, level: CodeLevel) => Promise<void> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [name, setName] = useState('');
  const [level, setLevel] = useState<CodeLevel>('initial');
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('codebook.detail.nameRequired'));
      return;
    }
    setBusy(true);
    try {
      await onCreate(trimmed, level);
      setName('');
      setNameError(null);
    } catch (caught) {
      setNameError(errorCodeOf(caught) === 'code.nameTaken' ? t('codebook.nameTaken', { name: trimmed, level: t(`codebook.levelLower.${level}`) }) : errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="codebook-inline-form codebook-new" onSubmit={submit} noValidate>
      <TextField
        label={t('codebook.new.name')}
        hint={t('codebook.new.hint')}
        value={name}
        maxLength={200}
        error={nameError}
        onValueChange={(value) => {
          setNameError(null);
          setName(value);
        }}
        after={
          <>
            <label className="visually-hidden" htmlFor={`${id}-level`}>
              {t('codebook.new.level')}
            </label>
            <select id={`${id}-level`} className="select" value={level} onChange={(event) => setLevel(event.target.value as CodeLevel)}>
              {codeLevels.map((value) => (
                <option key={value} value={value}>
                  {t(`codebook.level.${value}`)}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" disabled={busy}>
              {t('codebook.new.add')}
            </Button>
          </>
        }
      />
    </form>
  );
}

/** A new main category. */
function NewCategory({ onCreate }: { onCreate: (name: string) => Promise<void> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('codebook.category.nameRequired'));
      return;
    }
    setBusy(true);
    try {
      await onCreate(trimmed);
      setName('');
      setNameError(null);
    } catch (caught) {
      setNameError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="codebook-inline-form" onSubmit={submit} noValidate>
      <TextField
        label={t('codebook.category.newMain')}
        value={name}
        maxLength={200}
        error={nameError}
        onValueChange={(value) => {
          setNameError(null);
          setName(value);
        }}
        after={
          <Button type="submit" variant="secondary" disabled={busy}>
            {t('codebook.category.addMain')}
          </Button>
        }
      />
    </form>
  );
}
