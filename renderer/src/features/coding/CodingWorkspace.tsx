import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, CodeLevel, Coding } from '../../../../shared/coding/contract.js';
import type { Transcript } from '../../../../shared/transcripts/contract.js';
import { speakerLabels } from '../../../../shared/transcripts/labels.js';
import { invoke } from '../../bridge/index.js';
import { currentLanguage } from '../../i18n/index.js';
import { Alert, Button, useErrorText } from '../../ui/index.js';
import { useHeldAt } from '../interviews/heldAt.js';
import type { PassagePlace } from '../study/sections.js';
import { docFromLines, transcriptExtensions } from '../transcripts/editor/lineDocument.js';
import { CodeBox } from './CodeBox.js';
import { onCodingChanged, setUndoState } from './codingEvents.js';
import type { Extent } from './layout.js';
import { PassageActions } from './PassageActions.js';
import { CodingSurface, codeClass, type CodeChoice, type CodeLook } from './surface.js';
import { UndoButtons, redoKeys, undoKeys, useUndoText } from './UndoButtons.js';

interface CodingWorkspaceProps {
  transcriptId: number;
  /** A place to show when it opens (its lines chosen). */
  place: PassagePlace | null;
  onBack: () => void;
  navigate: (section: string) => void;
}

interface Loaded {
  transcript: Transcript;
  codings: Coding[];
  codes: Code[];
}

/** One transcript in the workspace: loads it with its codings and the codes, then shows the surface. */
export function CodingWorkspace({ transcriptId, place, onBack, navigate }: CodingWorkspaceProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    Promise.all([invoke('transcripts.get', { id: transcriptId }), invoke('coding.transcriptCodings', { transcriptId }), invoke('coding.codebook', {})]).then(
      ([transcript, { codings }, codebook]) => {
        setUndoState(codebook.undo);
        setLoaded({ transcript, codings, codes: codebook.codes });
      },
      setError,
    );
  }, [transcriptId]);

  if (!loaded)
    return (
      <div className="stack">
        <h2 className="page-heading">{t('coding.heading')}</h2>
        {error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>}
        <Button variant="secondary" onClick={onBack}>
          {t('coding.openTranscripts')}
        </Button>
      </div>
    );
  if (loaded.transcript.state !== 'anonymised')
    return (
      <div className="stack">
        <h2 className="page-heading">{t('coding.heading')}</h2>
        <Alert tone="info">{t('coding.anonymiseFirstHelp')}</Alert>
        <Button variant="secondary" onClick={onBack}>
          {t('coding.openTranscripts')}
        </Button>
      </div>
    );
  return <Workspace loaded={loaded} place={place} onBack={onBack} navigate={navigate} />;
}

interface BoxState {
  extent: Extent;
  where: string;
  /** Coded from lines with the keyboard: the next line follows. */
  advance: boolean;
  codes: CodeLook[];
  position: { top: number; left: number };
}

