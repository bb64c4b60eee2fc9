import { useCallback, useRef, useState } from 'react';
import { OperationResult, useMutation } from 'urql';
import { refusalOf, Refusal } from '../api/errors';
import type { Priority, RequestStatus } from '../gql/graphql';
import { AssignMutation, ChangePriorityMutation, ChangeStatusMutation } from './request-documents';
import type { RequestView } from './request-types';

// The request's versioned changes, each sent with the version on screen (expectedVersion), so a
// change made meanwhile by someone else is refused as stale instead of overwritten.
export function useRequestActions(request: RequestView | undefined) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  // Own changes in flight or just made: their live events are not "someone else".
  const ownUntil = useRef(0);
  const inFlight = useRef(0);
  const [, changeStatus] = useMutation(ChangeStatusMutation);
  const [, assign] = useMutation(AssignMutation);
  const [, changePriority] = useMutation(ChangePriorityMutation);

  const own = useCallback((phase: 'start' | 'done') => {
    if (phase === 'start') inFlight.current += 1;
    else {
      inFlight.current = Math.max(0, inFlight.current - 1);
      ownUntil.current = Date.now() + 3000;
    }
  }, []);

  const isOwnEvent = useCallback(() => inFlight.current > 0 || Date.now() < ownUntil.current, []);

  const run = useCallback(
    async (send: () => Promise<OperationResult>) => {
      setRefusal(null);
      setBusy(true);
      own('start');
      try {
        const result = await send();
        const refused = refusalOf(result.error);
        if (refused) setRefusal(refused);
        return !refused;
      } finally {
        own('done');
        setBusy(false);
      }
    },
    [own],
  );

  const move = useCallback(
    (status: RequestStatus) =>
      request
        ? run(() => changeStatus({ id: request.id, status, expectedVersion: request.version }))
        : Promise.resolve(false),
    [request, run, changeStatus],
  );

  const setAssignee = useCallback(
    (assigneeId: string | null) =>
      request
        ? run(() => assign({ id: request.id, assigneeId, expectedVersion: request.version }))
        : Promise.resolve(false),
    [request, run, assign],
  );

  const setPriority = useCallback(
    (priority: Priority) =>
      request
        ? run(() => changePriority({ id: request.id, priority, expectedVersion: request.version }))
        : Promise.resolve(false),
    [request, run, changePriority],
  );

  return {
    move,
    setAssignee,
    setPriority,
    busy,
    refusal,
    setRefusal,
    own,
    isOwnEvent,
  };
}

export type RequestActions = ReturnType<typeof useRequestActions>;
