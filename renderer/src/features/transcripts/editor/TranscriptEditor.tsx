import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorProps } from '@tiptap/pm/view';
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineChanges, Transcript, TranscriptSaved } from '../../../../../shared/transcripts/contract.js';
import { countWords, speakers, type Speaker } from '../../../../../shared/transcripts/lines.js';
import { invoke } from '../../../bridge/index.js';
import { Alert, Button, errorCodeOf, useErrorText } from '../../../ui/index.js';
import { useFormat } from '../../../i18n/index.js';
import { useSaveBeforeLeaving } from '../../study/useSaveBeforeLeaving.js';
import { Autosave, type SaveState } from './autosave.js';
import { lineDrawing } from './lineView.js';
import { docFromLines, findKey, forEachLine, lineDepth, SavedDocument, replaceAll, replaceCurrent, setSearch, setSpeakerCommand, sliceFromPastedText, stepMatch, syncSelectionFromPage, isEditorKey, transcriptExtensions } from './lineDocument.js';

interface TranscriptEditorProps {
  transcript: Transcript;
  /** The speakers' names in the margin. */
  labels: Record<Speaker, string>;
  spellcheck: boolean;
  onSpellcheckChange: (spellcheck: boolean) => void;
  /** After each save: what the core answered (counts, state, and whether the anonymisation review must be run again). */
  onSaved?: (saved: TranscriptSaved) => void;
  /** Reload the transcript from the study (after a stale save). */
  onReload: () => void;
}

/** What a save sends (the changes) and the document they bring the core to. */
interface ChangesToSave {
  doc: ProseMirrorNode;
  changes: LineChanges;
}

