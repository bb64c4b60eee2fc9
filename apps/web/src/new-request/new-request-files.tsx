import { useId } from 'react';
import { FormattedMessage } from 'react-intl';
import { AttachFilesButton, PendingFileList, usePendingUploads } from '../request/pending-uploads';

// The files picked for the request being written: uploaded at once (POST /attachments, for no
// request yet), their ids sent with createRequest. The same picker as the comment composer.
export function NewRequestFiles({ uploads }: { uploads: ReturnType<typeof usePendingUploads> }) {
  const id = useId();
  return (
    <div className="field new-request-files" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="field-label">
        <FormattedMessage id="newRequest.attachments.label" defaultMessage="Files" />
      </span>
      <p id={`${id}-hint`} className="muted hint">
        <FormattedMessage
          id="newRequest.attachments.hint"
          defaultMessage="A screenshot or a document, optional: drop files on this form, paste a screenshot, or attach them."
        />
      </p>
      <PendingFileList files={uploads.files} onRemove={uploads.removeFile} />
      <div className="actions">
        <AttachFilesButton onFiles={uploads.addFiles} describedBy={`${id}-hint`} />
      </div>
    </div>
  );
}
