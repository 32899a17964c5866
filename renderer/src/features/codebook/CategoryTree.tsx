import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Code } from '../../../../shared/coding/contract.js';
import { codeDragType } from './CodeList.js';
import { canMoveUnder, childrenByParent, countsOf, keyboardMove, type MoveKey } from './model.js';

const categoryDragType = 'application/x-groundwork-category';

type Node =
  | { kind: 'category'; key: string; category: Category; depth: number; setSize: number; position: number; hasChildren: boolean; parentKey: string | null }
  | { kind: 'code'; key: string; code: Code; depth: number; setSize: number; position: number; categoryId: number; parentKey: string };

type Zone = 'before' | 'after' | 'into';

interface CategoryTreeProps {
  categories: Category[];
  byId: Map<number, Code>;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onOpenCode: (id: number) => void;
  onMove: (move: { id: number; parentId: number | null; position: number }) => Promise<unknown>;
  onPlace: (codeIds: number[], categoryId: number | null, position?: number) => Promise<unknown>;
  onDelete: (id: number) => void;
  onAnnounce: (message: string) => void;
}

/**
 * The categories as a tree (role="tree"): main categories, their subcategories, and the focused
 * codes placed under each. Arranged by dragging, or from the keyboard: arrows move through the
 * tree, Alt+Arrow Up/Down moves among siblings, Alt+Arrow Right makes a category a subcategory of
 * the one before it, Alt+Arrow Left moves it out one level.
 */