/** A CSS string for `content:` (quotes and backslashes escaped). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

/** A tiny store the editor writes and small components read, so the editor itself never re-renders for them. */
function createStore<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next: T) => {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const keyLabel = (keys: string) => (mac ? keys.replace('Mod', '⌘').replace('Shift', '⇧') : keys.replace('Mod', 'Ctrl'));

/**
 * The transcript editor: TipTap over a document of lines, in a component of its own; TipTap does
 * not re-render it on transactions, and what depends on the editor's state (toolbar, counts, save
 * status, find) lives in small components that select only what they show.
 */
export function TranscriptEditor({ transcript, labels, spellcheck, onSpellcheckChange, onSaved, onReload }: TranscriptEditorProps) {
  const { t } = useTranslation();
  const helpId = useId();
  const [findMode, setFindMode] = useState<'find' | 'replace' | null>(null);
  const saveState = useMemo(() => createStore<SaveState>({ kind: 'saved' }), []);
  const autosave = useRef<Autosave<ChangesToSave> | null>(null);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const editorProps = (checking: boolean): EditorProps => ({
    attributes: {
      class: 'transcript-lines',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': t('transcripts.editorLabel', { pseudonym: transcript.pseudonym }),
      'aria-describedby': helpId,
      spellcheck: checking ? 'true' : 'false',
      lang: 'nb',
    },
    clipboardTextParser: (text, _context, _plain, view) => sliceFromPastedText(view.state.schema, text),
    handleKeyDown: (view, event) => {
      if (isEditorKey(event)) syncSelectionFromPage(view);
      return false;
    },
  });

  // Made once. TipTap compares these with the editor's on every render and, when one is a new
  // object, sets the options again, which re-applies the editor's state to the page: a caret the
  // researcher had just moved (by click or arrow key, not yet read by the editor) would jump back.
  const [stableOptions] = useState(() => ({
    extensions: transcriptExtensions({ onFind: (mode) => setFindMode(mode) }, lineDrawing()),
    content: docFromLines(transcript.content),
    editorProps: editorProps(spellcheck),
  }));
  const editor = useEditor({
    ...stableOptions,
    // Our Content-Security-Policy allows no inline styles: the editor's rules are in transcripts.css.
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    onUpdate: () => autosave.current?.changed(),
    onBlur: () => void autosave.current?.flush(),
  });

  // What the core has: each save sends only the lines changed since the last one it stored. Made
  // once, from the document as opened (a memo could be made again from a document with unsaved lines).
  const [savedDocument] = useState(() => new SavedDocument(editor.state.doc));

  // One autosave per opened transcript; what is unsaved is sent when the editor goes away.
  useEffect(() => {
    const saver = new Autosave({
      revision: transcript.revision,
      read: (): ChangesToSave => {
        const doc = editor.state.doc;
        return { doc, changes: savedDocument.changesSince(doc) };
      },
      save: async (baseRevision, { doc, changes }) => {
        const saved = await invoke('transcripts.save', { id: transcript.id, baseRevision, ...changes });
        savedDocument.acknowledge(doc);
        onSavedRef.current?.(saved);
        return saved;
      },
      onState: (state) => saveState.set(state),
      isStale: (error) => errorCodeOf(error) === 'transcript.staleRevision',
      // Within 400 ms even if the researcher never pauses: 800 + 400 ms and the save stay under two seconds.
      whenIdle: (work) => requestIdleCallback(work, { timeout: 400 }),
    });
    autosave.current = saver;
    return () => {
      void saver.flush();
      saver.dispose();
      autosave.current = null;
    };
  }, [editor, savedDocument, transcript.id, transcript.revision, saveState]);

  // The study saves the transcript before it locks or closes (Ctrl+L right after typing), and the
  // editor saves when the window is hidden or left, so no pending save is left behind then.
  useSaveBeforeLeaving(
    async () => {
      await autosave.current?.saveNow();
    },
    () => autosave.current?.hasUnsaved ?? false,
  );
  useEffect(() => {
    const saveWhenHidden = () => {
      if (document.visibilityState === 'hidden') void autosave.current?.flush();
    };
    const saveOnLeaving = () => void autosave.current?.flush();
    document.addEventListener('visibilitychange', saveWhenHidden);
    window.addEventListener('pagehide', saveOnLeaving);
    return () => {
      document.removeEventListener('visibilitychange', saveWhenHidden);
      window.removeEventListener('pagehide', saveOnLeaving);
    };
  }, []);

  // Spell-checking is an attribute of the editable element, kept in the view's props.
  useEffect(() => {
    editor.setOptions({ editorProps: editorProps(spellcheck) });
    // editorProps only reads the language and the pseudonym, which do not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, spellcheck]);

  // The margin's names come from CSS custom properties, so changing a name never touches a line.
  const style = {
    '--speaker-interviewer': cssString(labels.interviewer),
    '--speaker-participant': cssString(labels.participant),
    '--speaker-other': cssString(labels.other),
  } as CSSProperties;

  function onKeyDown(event: ReactKeyboardEvent) {
    // Ctrl/Cmd+F and +H anywhere in the editor's area, not only in the text.
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && (event.key === 'f' || event.key === 'h')) {
      event.preventDefault();
      setFindMode(event.key === 'f' ? 'find' : 'replace');
    }
  }

  return (
    <div className="transcript-editor" onKeyDown={onKeyDown}>
      <div className="transcript-editor__top">
        <Toolbar editor={editor} spellcheck={spellcheck} onSpellcheckChange={onSpellcheckChange} onFind={() => setFindMode('replace')} />
        {findMode ? <FindPanel editor={editor} mode={findMode} onClose={() => setFindMode(null)} /> : null}
      </div>
      <p id={helpId} className="muted small transcript-editor__help">
        {t('transcripts.editorHelp', { speakerKey: keyLabel('Mod+Shift+S'), findKey: keyLabel('Mod+F'), replaceKey: keyLabel('Mod+H') })}
      </p>
      <div className="transcript-editor__page" style={style}>
        <EditorContent editor={editor} />
      </div>
      <StatusBar editor={editor} saveState={saveState} onReload={onReload} />
    </div>
  );
}

const keepFocus = (event: { preventDefault(): void }) => event.preventDefault();

function Toolbar({ editor, spellcheck, onSpellcheckChange, onFind }: { editor: Editor; spellcheck: boolean; onSpellcheckChange: (value: boolean) => void; onFind: () => void }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      speaker: (current.state.selection.$from.node(lineDepth)?.attrs.speaker as Speaker | undefined) ?? 'participant',
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const spellId = useId();
  return (
    <div className="transcript-editor__toolbar" role="toolbar" aria-label={t('transcripts.toolbar')}>
      {/* Clicked, they leave the focus in the editor, so a key typed next is not lost (see ui/EditorToolButton). */}
      <Button variant="quiet" onMouseDown={keepFocus} onClick={() => editor.chain().focus().undo().run()} disabled={!state.canUndo} aria-keyshortcuts="Control+Z">
        {t('transcripts.undo')}
      </Button>
      <Button variant="quiet" onMouseDown={keepFocus} onClick={() => editor.chain().focus().redo().run()} disabled={!state.canRedo} aria-keyshortcuts="Control+Shift+Z">
        {t('transcripts.redo')}
      </Button>
      <label className="transcript-editor__speaker">
        <span>{t('transcripts.speaker')}</span>
        <select
          className="select"
          value={state.speaker}
          aria-keyshortcuts="Control+Shift+S"
          onChange={(event) => {
            const speaker = event.target.value as Speaker;
            editor.chain().focus().command(({ state: current, dispatch }) => setSpeakerCommand(current, dispatch, speaker)).run();
          }}
        >
          {speakers.map((speaker) => (
            <option key={speaker} value={speaker}>
              {t(`transcripts.speakerName.${speaker}`)}
            </option>
          ))}
        </select>
      </label>
      <Button variant="quiet" onClick={onFind} aria-keyshortcuts="Control+F Control+H">
        {t('transcripts.find')}
      </Button>
      <span className="checkbox transcript-editor__spell">
        <input id={spellId} type="checkbox" checked={spellcheck} onChange={(event) => onSpellcheckChange(event.target.checked)} />
        <label htmlFor={spellId}>{t('transcripts.spellcheck')}</label>
      </span>
    </div>
  );
}

/** Words and lines, counted a moment after typing stops (counting 20,000 words on every key would cost). */
function useCounts(editor: Editor): { words: number; lines: number } {
  const count = () => {
    let words = 0;
    let lines = 0;
    forEachLine(editor.state.doc, (line) => {
      words += countWords(line.textContent);
      lines += 1;
    });
    return { words, lines };
  };
  const [counts, setCounts] = useState(count);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setCounts(count()), 300);
    };
    editor.on('update', update);
    return () => {
      editor.off('update', update);
      if (timer) clearTimeout(timer);
    };
    // count reads the editor only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
  return counts;
}

