import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichNode } from '../../../../shared/consent/contract.js';
import { placeholderKeys } from '../../../../shared/consent/placeholders.js';
import { EditorToolButton } from '../../ui/index.js';

interface RichTextEditorProps {
  /** The starting content; the editor keeps its own state after that (give it a new `key` to reset). */
  initial: RichNode;
  label: string;
  onChange: (content: RichNode) => void;
}

/** The TipTap editor with its toolbar, in a component of its own so typing re-renders only this. */
export function RichTextEditor({ initial, label, onChange }: RichTextEditorProps) {
  const { t } = useTranslation();
  const toolbarId = useId();
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: false, codeBlock: false, code: false, blockquote: false, horizontalRule: false, strike: false })],
    content: initial as object,
    // Our Content-Security-Policy allows no inline styles: the editor's few rules live in consent.css.
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'rich-editor__content',
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
    }),
  });

  return (
    <div className="rich-editor">
      <div className="rich-editor__toolbar" role="toolbar" aria-label={t('consent.toolbar')} aria-controls={toolbarId}>
        <EditorToolButton pressed={state.bold} onRun={() => editor.chain().focus().toggleBold().run()}>
          <strong>{t('consent.bold')}</strong>
        </EditorToolButton>
        <EditorToolButton pressed={state.italic} onRun={() => editor.chain().focus().toggleItalic().run()}>
          <em>{t('consent.italic')}</em>
        </EditorToolButton>
        <EditorToolButton pressed={state.heading} onRun={() => editor.chain().focus().toggleHeading({ level: 2 }).run()}>
          {t('consent.heading2')}
        </EditorToolButton>
        <EditorToolButton pressed={state.bulletList} onRun={() => editor.chain().focus().toggleBulletList().run()}>
          {t('consent.bulletList')}
        </EditorToolButton>
        <select
          className="select"
          aria-label={t('consent.insertField')}
          value=""
          onChange={(event) => {
            const key = event.target.value;
            if (key) editor.chain().focus().insertContent(`{{${key}}}`).run();
          }}
        >
          <option value="">{t('consent.insertFieldNone')}</option>
          {placeholderKeys.map((key) => (
            <option key={key} value={key}>
              {t(`consent.field.${key}`)}
            </option>
          ))}
        </select>
      </div>
      <div id={toolbarId}>
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
