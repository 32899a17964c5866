import type { NodeViewRenderer } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { formatTimestamp } from '../../../../../shared/transcripts/lines.js';
import { forEachLine, lineAtPosition, lineDepth, type LineDrawing, type Turn } from './lineDocument.js';

/**
 * The lines on screen: each a plain <p class="tline"> with its speaker, time, number and turn as
 * data attributes, which transcripts.css draws in the margin.
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

/** Where a line stands among the lines: its number in the margin, and whether it starts a turn (where the speaker's name is shown). */
export function drawPlace(element: HTMLElement, number: number, turn: Turn): void {
  if (element.getAttribute('data-n') !== String(number)) element.setAttribute('data-n', String(number));
  if (turn === null) {
    if (element.hasAttribute('data-turn')) element.removeAttribute('data-turn');
  } else if (element.getAttribute('data-turn') !== turn) element.setAttribute('data-turn', turn);
}

/**
 * A line on screen: a plain <p> (no React), whose `data-n` and `data-turn` the plugin below keeps;
 * ProseMirror is told that a change of those attributes is not an edit.
 */
export const lineView: NodeViewRenderer = ({ node, view, getPos }) => {
  const element = view.dom.ownerDocument.createElement('p');
  element.className = 'tline';
  drawLine(element, node);
  const position = getPos();
  if (position !== undefined) {
    const { index, turn } = lineAtPosition(view.state.doc, position);
    drawPlace(element, index + 1, turn);
  }
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
 * The margin's line numbers and turns, as `data-n` and `data-turn` attributes on each line that CSS
 * draws. A CSS counter cannot number them: the lines' groups skip layout while off screen
 * (`content-visibility: auto`), which scopes counters to each group; nor can a sibling selector
 * find a turn across a group's edge. Nor can decorations (2,000 of them cost more per keystroke
 * than all the rest). A new line gets its number when it is drawn; when lines come, go or change
 * speaker, the lines from the first change on are looked at again, touching only those whose
 * number or turn changed. Typing within a line changes neither, and costs nothing here.
 */
export function linePlacesPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('linePlaces'),
    view: () => ({
      update: (view, previous) => {
        const before = previous.doc;
        const after = view.state.doc;
        if (before === after) return;
        const start = before.content.findDiffStart(after.content);
        if (start === null) return;
        const ends = before.content.findDiffEnd(after.content);
        // Only text within one line changed (a change of a line's speaker starts before the line).
        const line = lineStartAt(after, start);
        if (ends && line !== null && lineStartAt(after, ends.b) === line && lineStartAt(before, start) === lineStartAt(before, ends.a)) return;
        const $start = after.resolve(Math.min(start, after.content.size));
        const first = lineAtPosition(after, $start.depth >= lineDepth ? $start.before(lineDepth) : $start.pos).index;
        const elements = view.dom.querySelectorAll<HTMLElement>(':scope > .tgroup > .tline');
        let previousSpeaker: unknown = null;
        forEachLine(after, (node, _pos, index) => {
          const speaker = node.attrs.speaker;
          const element = elements[index];
          if (element && index >= first) drawPlace(element, index + 1, index === 0 ? 'first' : speaker !== previousSpeaker ? 'new' : null);
          previousSpeaker = speaker;
        });
      },
    }),
  });
}

/** Where the line holding `pos` starts, or null when `pos` is not within a line's text. */
function lineStartAt(doc: ProseMirrorNode, pos: number): number | null {
  const $pos = doc.resolve(Math.min(pos, doc.content.size));
  return $pos.depth === lineDepth ? $pos.start(lineDepth) : null;
}

/** What the editor passes to `transcriptExtensions` to draw its lines. */
export function lineDrawing(): LineDrawing {
  return { lineView, plugins: [linePlacesPlugin()] };
}
