import {
  ClipboardEvent,
  DragEvent,
  FormEvent,
  KeyboardEvent,
  RefObject,
  useRef,
  useState,
} from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { personName } from '../ui/person-name';
import { useMutation } from 'urql';
import { refusalOf, Refusal } from '../api/errors';
import { AddCommentMutation } from './request-documents';
import type { CommentView, RequestView } from './request-types';
import { When } from './sla-panel';
import { AttachmentList, useFileSize } from './attachments';
import { removePendingAttachment, uploadAttachment } from './upload-attachment';

interface PendingFile {
  key: number;
  name: string;
  size: number;
  sent: number;
  id?: string;
  error?: string;
  abort?: () => void;
  done?: Promise<unknown>;
}

// A pasted screenshot has no useful name: give it one with the time.
function fileNameOf(file: File, index: number): string {
  if (file.name && file.name !== 'image.png') return file.name;
  const ext = file.type.split('/')[1]?.replace(/[^a-z0-9]/g, '') || 'png';
  return `screenshot-${new Date().toISOString().replace(/[:.]/g, '-')}-${index + 1}.${ext}`;
}

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
}: {
  request: RequestView;
  onRefused: (refusal: Refusal) => void;
  // Before and after sending: the page tells own events from others'.
  onSent: (phase: 'start' | 'done') => void;
  canWriteNotes: boolean;
  commentBox: RefObject<HTMLTextAreaElement | null>;
}) {
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [{ fetching }, addComment] = useMutation(AddCommentMutation);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const nextKey = useRef(1);
  const picker = useRef<HTMLInputElement>(null);
  const intl = useIntl();
  const size = useFileSize();
  const empty = body.trim().length === 0;
  const uploading = files.some((f) => !f.id && !f.error);

  const update = (key: number, change: Partial<PendingFile>) =>
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...change } : f)));

  const addFiles = (list: FileList | File[]) => {
    [...list].forEach((file, index) => {
      const key = nextKey.current++;
      const name = fileNameOf(file, index);
      const upload = uploadAttachment(request.id, file, name, (sent) => update(key, { sent }));
      setFiles((all) => [
        ...all,
        { key, name, size: file.size, sent: 0, abort: upload.abort, done: upload.done },
      ]);
      void upload.done.then((outcome) => {
        if ('attachment' in outcome) update(key, { id: outcome.attachment.id, sent: file.size });
        else
          update(key, {
            error:
              outcome.refusal.code === 'PAYLOAD_TOO_LARGE'
                ? intl.formatMessage({
                    id: 'request.attachments.tooLarge',
                    defaultMessage: 'Too large',
                  })
                : intl.formatMessage({
                    id: 'request.attachments.failed',
                    defaultMessage: 'Upload failed',
                  }),
          });
      });
    });
  };

  const removeFile = (file: PendingFile) => {
    if (file.id) void removePendingAttachment(file.id);
    else file.abort?.();
    setFiles((all) => all.filter((f) => f.key !== file.key));
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = [...event.clipboardData.files];
    if (pasted.length === 0) return;
    event.preventDefault();
    addFiles(pasted);
  };

  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    if (event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer.files);
  };

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (empty || fetching || uploading) return;
    onSent('start');
    const result = await addComment({
      requestId: request.id,
      body: body.trim(),
      internal: canWriteNotes && internal,
      attachmentIds: files.filter((f) => f.id).map((f) => f.id!),
    });
    onSent('done');
    const refusal = refusalOf(result.error);
    if (refusal) {
      onRefused(refusal);
      return;
    }
    setBody('');
    setInternal(false);
    setFiles([]);
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
        className={`card rq-composer${internal ? ' internal' : ''}${dragging ? ' dragging' : ''}`}
        onSubmit={send}
        onDragOver={(e) => {
          if (![...e.dataTransfer.types].includes('Files')) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
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
            onPaste={onPaste}
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
        {files.length > 0 && (
          <ul
            className="rq-pending-files"
            aria-label={intl.formatMessage({
              id: 'request.attachments.pending',
              defaultMessage: 'Files to send',
            })}
          >
            {files.map((f) => (
              <li key={f.key}>
                <bdi>{f.name}</bdi> <span className="muted rq-small">({size(f.size)})</span>{' '}
                {f.error ? (
                  <span role="alert">{f.error}</span>
                ) : f.id ? (
                  <span className="muted rq-small">
                    <FormattedMessage id="request.attachments.ready" defaultMessage="Ready" />
                  </span>
                ) : (
                  <progress
                    max={f.size || 1}
                    value={f.sent}
                    aria-label={intl.formatMessage(
                      { id: 'request.attachments.progress', defaultMessage: 'Uploading {name}' },
                      { name: f.name },
                    )}
                  />
                )}{' '}
                <button type="button" className="secondary" onClick={() => removeFile(f)}>
                  <FormattedMessage
                    id="request.attachments.remove"
                    defaultMessage="Remove {name}"
                    values={{ name: f.name }}
                  />
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="actions">
          <input
            ref={picker}
            type="file"
            multiple
            hidden
            onChange={(e) => {
              if (e.target.files) addFiles(e.target.files);
              e.target.value = '';
            }}
          />
          <button type="button" className="secondary" onClick={() => picker.current?.click()}>
            <FormattedMessage id="request.attachments.attach" defaultMessage="Attach files" />
          </button>
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
          <button
            type="submit"
            disabled={empty || fetching || uploading}
            aria-busy={fetching || uploading}
          >
            <FormattedMessage id="request.comment.send" defaultMessage="Send" />
          </button>
        </div>
      </form>
    </section>
  );
}
