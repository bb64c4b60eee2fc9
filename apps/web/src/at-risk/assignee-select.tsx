import { KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

const BROWSE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

// The assignee of one row. A choice from the list applies at once; browsing a closed list with
// the arrow keys (which changes a native select's value on every press) applies only on Enter or
// on leaving the control, so a keyboard passing through does not reassign anything.
export function AssigneeSelect({
  number,
  currentId,
  people,
  busy,
  onChoose,
}: {
  number: string;
  currentId: string | null;
  people: readonly { id: string; name: string }[];
  busy: boolean;
  onChoose: (assigneeId: string | null) => void;
}) {
  const intl = useIntl();
  const hintId = useId();
  const [pending, setPending] = useState<string | null>(null);
  const browsedAt = useRef(0);
  useEffect(() => setPending(null), [currentId]);
  const value = pending ?? currentId ?? '';

  const apply = (chosen: string) => {
    setPending(null);
    if (chosen !== (currentId ?? '')) onChoose(chosen || null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLSelectElement>) => {
    if (BROWSE_KEYS.has(e.key) || (e.key.length === 1 && e.key !== ' '))
      browsedAt.current = Date.now();
    else if (e.key === 'Enter' && pending !== null) {
      e.preventDefault();
      apply(pending);
    } else if (e.key === 'Escape' && pending !== null) {
      e.preventDefault();
      setPending(null);
    }
  };
  return (
    <>
      <select
        aria-label={intl.formatMessage(
          { id: 'atRisk.row.assigneeFor', defaultMessage: 'Assignee for {number}' },
          { number },
        )}
        aria-describedby={pending !== null ? hintId : undefined}
        value={value}
        disabled={busy}
        aria-busy={busy || undefined}
        onKeyDown={onKeyDown}
        onBlur={() => pending !== null && apply(pending)}
        onChange={(e) => {
          if (Date.now() - browsedAt.current < 250) setPending(e.target.value);
          else apply(e.target.value);
        }}
      >
        <option value="">
          {intl.formatMessage({ id: 'atRisk.row.unassigned', defaultMessage: 'Unassigned' })}
        </option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {pending !== null && (
        <span id={hintId} className="at-risk-pending muted">
          <FormattedMessage
            id="atRisk.row.pressEnter"
            defaultMessage="Enter to reassign, Escape to keep"
          />
        </span>
      )}
    </>
  );
}
