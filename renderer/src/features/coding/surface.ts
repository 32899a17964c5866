import type { NodeViewRenderer } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Code, CodeLevel, Coding, UndoState } from '../../../../shared/coding/contract.js';
import { invoke } from '../../bridge/index.js';
import { codingChanged, trackAction } from './codingEvents.js';
import { drawPlace } from '../transcripts/editor/lineView.js';
import { lineAtPosition } from '../transcripts/editor/lineDocument.js';
import { Columns, extentOf, indexLines, lineAt, linesExtent, marginLine, place, type Extent, type LineIndex, type Placed } from './layout.js';

/**
 * The coding workspace's surface: the transcript's lines in a read-only ProseMirror view, the
 * codings as decorations on the text (tinted and underlined in their code's colour, one underline
 * depth per margin column, so overlapping codings stay apart), and the margin beside each line (a
 * stripe per overlapping coding and the labels of the codings that start there).
 *
 * Everything that changes while coding (the current line, a new coding, a removed one) is drawn
 * here directly, line by line, without React: a code applied is on screen in the same frame. React
 * reads a small snapshot (`subscribe`/`snapshot`) for the toolbar, the code box and the status.
 */

/** What the workspace knows of a code to draw it. Negative ids are codes being made. */
export interface CodeLook {
  id: number;
  name: string;
  colour: string;
  level: CodeLevel;
}

/** An existing code, or a new one by name (made with the coding). */
export type CodeChoice = { id: number } | { name: string; level: CodeLevel };

/** What the React side shows: where the researcher is, and what is chosen. */
export interface SurfaceSnapshot {
  /** The current line's index (0-based). */
  current: number;
  /** The other end of a range of lines chosen with Shift+arrows, or null. */
  rangeAnchor: number | null;
  /** The coding chosen in the margin (to adjust or remove it), or null. */
  selectedCoding: number | null;
  /** The text selected with the mouse (or keyboard), as an extent, or null. */
  selection: Extent | null;
  /** Counts up with every change of the codings shown. */
  version: number;
}

/** Where a coding action went wrong, for the page to say. */
export type SurfaceError = { error: unknown };

interface LineElements {
  dom: HTMLElement;
  margin: HTMLElement;
  signature: string;
}

/** The colours' class: `code-12`, or `code-t3` for a code being made. */
export function codeClass(id: number): string {
  return id < 0 ? `code-t${-id}` : `code-${id}`;
}

/** Columns of the margin drawn (more overlapping codings than this share the last). */
const maxColumns = 10;
/** Underline depths on the text (columns beyond share the deepest). */
const underlineDepths = 4;
const pendingColour = '#8a8f98';

const decorationsKey = new PluginKey('codingDecorations');

