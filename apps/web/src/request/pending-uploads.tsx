import { ClipboardEvent, DragEvent, useEffect, useRef, useState } from 'react';
import { FormattedMessage, IntlShape, useIntl } from 'react-intl';
import { useFileSize } from './attachments';
import { removePendingAttachment, UploadRefusal, uploadAttachment } from './upload-attachment';
import '../styles/pending-uploads.css';

// Files picked, dropped or pasted, uploaded at once and held (pending) until what they are for is
// sent: the comment composer (for its request) and the New request form (for no request yet:
// POST /attachments). Only the ready files' ids go with the comment or the request.
export interface PendingFile {
  key: number;
  name: string;
  size: number;
  sent: number;
  id?: string;
  error?: string;
  abort?: () => void;
}

// A pasted screenshot has no useful name: give it one with the time.
function fileNameOf(file: File, index: number): string {
  if (file.name && file.name !== 'image.png') return file.name;
  const ext = file.type.split('/')[1]?.replace(/[^a-z0-9]/g, '') || 'png';
  return `screenshot-${new Date().toISOString().replace(/[:.]/g, '-')}-${index + 1}.${ext}`;
}

// Why an upload was refused, in words.
function refusalWords(intl: IntlShape, refusal: UploadRefusal, size: (n: number) => string) {
  if (refusal.code !== 'PAYLOAD_TOO_LARGE')
    return intl.formatMessage({
      id: 'request.attachments.failed',
      defaultMessage: 'Upload failed',
    });
  if (refusal.reason === 'REQUEST_ATTACHMENTS_FULL' && refusal.maxBytes)
    return intl.formatMessage(
      {
        id: 'request.attachments.requestFull',
        defaultMessage: 'Too large: all files of a request may add up to {max}',
      },
      { max: size(refusal.maxBytes) },
    );
  if (refusal.maxBytes)
    return intl.formatMessage(
      {
        id: 'request.attachments.tooLargeMax',
        defaultMessage: 'Too large: a file may be up to {max}',
      },
      { max: size(refusal.maxBytes) },
    );
  return intl.formatMessage({ id: 'request.attachments.tooLarge', defaultMessage: 'Too large' });
}

// requestId: the request the files are for; null for a request not yet filed.
export function usePendingUploads(requestId: string | null) {
  const intl = useIntl();
  const size = useFileSize();
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const nextKey = useRef(1);

  const update = (key: number, change: Partial<PendingFile>) =>
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...change } : f)));

  const addFiles = (list: FileList | File[]) => {
    [...list].forEach((file, index) => {
      const key = nextKey.current++;
      const name = fileNameOf(file, index);
      const upload = uploadAttachment(requestId, file, name, (sent) => update(key, { sent }));
      setFiles((all) => [...all, { key, name, size: file.size, sent: 0, abort: upload.abort }]);
      void upload.done.then((outcome) => {
        if ('attachment' in outcome) update(key, { id: outcome.attachment.id, sent: file.size });
        else if (outcome.refusal.code !== 'ABORTED')
          update(key, { error: refusalWords(intl, outcome.refusal, size) });
      });
    });
  };

  const removeFile = (file: PendingFile) => {
    if (file.id) void removePendingAttachment(file.id);
    else file.abort?.();
    setFiles((all) => all.filter((f) => f.key !== file.key));
  };

  const onPaste = (event: ClipboardEvent<HTMLElement>) => {
    const pasted = [...event.clipboardData.files];
    if (pasted.length === 0) return;
    event.preventDefault();
    addFiles(pasted);
  };

  // Spread on the element files may be dropped on (the composer, the whole New request form).
  const dropTarget = {
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (![...e.dataTransfer.types].includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (e: DragEvent<HTMLElement>) => {
      if (e.dataTransfer.files.length === 0) return;
      e.preventDefault();
      setDragging(false);
      addFiles(e.dataTransfer.files);
    },
  };

  return {
    files,
    addFiles,
    removeFile,
    onPaste,
    dropTarget,
    dragging,
    // Uploads still under way (errors are not: they are simply not sent).
    uploading: files.some((f) => !f.id && !f.error),
    readyIds: files.filter((f) => f.id).map((f) => f.id!),
    clear: () => setFiles([]),
  };
}

// Drops the files a page leaves unsent (the form left without filing): best effort, as the
// cleanup job deletes them anyway after ATTACHMENT_PENDING_HOURS. Call the returned function
// once they are sent.
export function useDropUnsentOnLeave(files: readonly PendingFile[]): () => void {
  const latest = useRef(files);
  latest.current = files;
  const sent = useRef(false);
  useEffect(
    () => () => {
      if (sent.current) return;
      for (const f of latest.current) {
        if (f.id) void removePendingAttachment(f.id, true);
        else f.abort?.();
      }
    },
    [],
  );
  return () => void (sent.current = true);
}

// The files waiting, each with its progress, Ready or why it was refused, and Remove.
export function PendingFileList({
  files,
  onRemove,
}: {
  files: readonly PendingFile[];
  onRemove: (file: PendingFile) => void;
}) {
  const intl = useIntl();
  const size = useFileSize();
  if (files.length === 0) return null;
  return (
    <ul
      className="pending-files"
      aria-label={intl.formatMessage({
        id: 'request.attachments.pending',
        defaultMessage: 'Files to send',
      })}
    >
      {files.map((f) => (
        <li key={f.key}>
          <bdi>{f.name}</bdi> <span className="muted pending-file-note">({size(f.size)})</span>{' '}
          {f.error ? (
            <span role="alert" className="pending-file-error">
              {f.error}
            </span>
          ) : f.id ? (
            <span className="muted pending-file-note">
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
          <button type="button" className="secondary" onClick={() => onRemove(f)}>
            <FormattedMessage
              id="request.attachments.remove"
              defaultMessage="Remove {name}"
              values={{ name: f.name }}
            />
          </button>
        </li>
      ))}
    </ul>
  );
}

// "Attach files": the system's file picker, several at a time.
export function AttachFilesButton({
  onFiles,
  describedBy,
}: {
  onFiles: (files: FileList) => void;
  describedBy?: string;
}) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        onChange={(e) => {
          if (e.target.files) onFiles(e.target.files);
          e.target.value = '';
        }}
      />
      <button
        type="button"
        className="secondary"
        aria-describedby={describedBy}
        onClick={() => picker.current?.click()}
      >
        <FormattedMessage id="request.attachments.attach" defaultMessage="Attach files" />
      </button>
    </>
  );
}