function Workspace({ loaded, place, onBack, navigate }: { loaded: Loaded; place: PassagePlace | null; onBack: () => void; navigate: (section: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const heldAt = useHeldAt();
  const undoText = useUndoText();
  const { transcript } = loaded;
  const legendId = useId();
  const [error, setError] = useState<unknown>(null);
  const [surface] = useState(() => new CodingSurface(transcript.id, setError));
  const state = useSyncExternalStore(surface.subscribe, surface.snapshot);
  const [box, setBox] = useState<BoxState | null>(null);
  const [level, setLevel] = useState<CodeLevel>('initial');
  const [notice, setNotice] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);

  // Made once: TipTap sets the options again whenever one is a new object, which re-applies the
  // editor's state to the page (see the transcript editor).
  const [options] = useState(() => ({
    extensions: transcriptExtensions({ onFind: () => {} }, { lineView: surface.lineView, plugins: surface.plugins() }),
    content: docFromLines(transcript.content),
    editable: false,
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'coding-lines',
        tabindex: '0',
        role: 'document',
        'aria-label': t('coding.editorLabel', { pseudonym: transcript.pseudonym }),
        'aria-describedby': legendId,
        spellcheck: 'false',
        lang: 'nb',
      },
    },
  }));
  const editor = useEditor(options);

  // The surface draws the codings once the view is on the page, and shows the place asked for.
  useEffect(() => {
    surface.attach(editor.view, loaded.codings, loaded.codes);
    if (place) surface.showPlace(place.lineId, place.endLineId);
    editor.view.dom.focus({ preventScroll: true });
    // The study is wider while the workspace is open (see coding.css).
    const study = editor.view.dom.closest('.study');
    study?.classList.add('study--coding');
    return () => {
      study?.classList.remove('study--coding');
      surface.destroy();
    };
    // Once per opened transcript (the component is keyed by it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, surface]);

  // A new place asked for while this transcript is open.
  const shownPlace = useRef(place);
  useEffect(() => {
    if (!place || place === shownPlace.current) return;
    shownPlace.current = place;
    surface.showPlace(place.lineId, place.endLineId);
    editor.view.dom.focus({ preventScroll: true });
  }, [place, surface, editor]);

  // Another view changed codings or codes, or an undo or redo ran: show what the core has now.
  useEffect(
    () =>
      onCodingChanged((change) => {
        if (change.undone) setNotice(t(change.undone.kind === 'undo' ? 'coding.undone' : 'coding.redone', { what: undoText(change.undone.label) }));
        if (change.origin === surface) return;
        void surface
          .settled()
          .then(() => Promise.all([invoke('coding.transcriptCodings', { transcriptId: transcript.id }), invoke('coding.codebook', {})]))
          .then(([{ codings }, codebook]) => {
            surface.setCodes(codebook.codes, false);
            surface.setCodings(codings);
          })
          .catch(setError);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [surface, transcript.id],
  );

  // The same element on every render: the lines are the surface's, never React's to draw again.
  const content = useMemo(() => <EditorContent editor={editor} />, [editor]);
  const labels = speakerLabels(transcript, currentLanguage());
  const style = {
    '--speaker-interviewer': cssString(labels.interviewer),
    '--speaker-participant': cssString(labels.participant),
    '--speaker-other': cssString(labels.other),
  } as CSSProperties;

  function describe(extent: Extent, selected: boolean): string {
    const { first, last } = surface.lineNumbers(extent);
    if (selected) return first === last ? t('coding.box.selection', { first }) : t('coding.box.selectionMany', { first, last });
    return first === last ? t('coding.box.line', { n: first }) : t('coding.box.lines', { first, last });
  }

  function focusLines() {
    editor.view.dom.focus({ preventScroll: true });
  }

  function openBox() {
    const extent = surface.target();
    if (!extent) return;
    const selected = surface.snapshot().selection !== null;
    setError(null);
    setNotice(null);
    surface.showPending(extent);
    setBox({
      extent,
      where: describe(extent, selected),
      advance: !selected,
      codes: surface.allCodes(),
      position: surface.boxPosition(extent),
    });
  }

  function closeBox() {
    surface.showPending(null);
    setBox(null);
    focusLines();
  }

  function applyTo(choice: CodeChoice, extent: Extent, advance: boolean) {
    // Only when there is something to clear: a render of the workspace would delay the frame that
    // shows the new coding.
    if (error !== null) setError(null);
    if (notice !== null) setNotice(null);
    surface.apply(choice, [extent]).catch(() => {});
    // The line after the passage: its last line's number is the next line's index.
    if (advance) surface.setCurrent(surface.lineNumbers(extent).last);
    else surface.setCurrent(surface.snapshot().current);
  }

  function repeat() {
    const choice = surface.lastCode;
    const extent = surface.target();
    if (!choice || !extent) return;
    applyTo(choice, extent, surface.snapshot().selection === null);
  }

  function onKey(event: ReactKeyboardEvent) {
    if (event.target !== editor.view.dom || event.ctrlKey || event.metaKey) return;
    const { current, selectedCoding } = surface.snapshot();
    const key = event.key;
    const handled = () => event.preventDefault();
    if ((key === 'ArrowDown' || key === 'ArrowUp') && selectedCoding !== null && event.shiftKey) {
      handled();
      const by = key === 'ArrowDown' ? 1 : -1;
      surface.moveEnd(selectedCoding, event.altKey ? 'start' : 'end', by).catch(() => {});
    } else if ((key === 'ArrowDown' || key === 'ArrowUp' || key === 'j' || key === 'k') && !event.altKey) {
      handled();
      surface.setCurrent(current + (key === 'ArrowDown' || key === 'j' ? 1 : -1), { extend: event.shiftKey });
    } else if (key === 'PageDown' || key === 'PageUp') {
      handled();
      surface.setCurrent(current + (key === 'PageDown' ? 15 : -15), { extend: event.shiftKey });
    } else if (key === 'Home' || key === 'End') {
      handled();
      surface.setCurrent(key === 'Home' ? 0 : surface.lineCount - 1, { extend: event.shiftKey });
    } else if (event.altKey) {
      return;
    } else if (key === 'Enter' || key === 'c' || key === 'C') {
      handled();
      openBox();
    } else if (key === 'r' || key === 'R') {
      handled();
      repeat();
    } else if (key === 's' || key === 'S') {
      handled();
      surface.selectNextOnLine();
    } else if ((key === 'Delete' || key === 'Backspace') && selectedCoding !== null) {
      handled();
      surface.remove([selectedCoding]).then(() => setNotice(t('coding.chosen.removed')), () => {});
    } else if (key === 'Escape') {
      if (selectedCoding !== null) {
        handled();
        surface.selectCoding(null);
      } else if (surface.snapshot().rangeAnchor !== null || surface.snapshot().selection !== null) {
        handled();
        surface.setCurrent(current);
      }
    }
  }

  function onMarginClick(event: ReactMouseEvent) {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-coding]');
    if (!target || !(event.target as HTMLElement).closest('.cline__margin')) return;
    const id = Number(target.getAttribute('data-coding'));
    if (!Number.isFinite(id)) return;
    event.preventDefault();
    surface.selectCoding(surface.snapshot().selectedCoding === id ? null : id);
    focusLines();
  }

  const lastName = surface.lastCode ? ('id' in surface.lastCode ? surface.code(surface.lastCode.id)?.name : surface.lastCode.name) : undefined;
  const onLine = state.version >= 0 ? surface.codingsOnLine(state.current) : [];
  const chosen = state.selectedCoding !== null ? surface.coding(state.selectedCoding) : undefined;
  const chosenLines = chosen ? surface.linesOf(chosen.id) : null;
  const status = state.selection
    ? (() => {
        const { first, last } = surface.lineNumbers(state.selection);
        return first === last ? t('coding.selectionStatus', { first }) : t('coding.selectionStatusMany', { first, last });
      })()
    : state.rangeAnchor !== null
      ? t('coding.rangeStatus', { first: Math.min(state.rangeAnchor, state.current) + 1, last: Math.max(state.rangeAnchor, state.current) + 1 })
      : t('coding.lineStatus', { n: state.current + 1, count: surface.lineCount });
  const onLineText =
    onLine.length === 0 ? t('coding.noCodesOnLine') : t('coding.codesOnLine', { names: onLine.map((coding) => surface.code(coding.codeId)?.name ?? '…').join(', ') });

  return (
    <div className="coding-workspace">
      <div className="coding-workspace__top">
        <div className="coding-workspace__title">
          <h2 className="page-heading">{t('coding.transcriptTitle', { pseudonym: transcript.pseudonym, date: heldAt(transcript.heldAt) })}</h2>
          {transcript.title ? <span className="muted">{transcript.title}</span> : null}
          <Button variant="quiet" className="coding-workspace__back" onClick={onBack}>
            {t('coding.openTranscripts')}
          </Button>
        </div>
        <div className="coding-toolbar" role="toolbar" aria-label={t('coding.toolbar')}>
          <UndoButtons onError={setError} />
          <span className="coding-toolbar__status" role="status" aria-live="polite">
            <strong>{status}</strong> · {onLineText}
          </span>
          {notice ? (
            <span className="coding-toolbar__notice" role="status">
              {notice}
            </span>
          ) : null}
        </div>
        {chosen && chosenLines ? (
          <div className="coding-chosen" role="group" aria-label={t('coding.chosen.label')}>
            <span className={`code-chip ${codeClass(chosen.codeId)}`}>
              <span className="code-swatch" aria-hidden="true" />
              {surface.code(chosen.codeId)?.name}
            </span>
            <span className="muted">
              {chosenLines.startLine === chosenLines.endLine
                ? t('coding.chosen.lines', { first: chosenLines.startLine + 1 })
                : t('coding.chosen.linesMany', { first: chosenLines.startLine + 1, last: chosenLines.endLine + 1 })}
            </span>
            {state.selection ? (
              <Button variant="secondary" onClick={() => void surface.adjust(chosen.id, state.selection!).catch(() => {})}>
                {t('coding.fitToSelection')}
              </Button>
            ) : null}
            <Button
              variant="secondary"
              aria-keyshortcuts="Delete"
              onClick={() => {
                surface.remove([chosen.id]).then(() => setNotice(t('coding.chosen.removed')), () => {});
                focusLines();
              }}
            >
              {t('coding.chosen.remove')}
            </Button>
            <Button
              variant="quiet"
              onClick={() => {
                surface.selectCoding(null);
                focusLines();
              }}
            >
              {t('coding.chosen.done')}
            </Button>
          </div>
        ) : null}
        <aside className="coding-legend" id={legendId} aria-label={t('coding.keysHeading')}>
          <h3 className="visually-hidden">{t('coding.keysHeading')}</h3>
          {chosen ? (
            <dl>
              <Key keys="Shift+↑ ↓" text={t('coding.keys.adjustEnd')} />
              <Key keys="Alt+Shift+↑ ↓" text={t('coding.keys.adjustStart')} />
              <Key keys="Delete" text={t('coding.keys.remove')} />
              <Key keys="Esc" text={t('coding.keys.done')} />
            </dl>
          ) : (
            <dl>
              <Key keys="↑ ↓" text={t('coding.keys.move')} />
              <Key keys="Shift+↑ ↓" text={t('coding.keys.extend')} />
              <Key keys="C, Enter" text={t('coding.keys.code')} />
              <Key keys="R" text={lastName ? t('coding.keys.repeatName', { name: lastName }) : t('coding.keys.repeat')} />
              <Key keys="S" text={t('coding.keys.choose')} />
              <Key keys={undoKeys} text={t('coding.keys.undo')} />
              <Key keys={redoKeys} text={t('coding.keys.redo')} />
            </dl>
          )}
        </aside>
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      </div>
      <div className="coding-body">
        <div
          className={focused ? 'coding-scroll coding-scroll--focused' : 'coding-scroll'}
          style={style}
          onKeyDown={onKey}
          onMouseDown={onMarginClick}
          onFocus={(event) => setFocused(event.target === editor.view.dom && event.target.matches(':focus-visible'))}
          onBlur={() => setFocused(false)}
        >
          {content}
          {box ? (
            <CodeBox
              where={box.where}
              codes={box.codes}
              level={level}
              onLevelChange={setLevel}
              position={box.position}
              onClose={closeBox}
              onApply={(choice) => {
                const { extent, advance } = box;
                surface.showPending(null);
                setBox(null);
                focusLines();
                applyTo(choice, extent, advance);
              }}
            />
          ) : state.selection ? (
            <PassageActions
              key={`${state.selection.startLineId}:${state.selection.startOffset}:${state.selection.endLineId}:${state.selection.endOffset}`}
              transcriptId={transcript.id}
              extent={state.selection}
              position={surface.boxPosition(state.selection)}
              where={`${transcript.pseudonym}, ${describe(state.selection, false)}`}
              navigate={navigate}
              onCode={openBox}
              onDone={(message) => {
                setNotice(message);
                focusLines();
              }}
              onError={setError}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}

function Key({ keys, text }: { keys: string; text: string }) {
  return (
    <div className="coding-legend__row">
      <dt>
        <kbd>{keys}</kbd>
      </dt>
      <dd>{text}</dd>
    </div>
  );
}

/** A CSS string for `content:` (quotes and backslashes escaped). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}
