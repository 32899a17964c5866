import type { NodeViewRenderer } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { formatTimestamp } from '../../../../../shared/transcripts/lines.js';
import type { LineDrawing } from './lineDocument.js';

/**
 * The lines on screen: each a plain <p class="tline"> with its speaker, time and number as data
 * attributes, which transcripts.css draws in the margin.
 */

/** The line's attributes as they are drawn (the margin reads them; see transcripts.css). */
function drawLine(element: HTMLElement, line: ProseMirrorNode): void {
  const time = line.attrs.timestampMs as number | null;
  element.setAttribute('data-speaker', line.attrs.speaker as string);
  if (time === null) {
    element.removeAttribute('data-ms');
    element.removeAttribute('data-time');
  } else {
    element.setAttribute('data-ms', String(time));
    element.setAttribute('data-time', formatTimestamp(time));
  }
}

/**
 * A line on screen: a plain <p> (no React), whose `data-n` the numbering below keeps; ProseMirror
 * is told that a change of that attribute is not an edit.
 */
export const lineView: NodeViewRenderer = ({ node, view, getPos }) => {
  const element = view.dom.ownerDocument.createElement('p');
  element.className = 'tline';
  drawLine(element, node);
  const position = getPos();
  if (position !== undefined) element.setAttribute('data-n', String(view.state.doc.resolve(position).index(0) + 1));
  let current = node;
  return {
    dom: element,
    contentDOM: element,
    update: (next) => {
      if (next.type !== current.type) return false;
      if (next.attrs.speaker !== current.attrs.speaker || next.attrs.timestampMs !== current.attrs.timestampMs) drawLine(element, next);
      current = next;
      return true;
    },
    ignoreMutation: (mutation) => mutation.type === 'attributes' && mutation.target === element,
  };
};

/**
 * The margin's line numbers, as a `data-n` attribute on each line that CSS draws with `attr()`.
 * A CSS counter cannot do it: the lines skip layout while off screen (`content-visibility: auto`),
 * which scopes counters to each line. Nor can decorations (2,000 of them cost more per keystroke
 * than all the rest). A new line gets its number when it is drawn; when lines come or go, the
 * lines from the first change on are numbered again, touching only those whose number changed.
 */
export function lineNumbersPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('lineNumbers'),
    view: () => ({
      update: (view, previous) => {
        const before = previous.doc;
        const after = view.state.doc;
        if (before === after) return;
        const start = before.content.findDiffStart(after.content);
        if (start === null) return;
        const ends = before.content.findDiffEnd(after.content);
        const first = after.resolve(Math.min(start, after.content.size)).index(0);
        // Only text within one line changed: no line moved.
        if (before.childCount === after.childCount && ends && after.resolve(Math.min(ends.b, after.content.size)).index(0) === first) return;
        const elements = view.dom.children;
        let number = 0;
        for (let index = 0; index < elements.length; index += 1) {
          const element = elements[index]!;
          if (!element.classList.contains('tline')) continue;
          number += 1;
          if (number <= first) continue;
          if (element.getAttribute('data-n') !== String(number)) element.setAttribute('data-n', String(number));
        }
      },
    }),
  });
}

/** What the editor passes to `transcriptExtensions` to draw its lines. */
export function lineDrawing(): LineDrawing {
  return { lineView, plugins: [lineNumbersPlugin()] };
}
