// The browser side of POST /requests/:id/attachments and POST /attachments (README
// "Attachments"): the file as the body, through XHR for its upload progress; the session cookie
// plus X-Intradesk-Upload.

export interface UploadedAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

// reason and maxBytes when too large: ATTACHMENT_TOO_LARGE or REQUEST_ATTACHMENTS_FULL.
export interface UploadRefusal {
  code: string;
  message: string;
  reason?: string;
  maxBytes?: number;
}

export type UploadOutcome = { attachment: UploadedAttachment } | { refusal: UploadRefusal };

// requestId null: for a request not yet filed (createRequest's attachmentIds takes it).
export function uploadAttachment(
  requestId: string | null,
  file: Blob,
  fileName: string,
  onProgress: (sent: number, total: number) => void,
): { done: Promise<UploadOutcome>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadOutcome>((resolve) => {
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total || file.size);
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText);
        if (xhr.status === 201) resolve({ attachment: body as UploadedAttachment });
        else {
          const error = body.errors?.[0];
          resolve({
            refusal: {
              code: error?.extensions?.code ?? 'ERROR',
              message: error?.message ?? '',
              reason: error?.extensions?.reason,
              maxBytes: error?.extensions?.maxBytes,
            },
          });
        }
      } catch {
        resolve({ refusal: { code: 'ERROR', message: xhr.statusText } });
      }
    };
    xhr.onerror = () => resolve({ refusal: { code: 'NETWORK', message: '' } });
    xhr.onabort = () => resolve({ refusal: { code: 'ABORTED', message: '' } });
  });
  const path =
    requestId === null ? '/attachments' : `/requests/${encodeURIComponent(requestId)}/attachments`;
  const url = `${path}?name=${encodeURIComponent(fileName)}`;
  xhr.open('POST', url);
  xhr.withCredentials = true;
  xhr.setRequestHeader('Content-Type', 'application/octet-stream');
  xhr.setRequestHeader('X-Intradesk-Upload', '1');
  xhr.send(file);
  return { done, abort: () => xhr.abort() };
}

// A file not yet sent, dropped from the composer or the form; keepalive: as the page is left.
export function removePendingAttachment(id: string, keepalive = false): Promise<unknown> {
  return fetch(`/attachments/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    credentials: 'same-origin',
    keepalive,
    headers: { 'X-Intradesk-Upload': '1' },
  });
}