function StatusBar({ editor, saveState, onReload }: { editor: Editor; saveState: ReturnType<typeof createStore<SaveState>>; onReload: () => void }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const { format } = new Intl.NumberFormat(locale);
  const counts = useCounts(editor);
  const state = useSyncExternalStore(saveState.subscribe, saveState.get);
  const errorText = useErrorText();
  return (
    <div className="transcript-editor__status">
      <span>{t('transcripts.counts', { words: format(counts.words), lines: format(counts.lines) })}</span>
      <span role="status" className={state.kind === 'saved' ? 'save-status' : 'save-status save-status--dirty'}>
        {state.kind === 'saved' ? t('transcripts.saved') : state.kind === 'saving' ? t('transcripts.saving') : state.kind === 'unsaved' ? t('transcripts.unsaved') : null}
      </span>
      {state.kind === 'failed' ? (
        <Alert tone="error">
          {state.stale ? errorText(state.error) : t('transcripts.saveFailed')}{' '}
          {state.stale ? (
            <Button variant="secondary" onClick={onReload}>
              {t('transcripts.reload')}
            </Button>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}

function FindPanel({ editor, mode, onClose }: { editor: Editor; mode: 'find' | 'replace'; onClose: () => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const findRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLInputElement>(null);
  const ids = { find: useId(), replace: useId(), match: useId() };
  const found = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const find = findKey.getState(current.state);
      return { count: find?.matches.length ?? 0, current: find?.current ?? -1 };
    },
  });

  useEffect(() => {
    (mode === 'replace' && query ? replaceRef : findRef).current?.focus();
    // Only when the panel opens or its mode changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode]);

  useEffect(() => {
    editor.view.dispatch(setSearch(editor.state, query, caseSensitive));
    // Show the match the search is on, without taking the focus from the search field.
    const find = findKey.getState(editor.state);
    const match = find && find.current >= 0 ? find.matches[find.current] : undefined;
    if (match) {
      const { node } = editor.view.domAtPos(match.from);
      (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: 'center' });
    }
  }, [editor, query, caseSensitive]);

  // Closing the panel clears the highlights.
  useEffect(() => () => editor.view.dispatch(setSearch(editor.state, '', false)), [editor]);

  const run = (make: (state: typeof editor.state) => ReturnType<typeof stepMatch>) => {
    const tr = make(editor.state);
    if (tr) editor.view.dispatch(tr);
  };

  function close() {
    onClose();
    editor.commands.focus();
  }

  function onKeyDown(event: ReactKeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' && event.currentTarget === findRef.current) {
      event.preventDefault();
      run((state) => stepMatch(state, event.shiftKey ? -1 : 1));
    }
  }

  return (
    <div className="transcript-find" role="search" aria-label={t('transcripts.find')}>
      <div className="transcript-find__row">
        <label htmlFor={ids.find}>{t('transcripts.findLabel')}</label>
        <input
          id={ids.find}
          ref={findRef}
          className="input transcript-find__input"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={ids.match}
          spellCheck={false}
        />
        <Button variant="quiet" onClick={() => run((state) => stepMatch(state, -1))} disabled={found.count === 0}>
          {t('transcripts.previous')}
        </Button>
        <Button variant="quiet" onClick={() => run((state) => stepMatch(state, 1))} disabled={found.count === 0}>
          {t('transcripts.next')}
        </Button>
        <span id={ids.match} className="muted small transcript-find__count" aria-live="polite">
          {query === '' ? '' : found.count === 0 ? t('transcripts.noMatches') : t('transcripts.matches', { current: found.current + 1, count: found.count })}
        </span>
        <Button variant="quiet" className="transcript-find__close" onClick={close}>
          {t('transcripts.closeFind')}
        </Button>
      </div>
      {mode === 'replace' ? (
        <div className="transcript-find__row">
          <label htmlFor={ids.replace}>{t('transcripts.replaceLabel')}</label>
          <input id={ids.replace} ref={replaceRef} className="input transcript-find__input" value={replacement} onChange={(event) => setReplacement(event.target.value)} onKeyDown={onKeyDown} spellCheck={false} />
          <Button variant="secondary" onClick={() => run((state) => replaceCurrent(state, replacement))} disabled={found.current < 0}>
            {t('transcripts.replaceOne')}
          </Button>
          <Button variant="secondary" onClick={() => run((state) => replaceAll(state, replacement))} disabled={found.count === 0}>
            {t('transcripts.replaceAll')}
          </Button>
        </div>
      ) : null}
      <span className="checkbox transcript-find__case">
        <input id={`${ids.find}-case`} type="checkbox" checked={caseSensitive} onChange={(event) => setCaseSensitive(event.target.checked)} />
        <label htmlFor={`${ids.find}-case`}>{t('transcripts.caseSensitive')}</label>
      </span>
    </div>
  );
}
