import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { refusalOf } from '../api/errors';
import { QueueAssignMutation } from './queue-documents';
import { assignErrorText } from './queue-errors';
import type { QueueRequest } from './queue-row';

// "Assign to me" from a row, with the version the row showed: if someone changed the request
// meanwhile the API refuses it, and the reader is told who did while the page refreshes.
export function useAssignToMe(
  meId: string,
  live: { say: (text: string) => void; ownChange: (id: string) => void },
  refresh: () => void,
) {
  const intl = useIntl();
  const [, assign] = useMutation(QueueAssignMutation);
  const [assigningId, setAssigningId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const assignToMe = useCallback(
    async (request: QueueRequest) => {
      setAssigningId(request.id);
      setError(null);
      live.ownChange(request.id);
      const result = await assign({
        id: request.id,
        assigneeId: meId,
        expectedVersion: request.version,
      });
      setAssigningId(null);
      const refusal = refusalOf(result.error);
      if (refusal) {
        setError(assignErrorText(intl, refusal, request.number));
        refresh();
        return;
      }
      live.say(
        intl.formatMessage(
          { id: 'queue.assign.done', defaultMessage: '{number} is assigned to you' },
          { number: request.number },
        ),
      );
    },
    [assign, intl, meId, refresh, live],
  );

  return { assignToMe, assigningId, error, clearError: () => setError(null) };
}
