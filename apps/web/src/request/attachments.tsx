import { useIntl } from 'react-intl';
import { FormattedMessage } from 'react-intl';

export interface AttachmentView {
  id: string;
  fileName: string;
  sizeBytes: number;
  url: string;
  inlineUrl?: string | null;
}

// Bytes as people read them, in the page's locale (B, kB, MB).
export function useFileSize(): (bytes: number) => string {
  const intl = useIntl();
  return (bytes) => {
    if (bytes < 1000) return intl.formatNumber(bytes, { style: 'unit', unit: 'byte' });
    if (bytes < 1_000_000)
      return intl.formatNumber(bytes / 1000, {
        style: 'unit',
        unit: 'kilobyte',
        maximumFractionDigits: 0,
      });
    return intl.formatNumber(bytes / 1_000_000, {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 1,
    });
  };
}

// A comment's files: images as thumbnails (their inline address), every file as a download link.
export function AttachmentList({ attachments }: { attachments: readonly AttachmentView[] }) {
  const size = useFileSize();
  const intl = useIntl();
  if (attachments.length === 0) return null;
  return (
    <ul
      className="rq-attachments"
      aria-label={intl.formatMessage({
        id: 'request.attachments.list',
        defaultMessage: 'Attachments',
      })}
    >
      {attachments.map((a) => (
        <li key={a.id} className="rq-attachment">
          {a.inlineUrl && (
            <a href={a.inlineUrl} target="_blank" rel="noopener noreferrer">
              <img className="rq-thumb" src={a.inlineUrl} alt={a.fileName} loading="lazy" />
            </a>
          )}
          <a href={a.url} download={a.fileName}>
            <bdi>{a.fileName}</bdi>
          </a>{' '}
          <span className="muted rq-small">
            <FormattedMessage
              id="request.attachments.size"
              defaultMessage="({size})"
              values={{ size: size(a.sizeBytes) }}
            />
          </span>
        </li>
      ))}
    </ul>
  );
}
