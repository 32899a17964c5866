import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichNode } from '../../../../shared/consent/contract.js';
import { EditorToolButton } from '../../ui/index.js';

interface MemoTextEditorProps {
  /** The starting document; the editor keeps its own state after that (a new `key` resets it). */
  initial: RichNode;
  label: string;
  onChange: (content: RichNode) => void;
}

/**
 * A memo's text in TipTap: paragraphs, headings, lists, bold and italic, with the editor's own undo
 * (Ctrl/Cmd+Z while typing). In a component of its own so typing re-renders only this.
 */
export function MemoTextEditor({ initial, label, onChange }: MemoTextEditorProps) {
  const { t } = useTranslation();
  const toolbarId = useId();
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: false, codeBlock: false, code: false, horizontalRule: false, strike: false, underline: false })],
    content: initial as object,
    // The Content-Security-Policy allows no inline styles: the editor's rules live in memos.css.
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'memo-editor__content',
        'aria-label': label,
        'aria-multiline': 'true',
        role: 'textbox',
        spellcheck: 'true',
      },
    },
    onUpdate: ({ editor: changed }) => onChange(changed.getJSON() as RichNode),
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      heading: current.isActive('heading', { level: 2 }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
    }),
  });
  const tool = (pressed: boolean, label: React.ReactNode, run: () => void) => (
    <EditorToolButton pressed={pressed} onRun={run}>
      {label}
    </EditorToolButton>
  );

  return (
    <div className="memo-editor">
      <div className="memo-editor__toolbar" role="toolbar" aria-label={t('memos.toolbar')} aria-controls={toolbarId}>
        {tool(state.bold, <strong>{t('memos.bold')}</strong>, () => editor.chain().focus().toggleBold().run())}
        {tool(state.italic, <em>{t('memos.italic')}</em>, () => editor.chain().focus().toggleItalic().run())}
        {tool(state.heading, t('memos.heading2'), () => editor.chain().focus().toggleHeading({ level: 2 }).run())}
        {tool(state.bulletList, t('memos.bulletList'), () => editor.chain().focus().toggleBulletList().run())}
        {tool(state.orderedList, t('memos.orderedList'), () => editor.chain().focus().toggleOrderedList().run())}
      </div>
      <div id={toolbarId}>
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
