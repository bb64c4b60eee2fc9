// file-type/core: the buffer API without the file-system one, resolvable by require (Jest) too.
import { fileTypeFromBuffer } from 'file-type/core';

// Raster images a browser may show inline: they cannot run script (SVG and HTML can, so they
// are never among them).
export const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export const OCTET_STREAM = 'application/octet-stream';

// The content type from the bytes alone (magic numbers, file-type); the name and the
// uploader's Content-Type are never asked. Undetected bytes are text/plain when they are UTF-8
// text without control characters, else application/octet-stream.
export async function detectContentType(bytes: Buffer): Promise<string> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return detected.mime;
  return looksLikeText(bytes) ? 'text/plain' : OCTET_STREAM;
}

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

export function showsInline(contentType: string): boolean {
  return INLINE_IMAGE_TYPES.has(contentType);
}

// The name a person gave the file, kept for display and for the download's header, never used
// as a path: the last path segment, without control, bidirectional-override or zero-width
// characters, NFC, whitespace collapsed, at most 255 characters; "attachment" when nothing is left.
export function sanitizeFileName(given: string | null | undefined): string {
  const base = (given ?? '').split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+$/, '');
  const chars = [...clean];
  return chars.length === 0 ? 'attachment' : chars.slice(0, 255).join('');
}