export function CategoryTree({ categories, byId, selectedId, onSelect, onOpenCode, onMove, onPlace, onDelete, onAnnounce }: CategoryTreeProps) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const [active, setActive] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ key: string; zone: Zone } | null>(null);
  const dragged = useRef<{ kind: 'category'; id: number } | { kind: 'codes'; ids: number[] } | null>(null);
  /** A category is being dragged: the place to make it a main category shows. */
  const [draggingCategory, setDraggingCategory] = useState(false);
  const treeRef = useRef<HTMLUListElement>(null);
  const focusAfterRender = useRef(false);

  const children = useMemo(() => childrenByParent(categories), [categories]);
  const categoryById = useMemo(() => new Map(categories.map((category) => [category.id, category])), [categories]);

  // The visible nodes, in order (a collapsed category hides what is under it).
  const nodes = useMemo(() => {
    const list: Node[] = [];
    const walk = (parentId: number | null, depth: number, parentKey: string | null) => {
      const siblings = children.get(parentId) ?? [];
      siblings.forEach((category, index) => {
        const key = `cat:${category.id}`;
        const codes = category.codeIds.map((id) => byId.get(id)).filter((code): code is Code => code !== undefined);
        const subcategories = children.get(category.id) ?? [];
        list.push({ kind: 'category', key, category, depth, setSize: siblings.length, position: index + 1, hasChildren: subcategories.length + codes.length > 0, parentKey });
        if (collapsed.has(category.id) || depth > 20) return;
        const count = subcategories.length + codes.length;
        codes.forEach((code, codeIndex) =>
          list.push({ kind: 'code', key: `code:${category.id}:${code.id}`, code, depth: depth + 1, setSize: count, position: codeIndex + 1, categoryId: category.id, parentKey: key }),
        );
        walk(category.id, depth + 1, key);
      });
    };
    walk(null, 0, null);
    return list;
  }, [children, byId, collapsed]);

  const activeKey = active !== null && nodes.some((node) => node.key === active) ? active : (nodes[0]?.key ?? null);

  useEffect(() => {
    if (!focusAfterRender.current || activeKey === null) return;
    focusAfterRender.current = false;
    treeRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(activeKey)}"]`)?.focus();
  });

  function focusNode(key: string | undefined) {
    if (!key) return;
    setActive(key);
    focusAfterRender.current = true;
  }

  const nameOf = (id: number | null) => (id === null ? '' : (categoryById.get(id)?.name ?? ''));

  async function moveCategory(id: number, parentId: number | null, position: number) {
    const category = categoryById.get(id);
    if (!category) return;
    await onMove({ id, parentId, position });
    focusNode(`cat:${id}`);
    const siblings = (children.get(parentId) ?? []).filter((sibling) => sibling.id !== id).length + 1;
    onAnnounce(
      parentId === null
        ? t('codebook.tree.movedTop', { name: category.name, position: Math.min(position, siblings - 1) + 1, count: siblings })
        : t('codebook.tree.movedUnder', { name: category.name, parent: nameOf(parentId), position: Math.min(position, siblings - 1) + 1, count: siblings }),
    );
  }

  async function placeCodes(ids: number[], categoryId: number | null, position?: number) {
    await onPlace(ids, categoryId, position);
    const first = byId.get(ids[0]!);
    if (categoryId !== null && ids.length === 1) focusNode(`code:${categoryId}:${ids[0]}`);
    if (first) {
      onAnnounce(
        categoryId === null
          ? t('codebook.tree.codeTakenOut', { name: first.name, count: ids.length })
          : t('codebook.tree.codePlaced', { name: first.name, count: ids.length, category: nameOf(categoryId) }),
      );
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const index = nodes.findIndex((node) => node.key === activeKey);
    const node = nodes[index];
    if (!node) return;
    const key = event.key;

    if (event.altKey && ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(key)) {
      event.preventDefault();
      const direction: MoveKey = key === 'ArrowUp' ? 'up' : key === 'ArrowDown' ? 'down' : key === 'ArrowRight' ? 'in' : 'out';
      if (node.kind === 'category') {
        const move = keyboardMove(categories, node.category.id, direction);
        if (!move) {
          onAnnounce(t('codebook.tree.cannotMove'));
          return;
        }
        if (direction === 'in') setCollapsed((current) => new Set([...current].filter((id) => id !== move.parentId)));
        moveCategory(move.id, move.parentId, move.position).catch(() => {});
      } else {
        const category = categoryById.get(node.categoryId);
        if (!category) return;
        const at = category.codeIds.indexOf(node.code.id);
        if (direction === 'up' && at > 0) placeCodes([node.code.id], category.id, at - 1).catch(() => {});
        else if (direction === 'down' && at < category.codeIds.length - 1) placeCodes([node.code.id], category.id, at + 1).catch(() => {});
        else if (direction === 'out') {
          placeCodes([node.code.id], category.parentId).catch(() => {});
          if (category.parentId === null) focusNode(`cat:${category.id}`);
        } else onAnnounce(t('codebook.tree.cannotMove'));
      }
      return;
    }

    if (key === 'ArrowDown') {
      event.preventDefault();
      focusNode(nodes[index + 1]?.key);
    } else if (key === 'ArrowUp') {
      event.preventDefault();
      focusNode(nodes[index - 1]?.key);
    } else if (key === 'Home') {
      event.preventDefault();
      focusNode(nodes[0]?.key);
    } else if (key === 'End') {
      event.preventDefault();
      focusNode(nodes[nodes.length - 1]?.key);
    } else if (key === 'ArrowRight') {
      event.preventDefault();
      if (node.kind === 'category' && node.hasChildren) {
        if (collapsed.has(node.category.id)) setCollapsed((current) => new Set([...current].filter((id) => id !== node.category.id)));
        else focusNode(nodes[index + 1]?.key);
      }
    } else if (key === 'ArrowLeft') {
      event.preventDefault();
      if (node.kind === 'category' && node.hasChildren && !collapsed.has(node.category.id)) setCollapsed((current) => new Set([...current, node.category.id]));
      else if (node.parentKey) focusNode(node.parentKey);
    } else if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      if (node.kind === 'category') onSelect(node.category.id);
      else onOpenCode(node.code.id);
    } else if (key === 'Delete' && node.kind === 'category') {
      event.preventDefault();
      focusNode(nodes[index + 1]?.key ?? nodes[index - 1]?.key);
      onDelete(node.category.id);
    }
  }

  // Dragging.
  function zoneOf(event: DragEvent<HTMLElement>, node: Node): Zone {
    const box = event.currentTarget.getBoundingClientRect();
    const y = event.clientY - box.top;
    if (node.kind === 'code') return y < box.height / 2 ? 'before' : 'after';
    if (y < box.height * 0.28) return 'before';
    if (y > box.height * 0.72) return 'after';
    return 'into';
  }

  function draggedCodes(event: DragEvent<HTMLElement>): number[] | null {
    if (dragged.current?.kind === 'codes') return dragged.current.ids;
    if (!event.dataTransfer.types.includes(codeDragType)) return null;
    try {
      const ids = JSON.parse(event.dataTransfer.getData(codeDragType)) as unknown;
      return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : null;
    } catch {
      return null;
    }
  }

  function onDragOver(event: DragEvent<HTMLElement>, node: Node) {
    const types = event.dataTransfer.types;
    const isCategory = dragged.current?.kind === 'category' || types.includes(categoryDragType);
    const isCodes = dragged.current?.kind === 'codes' || types.includes(codeDragType);
    if (!isCategory && !isCodes) return;
    if (isCategory && node.kind === 'code') return;
    let zone = zoneOf(event, node);
    if (isCodes && node.kind === 'category') zone = 'into';
    if (isCategory && dragged.current?.kind === 'category') {
      const parentId = zone === 'into' && node.kind === 'category' ? node.category.id : node.kind === 'category' ? node.category.parentId : null;
      if (!canMoveUnder(categories, dragged.current.id, parentId) || (node.kind === 'category' && node.category.id === dragged.current.id)) return;
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (drop?.key !== node.key || drop.zone !== zone) setDrop({ key: node.key, zone });
  }

  function onDrop(event: DragEvent<HTMLElement>, node: Node) {
    event.preventDefault();
    event.stopPropagation();
    const zone = drop?.key === node.key ? drop.zone : zoneOf(event, node);
    setDrop(null);
    setDraggingCategory(false);
    const moving = dragged.current;
    dragged.current = null;
    const categoryId = moving?.kind === 'category' ? moving.id : event.dataTransfer.types.includes(categoryDragType) ? Number(event.dataTransfer.getData(categoryDragType)) : null;
    if (categoryId !== null && node.kind === 'category') {
      const target = node.category;
      if (target.id === categoryId) return;
      if (zone === 'into') {
        const count = (children.get(target.id) ?? []).filter((child) => child.id !== categoryId).length;
        setCollapsed((current) => new Set([...current].filter((id) => id !== target.id)));
        moveCategory(categoryId, target.id, count).catch(() => {});
      } else {
        const siblings = (children.get(target.parentId) ?? []).filter((sibling) => sibling.id !== categoryId);
        const at = siblings.findIndex((sibling) => sibling.id === target.id);
        moveCategory(categoryId, target.parentId, zone === 'before' ? at : at + 1).catch(() => {});
      }
      return;
    }
    const codes = draggedCodes(event);
    if (!codes || codes.length === 0) return;
    if (node.kind === 'category') placeCodes(codes, node.category.id).catch(() => {});
    else {
      const category = categoryById.get(node.categoryId);
      if (!category) return;
      const others = category.codeIds.filter((id) => !codes.includes(id));
      const at = others.indexOf(node.code.id);
      placeCodes(codes, category.id, zone === 'before' ? at : at + 1).catch(() => {});
    }
  }

  function onDropTop(event: DragEvent<HTMLElement>) {
    const moving = dragged.current;
    dragged.current = null;
    setDrop(null);
    setDraggingCategory(false);
    if (moving?.kind !== 'category') return;
    event.preventDefault();
    const count = (children.get(null) ?? []).filter((sibling) => sibling.id !== moving.id).length;
    moveCategory(moving.id, null, count).catch(() => {});
  }

  if (nodes.length === 0) return <p className="muted">{t('codebook.tree.empty')}</p>;

  return (
    <>
      <ul ref={treeRef} role="tree" aria-label={t('codebook.tree.label')} aria-describedby="codebook-tree-keys" className="codebook-tree" onKeyDown={onKeyDown}>
        {nodes.map((node) => {
          const isActive = node.key === activeKey;
          const dropClass = drop?.key === node.key ? ` codebook-tree__item--drop-${drop.zone}` : '';
          const common = {
            'data-key': node.key,
            role: 'treeitem',
            'aria-label': node.kind === 'category' ? node.category.name : node.code.name,
            tabIndex: isActive ? 0 : -1,
            'aria-level': node.depth + 1,
            'aria-setsize': node.setSize,
            'aria-posinset': node.position,
            onFocus: () => setActive(node.key),
            onDragOver: (event: DragEvent<HTMLLIElement>) => onDragOver(event, node),
            onDragLeave: (event: DragEvent<HTMLLIElement>) => {
              if (!event.currentTarget.contains(event.relatedTarget as globalThis.Node | null)) setDrop((current) => (current?.key === node.key ? null : current));
            },
            onDrop: (event: DragEvent<HTMLLIElement>) => onDrop(event, node),
            onDragEnd: () => {
              dragged.current = null;
              setDrop(null);
              setDraggingCategory(false);
            },
            draggable: true,
            style: { '--depth': node.depth } as React.CSSProperties,
          };
          if (node.kind === 'category') {
            const { category } = node;
            const expanded = node.hasChildren ? !collapsed.has(category.id) : undefined;
            return (
              <li
                key={node.key}
                {...common}
                aria-expanded={expanded}
                aria-selected={selectedId === category.id}
                className={`codebook-tree__item codebook-tree__item--category${selectedId === category.id ? ' codebook-tree__item--selected' : ''}${dropClass}`}
                onClick={() => {
                  setActive(node.key);
                  onSelect(category.id);
                }}
                onDragStart={(event) => {
                  event.stopPropagation();
                  dragged.current = { kind: 'category', id: category.id };
                  setDraggingCategory(true);
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData(categoryDragType, String(category.id));
                  event.dataTransfer.setData('text/plain', category.name);
                }}
              >
                <span
                  className="codebook-tree__toggle"
                  aria-hidden="true"
                  onClick={(event) => {
                    event.stopPropagation();
                    if (!node.hasChildren) return;
                    setCollapsed((current) => {
                      const next = new Set(current);
                      if (next.has(category.id)) next.delete(category.id);
                      else next.add(category.id);
                      return next;
                    });
                  }}
                >
                  {node.hasChildren ? (expanded ? '▾' : '▸') : ''}
                </span>
                <span className="codebook-swatch" aria-hidden="true" style={{ background: category.colour }} />
                <span className="codebook-tree__name">{category.name}</span>
                <span className="codebook-tree__meta muted small">
                  {node.depth === 0 ? t('codebook.tree.main') : t('codebook.tree.sub')}
                  {category.codeIds.length > 0 ? ` · ${t('codebook.tree.codes', { count: category.codeIds.length })}` : ''}
                </span>
              </li>
            );
          }
          const { code } = node;
          return (
            <li
              key={node.key}
              {...common}
              className={`codebook-tree__item codebook-tree__item--code${dropClass}`}
              onClick={() => setActive(node.key)}
              onDoubleClick={() => onOpenCode(code.id)}
              onDragStart={(event) => {
                event.stopPropagation();
                dragged.current = { kind: 'codes', ids: [code.id] };
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData(codeDragType, JSON.stringify([code.id]));
                event.dataTransfer.setData('text/plain', code.name);
              }}
            >
              <span className="codebook-tree__toggle" aria-hidden="true" />
              <span className="codebook-swatch" aria-hidden="true" style={{ background: code.colour }} />
              <span className="codebook-tree__name">{code.name}</span>
              <span className="codebook-tree__meta muted small">
                {t('codebook.tree.focusedCode')} · {t('codebook.detail.codings', { count: countsOf(code, byId).codings })}
              </span>
            </li>
          );
        })}
      </ul>
      {draggingCategory ? (
        <div
          className={`codebook-tree__top${drop?.key === 'top' ? ' codebook-tree__top--drop' : ''}`}
          onDragOver={(event) => {
            if (dragged.current?.kind !== 'category') return;
            event.preventDefault();
            if (drop?.key !== 'top') setDrop({ key: 'top', zone: 'into' });
          }}
          onDragLeave={() => setDrop((current) => (current?.key === 'top' ? null : current))}
          onDrop={onDropTop}
        >
          {t('codebook.tree.dropTop')}
        </div>
      ) : null}
      <p id="codebook-tree-keys" className="muted small">
        {t('codebook.tree.keysHelp')}
      </p>
    </>
  );
}