/**
 * Resolves once the next frame has been drawn (in a task after it), or after 50 ms where no frame
 * comes (a window in the background draws none).
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      resolve();
    };
    const timer = setTimeout(done, 50);
    const frame = requestAnimationFrame(() => setTimeout(done, 0));
  });
}

export class CodingSurface {
  view: EditorView | null = null;
  index: LineIndex = { lines: [], byId: new Map() };

  private readonly codings = new Map<number, Coding>();
  private readonly placed = new Map<number, Placed>();
  private readonly columns = new Columns();
  private lineCodings: Set<number>[] = [];
  private readonly decorationOf = new Map<number, Decoration>();
  private decorations = DecorationSet.empty;
  private pending: Decoration | null = null;
  private readonly codes = new Map<number, CodeLook>();
  private readonly elements = new Map<string, LineElements>();
  private drawnColumns = 0;
  private sheet: CSSStyleSheet | null = null;
  private colours = '';
  private queue: Promise<unknown> = Promise.resolve();
  private tempIds = 0;
  /** Codes being made, by level and name, and what the core made them into. */
  private readonly makingCode = new Map<string, number>();
  private readonly madeCode = new Map<number, number>();
  private state: SurfaceSnapshot = { current: 0, rangeAnchor: null, selectedCoding: null, selection: null, version: 0 };
  private readonly listeners = new Set<() => void>();
  private highlighted = new Set<number>();
  /** The code applied last (what R repeats). */
  lastCode: CodeChoice | null = null;

  /**
   * `onError` is called with every failure of an action (the change is rolled back first). Every
   * change the core answers is told to the other views (`codingChanged`, with this as its origin).
   */
  constructor(
    private readonly transcriptId: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  private onSaved(undo: UndoState): void {
    codingChanged({ undo, origin: this });
  }

  // ── React's view of it ──

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): SurfaceSnapshot => this.state;

  /**
   * Changes the snapshot. React hears of it after the next frame: what the change draws on the
   * lines is drawn here at once, and the toolbar's words can follow a frame later without making
   * the frame that shows a new coding wait for React.
   */
  private update(change: Partial<SurfaceSnapshot>): void {
    this.state = { ...this.state, ...change };
    if (this.telling) return;
    this.telling = true;
    void afterNextFrame().then(() => {
      this.telling = false;
      for (const listener of [...this.listeners]) listener();
    });
  }

  private telling = false;

  // ── Setting up ──

  /** The editor's extensions' drawing: each line a node view with its number, text and margin. */
  lineView: NodeViewRenderer = ({ node, view, getPos }) => {
    const document = view.dom.ownerDocument;
    const dom = document.createElement('div');
    dom.className = 'cline';
    dom.setAttribute('data-speaker', node.attrs.speaker as string);
    const position = getPos();
    const { index: lineIndex, turn } = position === undefined ? { index: 0, turn: null } : lineAtPosition(view.state.doc, position);
    drawPlace(dom, lineIndex + 1, turn);
    dom.setAttribute('data-line', String(lineIndex));
    const text = document.createElement('p');
    text.className = 'cline__text';
    const margin = document.createElement('div');
    margin.className = 'cline__margin';
    margin.contentEditable = 'false';
    dom.append(text, margin);
    const id = node.attrs.id as string;
    const elements: LineElements = { dom, margin, signature: '' };
    this.elements.set(id, elements);
    if (this.view) this.drawMargin(lineIndex, true);
    return {
      dom,
      contentDOM: text,
      update: (next: ProseMirrorNode) => next.type === node.type && next.attrs.id === id,
      ignoreMutation: (mutation) => mutation.type === 'attributes' || !text.contains(mutation.target),
      stopEvent: (event) => margin.contains(event.target as Node),
      destroy: () => {
        if (this.elements.get(id) === elements) this.elements.delete(id);
      },
    };
  };

  /** The plugins the editor needs: the codings' decorations and the selection's watcher. */
  plugins(): Plugin[] {
    return [
      new Plugin({
        key: decorationsKey,
        props: {
          decorations: () => (this.pending ? this.decorations.add(this.view!.state.doc, [this.pending]) : this.decorations),
        },
        view: () => ({
          update: (view, previous) => {
            if (!view.state.selection.eq(previous.selection)) this.selectionChanged();
          },
        }),
      }),
    ];
  }

  /** The view is ready: draw the codings given. */
  attach(view: EditorView, codings: readonly Coding[], codes: readonly Code[]): void {
    this.view = view;
    this.index = indexLines(view.state.doc);
    view.dom.addEventListener('mousedown', this.onPointerDown);
    view.dom.closest('.coding-scroll')?.addEventListener('scroll', this.followScroll, { passive: true });
    this.sheet = new CSSStyleSheet();
    view.dom.ownerDocument.adoptedStyleSheets = [...view.dom.ownerDocument.adoptedStyleSheets, this.sheet];
    this.setCodes(codes, false);
    this.setCodings(codings);
    this.markCurrent();
  }

  destroy(): void {
    const sheet = this.sheet;
    if (sheet && this.view) {
      const document = this.view.dom.ownerDocument;
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((candidate) => candidate !== sheet);
    }
    this.view?.dom.removeEventListener('mousedown', this.onPointerDown);
    this.view?.dom.closest('.coding-scroll')?.removeEventListener('scroll', this.followScroll);
    if (this.scrollFrame !== null) cancelAnimationFrame(this.scrollFrame);
    if (this.scrollWantedFrame !== null) cancelAnimationFrame(this.scrollWantedFrame);
    window.removeEventListener('mouseup', this.onPointerUp);
    this.view = null;
    this.listeners.clear();
  }

  // ── Codes and codings ──

  code(id: number): CodeLook | undefined {
    return this.codes.get(id);
  }

  allCodes(): CodeLook[] {
    return [...this.codes.values()].filter((code) => code.id > 0);
  }

  coding(id: number): Coding | undefined {
    return this.codings.get(id);
  }

  /** The codes as the core has them (names, colours); redraws what shows them. */
  setCodes(codes: readonly Code[], redraw = true): void {
    for (const id of [...this.codes.keys()]) if (id > 0) this.codes.delete(id);
    for (const code of codes) this.codes.set(code.id, { id: code.id, name: code.name, colour: code.colour, level: code.level });
    this.writeColours();
    if (redraw) this.drawAllMargins(true);
  }

  private writeColours(): void {
    const rules: string[] = [];
    for (const code of this.codes.values()) rules.push(`.${codeClass(code.id)}{--code:${/^#[0-9a-f]{6}$/i.test(code.colour) ? code.colour : pendingColour}}`);
    // Only when a colour changed: a new sheet makes the browser restyle every coded span.
    const text = rules.join('\n');
    if (text === this.colours) return;
    this.colours = text;
    this.sheet?.replaceSync(text);
  }

  /** Every coding of the transcript, afresh (after opening, an undo, or another view's change). */
  setCodings(codings: readonly Coding[]): void {
    this.codings.clear();
    this.placed.clear();
    this.decorationOf.clear();
    for (const id of [...this.columnIds()]) this.columns.remove(id);
    this.lineCodings = this.index.lines.map(() => new Set<number>());
    const spans: { id: number; startLine: number; endLine: number }[] = [];
    for (const coding of codings) {
      const where = place(this.index, coding);
      if (!where) continue;
      this.codings.set(coding.id, coding);
      this.placed.set(coding.id, where);
      spans.push({ id: coding.id, startLine: where.startLine, endLine: where.endLine });
      for (let line = where.startLine; line <= where.endLine; line += 1) this.lineCodings[line]!.add(coding.id);
    }
    this.columns.placeAll(spans);
    for (const id of this.codings.keys()) this.decorationOf.set(id, this.decorate(id));
    this.decorationsStale = true;
    const selected = this.state.selectedCoding;
    this.redraw();
    this.drawAllMargins(false);
    this.update({ selectedCoding: selected !== null && this.codings.has(selected) ? selected : null, version: this.state.version + 1 });
  }

  private *columnIds(): Iterable<number> {
    yield* this.placed.keys();
  }

  private decorate(id: number): Decoration {
    const coding = this.codings.get(id)!;
    const where = this.placed.get(id)!;
    const column = Math.min(this.columns.get(id) ?? 0, underlineDepths - 1);
    const selected = this.state.selectedCoding === id ? ' coded--selected' : '';
    return Decoration.inline(where.from, where.to, { nodeName: `gw-coded-${column}`, class: `coded coded--d${column} ${codeClass(coding.codeId)}${selected}` }, { codingId: id });
  }

  /**
   * Draws the decorations again if they changed. Only the codings of the lines on screen and some
   * way around them are decorations, and only those lines' margins are drawn (the window): ProseMirror looks at every line's decorations
   * on each change, which for 3,000 codings over 2,000 lines cost a frame and more, and the lines
   * out of view are not drawn anyway (content-visibility). Scrolling moves the window.
   */
  private redraw(force = false): void {
    const view = this.view;
    if (!view || (!force && !this.decorationsStale && !this.decorationsChanged)) return;
    if (this.decorationsStale) {
      const decorations: Decoration[] = [];
      for (const [id, where] of this.placed) if (this.inWindow(where)) decorations.push(this.decorationOf.get(id)!);
      this.decorations = DecorationSet.create(view.state.doc, decorations);
      this.decorationsStale = false;
    }
    this.decorationsChanged = false;
    view.dispatch(view.state.tr.setMeta(decorationsKey, true).setMeta('addToHistory', false));
  }

  private decorationsStale = true;
  private windowFirst = 0;
  private windowLast = 300;

  private inWindow(where: Placed): boolean {
    return where.endLine >= this.windowFirst && where.startLine <= this.windowLast;
  }

  /** How far beyond the lines in view the codings are decorations, and how near its edge the window moves. */
  private static readonly windowReach = 120;
  private static readonly windowSlack = 40;

  /** Moves the window of decorated lines to what is in view (on scroll, at most once a frame). */
  private readonly followScroll = () => {
    if (this.scrollFrame !== null) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = null;
      this.fitWindow();
    });
  };

  private scrollFrame: number | null = null;

  private fitWindow(): void {
    const view = this.view;
    const frame = view?.dom.closest<HTMLElement>('.coding-scroll');
    if (!view || !frame) return;
    const { first, last } = this.visibleLines(frame);
    const reach = CodingSurface.windowReach;
    const slack = CodingSurface.windowSlack;
    const count = this.index.lines.length;
    const nearStart = this.windowFirst > 0 && first < this.windowFirst + slack;
    const nearEnd = this.windowLast < count - 1 && last > this.windowLast - slack;
    if (!nearStart && !nearEnd && first >= this.windowFirst && last <= this.windowLast) return;
    this.windowFirst = Math.max(0, first - reach);
    this.windowLast = Math.min(count - 1, last + reach);
    this.decorationsStale = true;
    this.redraw();
    for (let line = this.windowFirst; line <= this.windowLast; line += 1) this.drawMargin(line, false);
  }

  /**
   * The first and last line in view: a binary search of the groups of lines (see lineDocument.ts),
   * then of the lines in the groups at the frame's edges (drawn, being in view).
   */
  private visibleLines(frame: HTMLElement): { first: number; last: number } {
    const groups = this.view!.dom.children;
    const frameTop = frame.getBoundingClientRect().top;
    const top = frame.scrollTop;
    const bottom = top + frame.clientHeight;
    const lineOf = (element: Element | undefined) => Number((element as HTMLElement | undefined)?.dataset.line ?? 0);
    // The first of `elements` (in order down the page) whose bottom is below y, or the last.
    const search = (elements: HTMLCollection, y: number) => {
      let low = 0;
      let high = elements.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (elements[middle]!.getBoundingClientRect().bottom - frameTop + top <= y) low = middle + 1;
        else high = middle;
      }
      return elements[low];
    };
    const at = (y: number) => {
      const group = search(groups, y);
      return group ? lineOf(search(group.children, y)) : 0;
    };
    return { first: at(top), last: at(bottom) };
  }

  /** Codings on a line, in column order. */
  codingsOnLine(lineIndex: number): Coding[] {
    const ids = [...(this.lineCodings[lineIndex] ?? [])];
    ids.sort((a, b) => (this.columns.get(a) ?? 0) - (this.columns.get(b) ?? 0));
    return ids.map((id) => this.codings.get(id)!);
  }

  /** The lines a coding covers (0-based indexes). */
  linesOf(codingId: number): { startLine: number; endLine: number } | null {
    const where = this.placed.get(codingId);
    return where ? { startLine: where.startLine, endLine: where.endLine } : null;
  }

  private addLocal(coding: Coding): boolean {
    const where = place(this.index, coding);
    if (!where) return false;
    this.codings.set(coding.id, coding);
    this.placed.set(coding.id, where);
    const before = this.columns.count;
    this.columns.add(coding.id, where.startLine, where.endLine);
    for (let line = where.startLine; line <= where.endLine; line += 1) this.lineCodings[line]!.add(coding.id);
    const decoration = this.decorate(coding.id);
    this.decorationOf.set(coding.id, decoration);
    if (this.inWindow(where)) this.changeDecorations([decoration], []);
    if (this.columns.count !== before) this.drawAllMargins(false);
    else this.drawLines(where.startLine, where.endLine);
    return true;
  }

  private removeLocal(id: number): Coding | undefined {
    const coding = this.codings.get(id);
    const where = this.placed.get(id);
    if (!coding || !where) return undefined;
    this.codings.delete(id);
    this.placed.delete(id);
    this.columns.remove(id);
    for (let line = where.startLine; line <= where.endLine; line += 1) this.lineCodings[line]?.delete(id);
    const decoration = this.decorationOf.get(id);
    if (this.inWindow(where) && decoration) this.changeDecorations([], [decoration]);
    this.decorationOf.delete(id);
    this.drawLines(where.startLine, where.endLine);
    return coding;
  }

  private restyle(id: number): void {
    const old = this.decorationOf.get(id);
    if (!old || !this.codings.has(id)) return;
    const decoration = this.decorate(id);
    this.decorationOf.set(id, decoration);
    if (this.inWindow(this.placed.get(id)!)) this.changeDecorations([decoration], [old]);
  }

  /**
   * Adds and takes away decorations in the set the view has, so an apply touches the lines it
   * changes only (building the whole window's set anew made ProseMirror compare every line's).
   */
  private changeDecorations(added: readonly Decoration[], removed: readonly Decoration[]): void {
    const view = this.view;
    if (!view || this.decorationsStale) {
      this.decorationsStale = true;
      return;
    }
    let next = this.decorations;
    if (removed.length > 0) next = next.remove([...removed]);
    if (added.length > 0) next = next.add(view.state.doc, [...added]);
    if (next !== this.decorations) {
      this.decorations = next;
      this.decorationsChanged = true;
    }
  }

  /** The set changed since the view last drew it (without being built anew). */
  private decorationsChanged = false;

  // ── The margin ──

  private drawAllMargins(force: boolean): void {
    this.drawnColumns = Math.min(this.columns.count, maxColumns);
    this.view?.dom.setAttribute('data-columns', String(this.drawnColumns));
    const last = Math.min(this.windowLast, this.index.lines.length - 1);
    for (let line = this.windowFirst; line <= last; line += 1) this.drawMargin(line, force);
  }

  private drawLines(first: number, last: number): void {
    for (let line = first; line <= last; line += 1) this.drawMargin(line, false);
  }

  /** Draws a line's margin if it is in the window (the others are drawn as the window comes to them). */
  private drawMargin(lineIndex: number, force: boolean): void {
    if (lineIndex < this.windowFirst || lineIndex > this.windowLast) return;
    const info = this.index.lines[lineIndex];
    if (!info) return;
    const elements = this.elements.get(info.id);
    if (!elements) return;
    const columns = this.drawnColumns;
    const codings = [...(this.lineCodings[lineIndex] ?? [])].map((id) => {
      const where = this.placed.get(id)!;
      return { id, codeId: this.codings.get(id)!.codeId, column: Math.min(this.columns.get(id) ?? 0, maxColumns - 1), startLine: where.startLine, endLine: where.endLine };
    });
    const margin = marginLine(lineIndex, codings, columns);
    const selected = this.state.selectedCoding;
    const look = (codeId: number) => this.codes.get(codeId) ?? { id: codeId, name: '…', colour: pendingColour, level: 'initial' as const };
    const signature = JSON.stringify([
      margin.stripes.map((stripe) => (stripe ? [stripe.codingId, stripe.codeId, stripe.first, stripe.last, stripe.codingId === selected] : 0)),
      margin.labels.map((label) => [label.codingId, look(label.codeId).name, look(label.codeId).level, label.codingId === selected]),
    ]);
    if (!force && signature === elements.signature) return;
    elements.signature = signature;
    const document = elements.margin.ownerDocument;
    elements.margin.replaceChildren();
    elements.dom.classList.toggle('cline--coded', codings.length > 0);
    if (columns > 0) {
      const stripes = document.createElement('div');
      stripes.className = 'cstripes';
      for (const stripe of margin.stripes) {
        const element = document.createElement('span');
        if (stripe) {
          element.className = `cstripe ${codeClass(stripe.codeId)}${stripe.first ? ' cstripe--first' : ''}${stripe.last ? ' cstripe--last' : ''}${stripe.codingId === selected ? ' cstripe--selected' : ''}`;
          element.setAttribute('data-coding', String(stripe.codingId));
        } else element.className = 'cstripe cstripe--empty';
        stripes.append(element);
      }
      elements.margin.append(stripes);
    }
    if (margin.labels.length > 0) {
      const labels = document.createElement('div');
      labels.className = 'clabels';
      for (const label of margin.labels) {
        const code = look(label.codeId);
        const where = this.placed.get(label.codingId)!;
        const button = document.createElement('button');
        button.type = 'button';
        button.tabIndex = -1;
        button.className = `clabel ${codeClass(label.codeId)}${code.level === 'focused' ? ' clabel--focused' : ''}${label.codingId === selected ? ' clabel--selected' : ''}${label.codingId < 0 ? ' clabel--pending' : ''}`;
        button.setAttribute('data-coding', String(label.codingId));
        button.title = where.endLine > where.startLine ? `${code.name} (${where.startLine + 1}–${where.endLine + 1})` : code.name;
        const swatch = document.createElement('span');
        swatch.className = 'clabel__swatch';
        const name = document.createElement('span');
        name.className = 'clabel__name';
        name.textContent = code.name;
        button.append(swatch, name);
        labels.append(button);
      }
      elements.margin.append(labels);
    }
  }

  // ── The current line, ranges and selection ──

  get lineCount(): number {
    return this.index.lines.length;
  }

  /** Makes a line current (and, with `extend`, the end of a range from the line current before). */
  setCurrent(lineIndex: number, options: { extend?: boolean; keepSelection?: boolean } = {}): void {
    const count = this.index.lines.length;
    if (count === 0) return;
    const next = Math.min(Math.max(lineIndex, 0), count - 1);
    const rangeAnchor = options.extend ? (this.state.rangeAnchor ?? this.state.current) : null;
    if (!options.keepSelection) this.collapseSelection(next);
    this.update({ current: next, rangeAnchor, selection: options.keepSelection ? this.state.selection : null });
    this.markCurrent();
    this.scrollToLine(next);
  }

  private collapseSelection(lineIndex: number): void {
    const view = this.view;
    const line = this.index.lines[lineIndex];
    if (!view || !line) return;
    if (view.state.selection.empty && lineAt(this.index, view.state.selection.head)?.index === lineIndex) return;
    this.settingSelection = true;
    try {
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, line.pos + 1)).setMeta('addToHistory', false));
    } finally {
      this.settingSelection = false;
    }
  }

  private settingSelection = false;

  /** While the mouse button is down, a selection is still being made: its bar waits for the release. */
  private pointerDown = false;

  private readonly onPointerDown = (event: MouseEvent) => {
    if (event.button !== 0 || (event.target as HTMLElement).closest('.cline__margin')) return;
    this.pointerDown = true;
    window.addEventListener('mouseup', this.onPointerUp, { once: true });
  };

  private readonly onPointerUp = () => {
    this.pointerDown = false;
    // After the browser has settled the selection of the release.
    setTimeout(() => this.selectionChanged(), 0);
  };

  private selectionChanged(): void {
    if (this.settingSelection || !this.view) return;
    const { from, to, head, empty } = this.view.state.selection;
    const line = lineAt(this.index, head);
    const selection = empty || this.pointerDown ? null : extentOf(this.index, from, to);
    this.update({ selection, current: line ? line.index : this.state.current, rangeAnchor: null });
    this.markCurrent();
  }

  private markCurrent(): void {
    const { current, rangeAnchor } = this.state;
    const low = rangeAnchor === null ? current : Math.min(current, rangeAnchor);
    const high = rangeAnchor === null ? current : Math.max(current, rangeAnchor);
    const wanted = new Set<number>();
    for (let line = low; line <= high; line += 1) wanted.add(line);
    for (const line of this.highlighted) if (!wanted.has(line)) this.lineElement(line)?.classList.remove('cline--current', 'cline--range');
    for (const line of wanted) {
      const element = this.lineElement(line);
      element?.classList.toggle('cline--current', line === current);
      element?.classList.toggle('cline--range', line !== current);
    }
    this.highlighted = wanted;
  }

  lineElement(lineIndex: number): HTMLElement | undefined {
    const info = this.index.lines[lineIndex];
    return info ? this.elements.get(info.id)?.dom : undefined;
  }

  /**
   * Scrolls a line into view in the next frame (finding whether it is in view lays the page out,
   * which in a key's handler would be done twice: once there, once for the frame).
   */
  scrollToLine(lineIndex: number, block: ScrollLogicalPosition = 'nearest'): void {
    this.scrollWanted = { lineIndex, block };
    if (this.scrollWantedFrame !== null) return;
    this.scrollWantedFrame = requestAnimationFrame(() => {
      this.scrollWantedFrame = null;
      const wanted = this.scrollWanted;
      this.scrollWanted = null;
      if (wanted) this.scrollNow(wanted.lineIndex, wanted.block);
    });
  }

  private scrollWanted: { lineIndex: number; block: ScrollLogicalPosition } | null = null;
  private scrollWantedFrame: number | null = null;

  private scrollNow(lineIndex: number, block: ScrollLogicalPosition): void {
    const element = this.lineElement(lineIndex);
    const frame = element?.closest<HTMLElement>('.coding-scroll');
    if (!element || !frame) return;
    const box = element.getBoundingClientRect();
    const view = frame.getBoundingClientRect();
    if (block === 'nearest' && box.top >= view.top && box.bottom <= view.bottom) return;
    // Only the lines' frame scrolls (scrollIntoView would scroll the page too). A line that leaves
    // the view at its foot comes to a quarter from the top, with context above and most of the view
    // ahead, so coding downwards scrolls once every few lines, not every other (and leaving at the
    // top, a quarter from the foot). A line asked for elsewhere comes to the middle.
    let offset: number;
    if (block === 'start') offset = box.top - view.top - 8;
    else if (block === 'nearest' && box.bottom > view.bottom) offset = box.top - view.top - view.height / 4;
    else if (block === 'nearest') offset = box.bottom - view.bottom + view.height / 4;
    else offset = box.top - view.top - (view.height - box.height) / 2;
    frame.scrollTop += offset;
  }


  /** Selects a passage's lines (from a memo, quote or search result): the first is current, the range to the last. */
  showPlace(startLineId: string, endLineId?: string): boolean {
    const start = this.index.byId.get(startLineId);
    if (!start) return false;
    const end = endLineId ? this.index.byId.get(endLineId) : undefined;
    this.setCurrent(start.index);
    if (end && end.index > start.index) {
      this.update({ rangeAnchor: start.index, current: end.index });
      this.markCurrent();
    }
    this.scrollToLine(start.index, 'center');
    return true;
  }

  /** What C (or the mouse's "Code") codes: the selected text, else the range of lines, else the current line. */
  target(): Extent | null {
    const { selection, rangeAnchor, current } = this.state;
    if (selection) return selection;
    if (this.index.lines.length === 0) return null;
    const extent = linesExtent(this.index, rangeAnchor ?? current, current);
    const first = this.index.byId.get(extent.startLineId)!;
    if (first.index === this.index.byId.get(extent.endLineId)!.index && first.length === 0) return null;
    return extent;
  }

  /** The lines of an extent, 1-based as the margin numbers them. */
  lineNumbers(extent: Extent): { first: number; last: number } {
    return { first: this.index.byId.get(extent.startLineId)!.index + 1, last: this.index.byId.get(extent.endLineId)!.index + 1 };
  }

  /** Shows the passage the code box is for while the box has the focus (and the text selection is gone). */
  showPending(extent: Extent | null): void {
    const where = extent ? place(this.index, extent) : null;
    this.pending = where && where.to > where.from ? Decoration.inline(where.from, where.to, { class: 'coding-pending' }) : null;
    this.redraw(true);
  }

  /** Where to put a box for an extent: below its last line, in the coordinates of `container`'s content. */
  boxPosition(extent: Extent): { top: number; left: number } {
    const view = this.view;
    const where = place(this.index, extent);
    const container = view?.dom.closest<HTMLElement>('.coding-scroll');
    if (!view || !where || !container) return { top: 0, left: 0 };
    const frame = container.getBoundingClientRect();
    const end = this.lineElement(where.endLine);
    const text = end?.querySelector('.cline__text');
    const box = (text ?? end)?.getBoundingClientRect();
    let left = box ? box.left - frame.left : 0;
    if (this.state.selection) {
      try {
        left = Math.max(left, Math.min(view.coordsAtPos(where.from).left - frame.left, frame.width - 420));
      } catch {
        // A position not drawn yet: keep the line's start.
      }
    }
    return { top: (box ? box.bottom - frame.top : 0) + container.scrollTop + 4, left: Math.max(0, left) };
  }

  // ── The margin's choice of a coding ──

  /** Chooses a coding (to adjust or remove it), or none. */
  selectCoding(id: number | null): void {
    const before = this.state.selectedCoding;
    if (before === id) return;
    this.update({ selectedCoding: id });
    for (const changed of [before, id]) {
      if (changed === null) continue;
      this.restyle(changed);
      const where = this.placed.get(changed);
      if (where) this.drawLines(where.startLine, where.endLine);
    }
    this.redraw();
    if (id !== null) {
      const where = this.placed.get(id);
      if (where && (this.state.current < where.startLine || this.state.current > where.endLine)) {
        this.update({ current: where.startLine, rangeAnchor: null });
        this.markCurrent();
        this.scrollToLine(where.startLine);
      }
    }
  }

  /** The next coding on the current line after the chosen one (S): cycles through them. */
  selectNextOnLine(): number | null {
    const onLine = this.codingsOnLine(this.state.current);
    if (onLine.length === 0) return null;
    const at = onLine.findIndex((coding) => coding.id === this.state.selectedCoding);
    const next = onLine[(at + 1) % onLine.length]!.id;
    this.selectCoding(next);
    return next;
  }

  // ── Actions: shown at once, then saved in order ──

  /**
   * Runs an action's request in order after those before it. The request goes out at once (the
   * core has a code applied with R about 13 ms after the key, median), but its answer is drawn
   * (`await shown()`) only once the frame that shows the action has been drawn: otherwise the
   * answer and its redraw could fall into that frame. (Sending the request after the frame made
   * that frame a little quicker on two cores, where the core's work competes with the page, but
   * saved 18–22 ms after the key.)
   */
  private enqueue<T>(run: (shown: () => Promise<void>) => Promise<T>): Promise<T> {
    const frame = afterNextFrame();
    const next = this.queue.then(() => run(() => frame));
    this.queue = next.catch(() => {});
    trackAction(next);
    return next;
  }

  /** Waits for every action on its way (before reloading what the core has). */
  settled(): Promise<unknown> {
    return this.queue;
  }

  private tempId(): number {
    this.tempIds += 1;
    return -this.tempIds;
  }

  /**
   * Applies a code to extents: drawn at once with a provisional coding (and code, for a new one),
   * then replaced by what the core answers, or taken back with the error if it refuses.
   */
  apply(choice: CodeChoice, extents: readonly Extent[]): Promise<void> {
    if (extents.length === 0) return Promise.resolve();
    let codeId: number;
    let madeHere = false;
    if ('id' in choice) codeId = choice.id;
    else {
      const key = `${choice.level}\u0000${choice.name.toLocaleLowerCase('nb')}`;
      const existing = this.allCodes().find((code) => code.level === choice.level && code.name.toLocaleLowerCase('nb') === choice.name.toLocaleLowerCase('nb'));
      const making = this.makingCode.get(key);
      if (existing) codeId = existing.id;
      else if (making !== undefined) codeId = this.madeCode.get(making) ?? making;
      else {
        codeId = this.tempId();
        madeHere = true;
        this.makingCode.set(key, codeId);
        this.codes.set(codeId, { id: codeId, name: choice.name, colour: pendingColour, level: choice.level });
        this.writeColours();
      }
    }
    const provisional = extents.map((extent) => ({ ...extent, id: this.tempId(), codeId, transcriptId: this.transcriptId }) satisfies Coding);
    for (const coding of provisional) this.addLocal(coding);
    this.redraw();
    this.lastCode = codeId > 0 ? { id: codeId } : choice;
    this.update({ version: this.state.version + 1 });

    return this.enqueue(async (shown) => {
      const made = codeId < 0 ? this.madeCode.get(codeId) : codeId;
      const request = made !== undefined ? { id: made } : 'name' in choice ? { name: choice.name, level: choice.level } : { id: codeId };
      try {
        const result = await invoke('coding.apply', { code: request, passages: extents.map((extent) => ({ transcriptId: this.transcriptId, ...extent })) });
        await shown();
        const code = result.code;
        this.codes.set(code.id, { id: code.id, name: code.name, colour: code.colour, level: code.level });
        if (codeId < 0) {
          this.madeCode.set(codeId, code.id);
          if (madeHere) this.codes.delete(codeId);
        }
        this.writeColours();
        const selected = this.state.selectedCoding;
        for (const coding of provisional) this.removeLocal(coding.id);
        for (const coding of result.codings) this.addLocal(coding);
        // Codings drawn under a code still being made (R pressed before the answer) take its id.
        if (codeId < 0) for (const coding of [...this.codings.values()].filter((candidate) => candidate.codeId === codeId)) this.relabel(coding, code.id);
        if (this.lastCode && 'name' in this.lastCode && this.lastCode.name === code.name) this.lastCode = { id: code.id };
        else if (this.lastCode && 'id' in this.lastCode && this.lastCode.id === codeId) this.lastCode = { id: code.id };
        const provisionalIds = provisional.map((coding) => coding.id);
        const at = selected === null ? -1 : provisionalIds.indexOf(selected);
        if (at >= 0) this.update({ selectedCoding: result.codings[at]?.id ?? null });
        this.redraw();
        this.update({ version: this.state.version + 1 });
        this.onSaved(result.undo);
      } catch (error) {
        for (const coding of provisional) this.removeLocal(coding.id);
        if (madeHere) {
          this.codes.delete(codeId);
          for (const [key, value] of this.makingCode) if (value === codeId) this.makingCode.delete(key);
        }
        this.redraw();
        this.update({ version: this.state.version + 1 });
        this.onError(error);
        throw error;
      }
    });
  }

  private relabel(coding: Coding, codeId: number): void {
    this.removeLocal(coding.id);
    this.addLocal({ ...coding, codeId });
  }

  /** Removes codings: gone at once, back with the error if the core refuses. */
  remove(ids: readonly number[]): Promise<void> {
    const removed = ids.map((id) => this.removeLocal(id)).filter((coding): coding is Coding => coding !== undefined);
    if (removed.length === 0) return Promise.resolve();
    if (this.state.selectedCoding !== null && ids.includes(this.state.selectedCoding)) this.update({ selectedCoding: null });
    this.redraw();
    this.update({ version: this.state.version + 1 });
    return this.enqueue(async () => {
      const real = removed.map((coding) => coding.id).filter((id) => id > 0);
      try {
        if (real.length === 0) return;
        const result = await invoke('coding.remove', { ids: real });
        this.onSaved(result.undo);
      } catch (error) {
        for (const coding of removed) this.addLocal(coding);
        this.redraw();
        this.update({ version: this.state.version + 1 });
        this.onError(error);
        throw error;
      }
    });
  }

  /** Changes a coding's extent: moved at once, back with the error if the core refuses. */
  adjust(id: number, extent: Extent): Promise<void> {
    const before = this.codings.get(id);
    if (!before || id < 0) return Promise.resolve();
    const after: Coding = { ...before, ...extent };
    this.removeLocal(id);
    this.addLocal(after);
    this.redraw();
    this.update({ version: this.state.version + 1 });
    return this.enqueue(async (shown) => {
      try {
        const result = await invoke('coding.adjust', { id, ...extent });
        await shown();
        this.removeLocal(id);
        this.addLocal(result.coding);
        this.redraw();
        this.onSaved(result.undo);
      } catch (error) {
        this.removeLocal(id);
        this.addLocal(before);
        this.redraw();
        this.update({ version: this.state.version + 1 });
        this.onError(error);
        throw error;
      }
    });
  }

  /**
   * Moves one end of the chosen coding by a line: `end` down (+1) or up (-1), `start` up (-1) or
   * down (+1). A moved end takes the whole line; an end never passes the other.
   */
  moveEnd(id: number, which: 'start' | 'end', by: 1 | -1): Promise<void> {
    const coding = this.codings.get(id);
    const where = this.placed.get(id);
    if (!coding || !where) return Promise.resolve();
    if (which === 'end') {
      const endLine = Math.min(Math.max(where.endLine + by, where.startLine), this.index.lines.length - 1);
      if (endLine === where.endLine) return Promise.resolve();
      const end = this.index.lines[endLine]!;
      return this.adjust(id, { startLineId: coding.startLineId, startOffset: coding.startOffset, endLineId: end.id, endOffset: end.length });
    }
    const startLine = Math.max(Math.min(where.startLine + by, where.endLine), 0);
    if (startLine === where.startLine) return Promise.resolve();
    const start = this.index.lines[startLine]!;
    return this.adjust(id, { startLineId: start.id, startOffset: 0, endLineId: coding.endLineId, endOffset: coding.endOffset });
  }
}
