import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { codeLevels, type Category, type Code } from '../../../../shared/coding/contract.js';
import { Button } from '../../ui/index.js';
import { useFormat } from '../../i18n/index.js';
import { categoryOptions, countsById, filterAndSort, noFilter, sortKeys, type CodeFilter, type SortKey } from './model.js';

/** Every row is this tall (CSS keeps it so), which is what lets the list draw only the rows in view. */
export const rowHeight = 44;
/** Rows drawn above and below the visible ones, so a quick scroll does not show blank space. */
const overscan = 8;

export const codeDragType = 'application/x-groundwork-codes';

interface CodeListProps {
  codes: Code[];
  categories: Category[];
  categoryById: Map<number, Category>;
  openId: number | null;
  onOpen: (id: number) => void;
  selected: ReadonlySet<number>;
  onSelectedChange: (next: Set<number>) => void;
  /** What can be done with the chosen codes, between the filters and the list (always there, so the list never jumps). */
  toolbar: ReactNode;
}

/**
 * The code list: filter, sort, choose several (checkbox, Shift for a range, the keyboard), open one.
 * Only the rows in view are in the page, so 2,000 codes scroll as quickly as 20.
 */
export function CodeList({ codes, categories, categoryById, openId, onOpen, selected, onSelectedChange, toolbar }: CodeListProps) {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(useFormat().locale);
  const id = useId();
  const [filter, setFilter] = useState<CodeFilter>(noFilter);
  const [sort, setSort] = useState<SortKey>('name');
  const counts = useMemo(() => countsById(codes), [codes]);
  const shown = useMemo(() => filterAndSort(codes, categories, filter, sort, counts), [codes, categories, filter, sort, counts]);
  const options = useMemo(() => categoryOptions(categories), [categories]);
  const pathById = useMemo(() => new Map(options.map((option) => [option.id, option.path])), [options]);

  // The window of rows in view.
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(480);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () => setViewHeight(element.clientHeight || 480);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(shown.length, Math.ceil((scrollTop + viewHeight) / rowHeight) + overscan);
  const rows = shown.slice(first, last);

  // Keyboard focus among the rows: which row and which of its controls, kept while rows come and go.
  const [focus, setFocus] = useState<{ index: number; part: 'check' | 'name' } | null>(null);
  useEffect(() => {
    if (!focus) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${focus.index}"] [data-part="${focus.part}"]`);
    if (element && document.activeElement !== element) element.focus();
  }, [focus, first, last]);

  function scrollToRow(index: number) {
    const element = scrollRef.current;
    if (!element) return;
    const header = element.querySelector('thead')?.offsetHeight ?? rowHeight;
    const top = index * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight - header) element.scrollTop = top + rowHeight - element.clientHeight + header;
    setScrollTop(element.scrollTop);
  }

  const anchor = useRef<number | null>(null);
  // The one row Tab stops at: the one last focused, if it is drawn, else the first drawn.
  const tabRow = focus && focus.index >= first && focus.index < last ? focus.index : first;

  function toggle(index: number, range: boolean) {
    const code = shown[index];
    if (!code) return;
    const next = new Set(selected);
    if (range && anchor.current !== null && shown[anchor.current]) {
      const on = selected.has(shown[anchor.current]!.id);
      const [from, to] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
      for (let at = from; at <= to; at++) {
        if (on) next.add(shown[at]!.id);
        else next.delete(shown[at]!.id);
      }
    } else {
      if (next.has(code.id)) next.delete(code.id);
      else next.add(code.id);
      anchor.current = index;
    }
    onSelectedChange(next);
  }

  function onRowKey(event: KeyboardEvent<HTMLElement>, index: number, part: 'check' | 'name') {
    const move = (to: number) => {
      event.preventDefault();
      const target = Math.max(0, Math.min(shown.length - 1, to));
      scrollToRow(target);
      setFocus({ index: target, part });
      if (event.shiftKey && shown[target]) {
        const next = new Set(selected);
        next.add(shown[index]!.id);
        next.add(shown[target].id);
        onSelectedChange(next);
        anchor.current ??= index;
      }
    };
    const page = Math.max(1, Math.floor(viewHeight / rowHeight) - 1);
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'PageDown') move(index + page);
    else if (event.key === 'PageUp') move(index - page);
    else if (event.key === 'Home' && event.ctrlKey) move(0);
    else if (event.key === 'End' && event.ctrlKey) move(shown.length - 1);
    else if (event.key === 'ArrowRight' && part === 'check') {
      event.preventDefault();
      setFocus({ index, part: 'name' });
    } else if (event.key === 'ArrowLeft' && part === 'name') {
      event.preventDefault();
      setFocus({ index, part: 'check' });
    } else if (event.key === ' ' && part === 'check' && event.shiftKey) {
      event.preventDefault();
      toggle(index, true);
    } else if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSelectedChange(new Set([...selected, ...shown.map((code) => code.id)]));
    } else if (event.key === 'Escape' && selected.size > 0) {
      event.preventDefault();
      onSelectedChange(new Set());
    }
  }

  const allShownSelected = shown.length > 0 && shown.every((code) => selected.has(code.id));
  const someShownSelected = !allShownSelected && shown.some((code) => selected.has(code.id));
  const selectAllRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = someShownSelected;
  }, [someShownSelected]);

  const categoryFilterValue = filter.category.kind === 'category' ? String(filter.category.id) : filter.category.kind;

  return (
    <div className="codebook-list">
      <div className="codebook-filters" role="search" aria-label={t('codebook.list.filtersLabel')}>
        <div className="field codebook-filters__text">
          <label className="field__label" htmlFor={`${id}-text`}>
            {t('codebook.list.filterText')}
          </label>
          <input
            id={`${id}-text`}
            type="search"
            className="input"
            value={filter.text}
            placeholder={t('codebook.list.filterTextPlaceholder')}
            onChange={(event) => setFilter({ ...filter, text: event.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-level`}>
            {t('codebook.list.filterLevel')}
          </label>
          <select
            id={`${id}-level`}
            className="select"
            value={filter.level}
            onChange={(event) => setFilter({ ...filter, level: event.target.value as CodeFilter['level'] })}
          >
            <option value="any">{t('codebook.list.levelAny')}</option>
            {codeLevels.map((level) => (
              <option key={level} value={level}>
                {t(`codebook.level.${level}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-category`}>
            {t('codebook.list.filterCategory')}
          </label>
          <select
            id={`${id}-category`}
            className="select codebook-filters__category"
            value={categoryFilterValue}
            onChange={(event) => {
              const value = event.target.value;
              setFilter({
                ...filter,
                category: value === 'any' ? { kind: 'any' } : value === 'unplaced' ? { kind: 'unplaced' } : { kind: 'category', id: Number(value) },
              });
            }}
          >
            <option value="any">{t('codebook.list.categoryAny')}</option>
            <option value="unplaced">{t('codebook.list.categoryUnplaced')}</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {'\u2003'.repeat(option.depth)}
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-sort`}>
            {t('codebook.list.sort')}
          </label>
          <select id={`${id}-sort`} className="select" value={sort} onChange={(event) => setSort(event.target.value as SortKey)}>
            {sortKeys.map((key) => (
              <option key={key} value={key}>
                {t(`codebook.list.sortBy.${key}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <p className="muted small codebook-list__count" aria-live="polite">
        {filter === noFilter || shown.length === codes.length
          ? t('codebook.list.count', { count: codes.length })
          : t('codebook.list.countFiltered', { count: shown.length, total: codes.length })}
      </p>
      {codes.length > 0 ? toolbar : null}

      {codes.length === 0 ? (
        <p className="muted">{t('codebook.list.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="muted">
          {t('codebook.list.emptyFilter')}{' '}
          <Button variant="quiet" onClick={() => setFilter(noFilter)}>
            {t('codebook.list.clearFilter')}
          </Button>
        </p>
      ) : (
        <div ref={scrollRef} className="codebook-list__scroll" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
          <table className="table codebook-table" aria-label={t('codebook.list.caption')} aria-rowcount={shown.length + 1}>
            <colgroup>
              <col className="codebook-table__check" />
              <col />
              <col className="codebook-table__level" />
              <col className="codebook-table__category" />
              <col className="codebook-table__count" />
              <col className="codebook-table__count" />
            </colgroup>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col">
                  <input
                    ref={selectAllRef}
                    type="checkbox"
                    className="codebook-check"
                    aria-label={t('codebook.list.selectAllShown', { count: shown.length })}
                    checked={allShownSelected}
                    onChange={() => {
                      const next = new Set(selected);
                      for (const code of shown) {
                        if (allShownSelected) next.delete(code.id);
                        else next.add(code.id);
                      }
                      onSelectedChange(next);
                    }}
                  />
                </th>
                <th scope="col">{t('codebook.list.columnName')}</th>
                <th scope="col">{t('codebook.list.columnLevel')}</th>
                <th scope="col">{t('codebook.list.columnCategory')}</th>
                <th scope="col" className="table__number">
                  {t('codebook.list.columnCodings')}
                </th>
                <th scope="col" className="table__number">
                  {t('codebook.list.columnInterviews')}
                </th>
              </tr>
            </thead>
            <tbody>
              {first > 0 ? <tr className="codebook-table__spacer" aria-hidden="true" style={{ height: first * rowHeight }} /> : null}
              {rows.map((code, offset) => {
                const index = first + offset;
                const isSelected = selected.has(code.id);
                const category = code.categoryId === null ? null : categoryById.get(code.categoryId);
                return (
                  <tr
                    key={code.id}
                    data-row={index}
                    aria-rowindex={index + 2}
                    aria-current={openId === code.id ? 'true' : undefined}
                    className={['codebook-row', isSelected ? 'codebook-row--selected' : '', openId === code.id ? 'codebook-row--open' : ''].join(' ')}
                  >
                    <td>
                      <input
                        type="checkbox"
                        className="codebook-check"
                        data-part="check"
                        tabIndex={index === tabRow ? 0 : -1}
                        aria-label={t('codebook.list.select', { name: code.name })}
                        checked={isSelected}
                        onFocus={() => setFocus({ index, part: 'check' })}
                        onClick={(event: MouseEvent<HTMLInputElement>) => {
                          // The click toggles; the change below is only React's bookkeeping.
                          toggle(index, event.shiftKey);
                        }}
                        onChange={() => {}}
                        onKeyDown={(event) => onRowKey(event, index, 'check')}
                      />
                    </td>
                    <th scope="row">
                      <div className="codebook-row__name">
                        <span className="codebook-swatch" aria-hidden="true" style={{ background: code.colour }} />
                        <button
                          type="button"
                          className="codebook-row__open"
                          data-part="name"
                          tabIndex={index === tabRow ? 0 : -1}
                          title={code.name}
                          onFocus={() => setFocus({ index, part: 'name' })}
                          onClick={(event) => (event.shiftKey ? toggle(index, true) : onOpen(code.id))}
                          onKeyDown={(event) => onRowKey(event, index, 'name')}
                        >
                          {code.name}
                        </button>
                      </div>
                    </th>
                    <td title={code.linked.length > 0 ? t(`codebook.list.linked.${code.level}`, { count: code.linked.length }) : undefined}>
                      {t(`codebook.level.${code.level}`)}
                      {code.linked.length > 0 ? (
                        <span className="muted small">
                          {' '}
                          {code.level === 'initial' ? <span aria-hidden="true">↑</span> : null}
                          <span className="visually-hidden">{t(`codebook.list.linked.${code.level}`, { count: code.linked.length })}</span>
                        </span>
                      ) : null}
                    </td>
                    <td className="codebook-row__category" title={code.categoryId === null ? undefined : pathById.get(code.categoryId)}>
                      {category ? category.name : code.level === 'focused' ? <span className="muted">{t('codebook.list.notPlaced')}</span> : null}
                    </td>
                    <CountCells code={code} counts={counts.get(code.id)!} format={number.format} />
                  </tr>
                );
              })}
              {last < shown.length ? <tr className="codebook-table__spacer" aria-hidden="true" style={{ height: (shown.length - last) * rowHeight }} /> : null}
            </tbody>
          </table>
        </div>
      )}
      {shown.length > 0 ? <p className="muted small codebook-list__help">{t('codebook.list.keysHelp')}</p> : null}
    </div>
  );
}

/** A code's codings and interviews; a focused code's include what is found under it, and say so. */
function CountCells({ code, counts, format }: { code: Code; counts: { codings: number; interviews: number }; format: (value: number) => string }) {
  const { t } = useTranslation();
  const through = code.level === 'focused' && code.linked.length > 0;
  const title = through ? t('codebook.list.foundTitle', { own: code.codings, count: counts.codings }) : undefined;
  return (
    <>
      <td className="table__number" title={title}>
        {format(counts.codings)}
      </td>
      <td className="table__number" title={title}>
        {format(counts.interviews)}
      </td>
    </>
  );
}
