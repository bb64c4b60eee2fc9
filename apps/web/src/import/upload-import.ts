// The browser side of POST /imports/org-chart and /imports/requests (docs/api.md): the file as
// the request body, then the NDJSON lines of the answer as they arrive. XHR rather than fetch:
// it reports the upload's own progress, and its responseText grows while the answer streams.

export type ImportKind = 'org-chart' | 'requests';

export interface LineError {
  line: number;
  message: string;
}

export interface ImportResult {
  ok: boolean;
  created?: number;
  updated?: number;
  invitedLeads?: number;
  imported?: number;
  errors: LineError[];
  errorCount: number;
  lines: number;
  bytes: number;
}

export type ImportProgress =
  | { phase: 'sending'; sent: number; total: number }
  | { phase: 'importing'; lines: number; bytes: number; totalBytes: number };

// A refusal before the import ran (HTTP error, network, a server failure mid-stream).
export interface ImportRefusal {
  code: string;
  message: string;
}

export type ImportOutcome = { result: ImportResult } | { refusal: ImportRefusal };

const MEDIA_TYPE: Record<ImportKind, string> = {
  'org-chart': 'text/csv',
  requests: 'application/x-ndjson',
};

// Complete lines of an NDJSON text that keeps growing; `from` is where the last call stopped.
export function takeLines(text: string, from: number): { lines: string[]; next: number } {
  const end = text.lastIndexOf('\n');
  if (end < from) return { lines: [], next: from };
  const lines = text
    .slice(from, end)
    .split('\n')
    .filter((l) => l.trim() !== '');
  return { lines, next: end + 1 };
}

export function uploadImport(
  kind: ImportKind,
  file: Blob,
  onProgress: (progress: ImportProgress) => void,
): { done: Promise<ImportOutcome>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<ImportOutcome>((resolve) => {
    let read = 0;
    let outcome: ImportOutcome | null = null;
    const readMessages = () => {
      if (xhr.status !== 200) return;
      const { lines, next } = takeLines(xhr.responseText, read);
      read = next;
      for (const line of lines) {
        let message: Record<string, unknown>;
        try {
          message = JSON.parse(line);
        } catch {
          continue;
        }
        if (message.type === 'progress')
          onProgress({
            phase: 'importing',
            lines: Number(message.lines),
            bytes: Number(message.bytes),
            totalBytes: Number(message.totalBytes),
          });
        else if (message.type === 'received')
          onProgress({ phase: 'importing', lines: 0, bytes: 0, totalBytes: Number(message.bytes) });
        else if (message.type === 'result')
          outcome = { result: message as unknown as ImportResult };
        else if (message.type === 'error')
          outcome = {
            refusal: { code: String(message.code), message: String(message.message ?? '') },
          };
      }
    };
    xhr.upload.onprogress = (event) =>
      onProgress({
        phase: 'sending',
        sent: event.loaded,
        total: event.lengthComputable ? event.total : file.size,
      });
    xhr.onprogress = readMessages;
    xhr.onload = () => {
      if (xhr.status === 200) {
        readMessages();
        resolve(
          outcome ?? {
            refusal: { code: 'INTERNAL_SERVER_ERROR', message: 'The answer ended early' },
          },
        );
        return;
      }
      let refusal: ImportRefusal = { code: `HTTP_${xhr.status}`, message: xhr.statusText };
      try {
        const error = JSON.parse(xhr.responseText).errors[0];
        refusal = { code: String(error.extensions?.code ?? refusal.code), message: error.message };
      } catch {
        // Not ours (a proxy's page): keep the status.
      }
      resolve({ refusal });
    };
    xhr.onerror = () => resolve({ refusal: { code: 'NETWORK', message: 'network error' } });
    xhr.onabort = () => resolve({ refusal: { code: 'ABORTED', message: 'cancelled' } });
    xhr.open('POST', `/imports/${kind}`);
    xhr.setRequestHeader('Content-Type', MEDIA_TYPE[kind]);
    // Required with the session cookie (the API's guard against cross-site posts).
    xhr.setRequestHeader('X-Intradesk-Upload', '1');
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
