import { RefObject } from 'react';
import { useIntl } from 'react-intl';
import { Shortcut, useShortcuts } from '../ui/keyboard-shortcuts';
import type { RequestView, Sides } from './request-types';
import type { Move } from './status-actions';
import type { RequestActions } from './use-request-actions';

// Single keys for the frequent moves (off while typing; "?" lists them). Only what the reader
// may do now is registered.
export function useRequestShortcuts({
  request,
  sides,
  moves,
  actions,
  commentBox,
  userId,
}: {
  request: RequestView | undefined;
  sides: Sides | null;
  moves: Move[];
  actions: RequestActions;
  commentBox: RefObject<HTMLTextAreaElement | null>;
  userId: string;
}): void {
  const intl = useIntl();
  const list: Shortcut[] = [];
  if (request && sides) {
    list.push({
      key: 'c',
      description: intl.formatMessage({
        id: 'request.shortcut.comment',
        defaultMessage: 'Write a comment',
      }),
      run: () => commentBox.current?.focus(),
    });
    const workable = request.status !== 'CLOSED' && request.status !== 'CANCELLED';
    if (sides.supplier && sides.supplierMember && workable && request.assignee?.id !== userId)
      list.push({
        key: 'a',
        description: intl.formatMessage({
          id: 'request.shortcut.assign',
          defaultMessage: 'Assign to me',
        }),
        run: () => void actions.setAssignee(userId),
      });
    const byKey: Record<string, string> = {
      IN_PROGRESS: 's',
      RESOLVED: 'r',
      WAITING_ON_CUSTOMER: 'w',
    };
    for (const move of moves) {
      // "s" starts work; a customer's reopen stays a deliberate click.
      if (move.to === 'IN_PROGRESS' && !sides.supplier) continue;
      const key = byKey[move.to];
      if (key) list.push({ key, description: move.name, run: () => void actions.move(move.to) });
    }
  }
  useShortcuts(list);
}
