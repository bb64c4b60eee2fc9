import { FormEvent, KeyboardEvent, RefObject, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { personName } from '../ui/person-name';
import { useMutation } from 'urql';
import { refusalOf, Refusal } from '../api/errors';
import { AddCommentMutation } from './request-documents';
import type { CommentView, RequestView } from './request-types';
import { When } from './sla-panel';
import { AttachmentList } from './attachments';
import { AttachFilesButton, PendingFileList, usePendingUploads } from './pending-uploads';

function CommentItem({ comment, request }: { comment: CommentView; request: RequestView }) {
  const intl = useIntl();
  const dept = comment.author.department?.id;
  const side =
    dept === request.supplier.id ? 'supplier' : dept === request.customer.id ? 'customer' : 'other';
  return (
    <li className={`rq-comment ${side}${comment.internal ? ' internal' : ''}`}>
      <div className="rq-comment-head">
        <span className="rq-avatar" aria-hidden="true">
          {comment.author.name.slice(0, 1)}
        </span>
        <strong>
          <bdi>{personName(intl, comment.author)}</bdi>
        </strong>
        {comment.author.department && (
          <span className="muted">{comment.author.department.code}</span>
        )}
        {comment.internal && (
          <span className="rq-note-tag">
            <svg className="rq-lock" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
            </svg>
            <FormattedMessage id="request.comment.internal" defaultMessage="Internal note" />
          </span>
        )}
        <span className="muted rq-comment-time">
          <When at={comment.createdAt} />
        </span>
      </div>
      <p className="rq-text" dir="auto">
        {comment.body}
      </p>
      <AttachmentList attachments={comment.attachments} />
    </li>
  );
}

export function Conversation({
  request,
  onRefused,
  onSent,
  canWriteNotes,
  commentBox,
  waitForCustomer,
}: {
  request: RequestView;
  onRefused: (refusal: Refusal) => void;
  // Before and after sending: the page tells own events from others'.
  onSent: (phase: 'start' | 'done') => void;
  canWriteNotes: boolean;
  commentBox: RefObject<HTMLTextAreaElement | null>;
  // Given when the caller may move the request to waiting on the customer: the composer then
  // offers to send a question and wait in one step (one mail to the requester, not two). Its
  // name does not start with "Send", which stays the one button UI.md names so.
  waitForCustomer?: () => Promise<boolean>;
}) {
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [{ fetching }, addComment] = useMutation(AddCommentMutation);
  const uploads = usePendingUploads(request.id);
  const { uploading } = uploads;
  const empty = body.trim().length === 0;

  const [waiting, setWaiting] = useState(false);
  const asks = !!waitForCustomer && !internal;

  const send = async (event?: FormEvent, thenWait = false) => {
    event?.preventDefault();
    if (empty || fetching || uploading || waiting) return;
    onSent('start');
    const result = await addComment({
      requestId: request.id,
      body: body.trim(),
      internal: canWriteNotes && internal,
      attachmentIds: uploads.readyIds,
    });
    onSent('done');
    const refusal = refusalOf(result.error);
    if (refusal) {
      onRefused(refusal);
      return;
    }
    setBody('');
    setInternal(false);
    uploads.clear();
    if (thenWait && waitForCustomer) {
      setWaiting(true);
      try {
        await waitForCustomer();
      } finally {
        setWaiting(false);
      }
    }
  };

  // Ctrl+Enter (or ⌘+Enter) sends, as in most chat and helpdesk tools.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void send();
  };

  return (
    <section className="rq-conversation" aria-labelledby="rq-conversation-title">
      <h2 id="rq-conversation-title">
        <FormattedMessage id="request.conversation.title" defaultMessage="Conversation" />
      </h2>
      <ol className="rq-comments" aria-labelledby="rq-conversation-title">
        {request.comments.map((c) => (
          <CommentItem key={c.id} comment={c} request={request} />
        ))}
      </ol>
      {request.comments.length === 0 && (
        <p className="muted">
          <FormattedMessage id="request.conversation.empty" defaultMessage="No comments yet." />
        </p>
      )}
      <form
        className={`card rq-composer drop-target${internal ? ' internal' : ''}${uploads.dragging ? ' dragging' : ''}`}
        onSubmit={send}
        {...uploads.dropTarget}
      >
        <div className="field">
          <label htmlFor="rq-comment">
            <FormattedMessage id="request.comment.label" defaultMessage="Comment" />
          </label>
          <textarea
            id="rq-comment"
            ref={commentBox}
            dir="auto"
            value={body}
            maxLength={10000}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={onKeyDown}
            onPaste={uploads.onPaste}
            aria-describedby="rq-comment-hint rq-attach-hint"
          />
          <span id="rq-attach-hint" className="muted rq-small">
            <FormattedMessage
              id="request.attachments.hint"
              defaultMessage="Drop files here or paste a screenshot to attach it."
            />
          </span>
          <span id="rq-comment-hint" className="muted rq-small">
            {internal ? (
              <FormattedMessage
                id="request.comment.internalHint"
                defaultMessage="Only {supplier} (and operations) will see this note."
                values={{ supplier: <bdi>{request.supplier.name}</bdi> }}
              />
            ) : (
              <FormattedMessage
                id="request.comment.publicHint"
                defaultMessage="Both departments will see this comment. Ctrl+Enter sends it."
              />
            )}
          </span>
        </div>
        <PendingFileList files={uploads.files} onRemove={uploads.removeFile} />
        <div className="actions">
          <AttachFilesButton onFiles={uploads.addFiles} />
          {canWriteNotes && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={internal}
                onChange={(e) => setInternal(e.target.checked)}
              />
              <FormattedMessage
                id="request.comment.internalToggle"
                defaultMessage="Internal note"
              />
            </label>
          )}
          {asks && (
            <button
              type="button"
              className="secondary"
              disabled={empty || fetching || uploading || waiting}
              aria-busy={waiting}
              onClick={() => void send(undefined, true)}
            >
              <FormattedMessage
                id="request.comment.sendAndWait"
                defaultMessage="Ask and wait for customer"
              />
            </button>
          )}
          <button
            type="submit"
            disabled={empty || fetching || uploading || waiting}
            aria-busy={fetching || uploading}
          >
            <FormattedMessage id="request.comment.send" defaultMessage="Send" />
          </button>
        </div>
      </form>
    </section>
  );
}
