import { KeyboardEvent, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Dept, flatten, TreeNode } from './org-tree';

// The org chart as an ARIA tree: one tab stop; arrows move (Right opens or goes in, Left closes
// or goes up, mirrored right to left), Home/End, a letter jumps to the next name starting with
// it, Enter or Space selects; a click selects too.
export function DepartmentTree({
  tree,
  selectedId,
  onSelect,
  labelId,
}: {
  tree: TreeNode[];
  selectedId: string | null;
  onSelect: (dept: Dept) => void;
  labelId: string;
}) {
  const intl = useIntl();
  const [closed, setClosed] = useState<Set<string>>(new Set());
  const [focusId, setFocusId] = useState<string | null>(selectedId);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const visible = flatten(tree, (id) => !closed.has(id));
  const all = flatten(tree);
  const current = visible.find((n) => n.dept.id === focusId) ?? visible[0];
  const parentOf = (id: string) => all.find((n) => n.children.some((c) => c.dept.id === id));
  const [moved, setMoved] = useState(false);

  useEffect(() => {
    if (moved && current) refs.current.get(current.dept.id)?.focus();
    setMoved(false);
  }, [moved, current]);

  const go = (node: TreeNode | undefined) => {
    if (!node) return;
    setFocusId(node.dept.id);
    setMoved(true);
  };
  const toggle = (id: string, open: boolean) =>
    setClosed((was) => {
      const next = new Set(was);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!current) return;
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const index = visible.indexOf(current);
    const id = current.dept.id;
    const isOpen = current.children.length > 0 && !closed.has(id);
    let key = event.key;
    if (rtl && key === 'ArrowLeft') key = 'ArrowRight';
    else if (rtl && key === 'ArrowRight') key = 'ArrowLeft';
    switch (key) {
      case 'ArrowDown':
        go(visible[index + 1]);
        break;
      case 'ArrowUp':
        go(visible[index - 1]);
        break;
      case 'Home':
        go(visible[0]);
        break;
      case 'End':
        go(visible[visible.length - 1]);
        break;
      case 'ArrowRight':
        if (current.children.length === 0) return;
        if (isOpen) go(current.children[0]);
        else toggle(id, true);
        break;
      case 'ArrowLeft':
        if (isOpen) toggle(id, false);
        else go(parentOf(id));
        break;
      case 'Enter':
      case ' ':
        onSelect(current.dept);
        break;
      default: {
        // Type-ahead: the next department whose name starts with the letter typed.
        if (key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const letter = key.toLocaleLowerCase();
        const after = [...visible.slice(index + 1), ...visible.slice(0, index + 1)];
        const found = after.find((n) => n.dept.name.toLocaleLowerCase().startsWith(letter));
        if (!found) return;
        go(found);
      }
    }
    event.preventDefault();
    event.stopPropagation();
  };

  // A flat list of the visible rows, each with its level, position and size in its group
  // (the ARIA tree's flat form): a row's box is just that row, so a click lands on it.
  const siblingsOf = (node: TreeNode) => parentOf(node.dept.id)?.children ?? tree;
  const item = (node: TreeNode) => {
    const d = node.dept;
    const hasChildren = node.children.length > 0;
    const isOpen = hasChildren && !closed.has(d.id);
    const labelFor = `dept-${d.id}-label`;
    const siblings = siblingsOf(node);
    return (
      <li
        key={d.id}
        role="treeitem"
        aria-level={node.depth}
        aria-setsize={siblings.length}
        aria-posinset={siblings.indexOf(node) + 1}
        aria-expanded={hasChildren ? isOpen : undefined}
        aria-selected={d.id === selectedId}
        aria-labelledby={`${labelFor} ${labelFor}-code`}
        aria-describedby={`${labelFor}-facts`}
        tabIndex={current?.dept.id === d.id ? 0 : -1}
        ref={(el) => {
          if (el) refs.current.set(d.id, el);
          else refs.current.delete(d.id);
        }}
        className={`dept-item${d.archived ? ' archived' : ''}`}
        style={{ paddingInlineStart: `${(node.depth - 1) * 1.25}rem` }}
        // Whichever way a row gets focus, the keys go on from it.
        onFocus={(event) => {
          if (event.target === event.currentTarget) setFocusId(d.id);
        }}
        onClick={() => {
          setFocusId(d.id);
          onSelect(d);
        }}
      >
        <div className={`dept-row${d.id === selectedId ? ' selected' : ''}`}>
          <span
            className="dept-twisty"
            aria-hidden="true"
            onClick={(event) => {
              if (!hasChildren) return;
              event.stopPropagation();
              toggle(d.id, !isOpen);
            }}
          >
            {hasChildren ? (isOpen ? '▾' : '▸') : '·'}
          </span>
          <span className="dept-label">
            <bdi id={labelFor} className="dept-name">
              {d.name}
            </bdi>{' '}
            <span id={`${labelFor}-code`} className="dept-code">
              {d.code}
            </span>
            <span id={`${labelFor}-facts`} className="dept-facts">
              {' · '}
              <FormattedMessage
                id="settings.departments.levelShort"
                defaultMessage="level {level, number}"
                values={{ level: d.level }}
              />
              {d.explicitLevel != null ? (
                <>
                  {' '}
                  <FormattedMessage
                    id="settings.departments.levelSetByHand"
                    defaultMessage="(set by an administrator)"
                  />
                </>
              ) : null}
              {' · '}
              {d.lead ? (
                <FormattedMessage
                  id="settings.departments.leadShort"
                  defaultMessage="lead {name}"
                  values={{ name: <bdi>{d.lead.name}</bdi> }}
                />
              ) : (
                <FormattedMessage id="settings.departments.noLeadShort" defaultMessage="no lead" />
              )}
              {d.archived ? (
                <>
                  {' · '}
                  <strong className="dept-archived">
                    <FormattedMessage
                      id="settings.departments.archivedBadge"
                      defaultMessage="Archived"
                    />
                  </strong>
                </>
              ) : null}
            </span>
          </span>
        </div>
      </li>
    );
  };

  return (
    <>
      <p id={`${labelId}-keys`} className="muted hint">
        {intl.formatMessage({
          id: 'settings.departments.treeKeys',
          defaultMessage:
            'Arrow keys move through the org chart; Enter selects a department to change it.',
        })}
      </p>
      <ul
        role="tree"
        className="dept-tree"
        aria-labelledby={labelId}
        aria-describedby={`${labelId}-keys`}
        onKeyDown={onKeyDown}
      >
        {visible.map(item)}
      </ul>
    </>
  );
}
