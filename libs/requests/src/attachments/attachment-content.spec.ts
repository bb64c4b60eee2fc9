import { detectContentType, sanitizeFileName, showsInline } from './attachment-content';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('attachment content', () => {
  it('detects the type from the bytes', async () => {
    expect(await detectContentType(PNG)).toBe('image/png');
    expect(await detectContentType(Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n', 'latin1'))).toBe(
      'application/pdf',
    );
    expect(await detectContentType(Buffer.from('<html><script>alert(1)</script></html>'))).toBe(
      'text/plain',
    );
    expect(await detectContentType(Buffer.from('naïve log line\n'))).toBe('text/plain');
    expect(await detectContentType(Buffer.from([0, 1, 2, 3, 255, 254]))).toBe(
      'application/octet-stream',
    );
    expect(await detectContentType(Buffer.alloc(0))).toBe('application/octet-stream');
  });

  it('shows only raster images inline', () => {
    expect(showsInline('image/png')).toBe(true);
    expect(showsInline('image/webp')).toBe(true);
    expect(showsInline('image/svg+xml')).toBe(false);
    expect(showsInline('text/html')).toBe(false);
    expect(showsInline('application/pdf')).toBe(false);
  });

  it('keeps the name but never a path or invisible characters', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\ana\\report.pdf')).toBe('report.pdf');
    expect(sanitizeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeFileName('a\r\nb\u0000.txt')).toBe('ab.txt');
    expect(sanitizeFileName('  two   spaces .png ')).toBe('two spaces .png');
    expect(sanitizeFileName('..')).toBe('attachment');
    expect(sanitizeFileName('')).toBe('attachment');
    expect(sanitizeFileName(null)).toBe('attachment');
    expect([...sanitizeFileName('é'.repeat(400))]).toHaveLength(255);
    expect(sanitizeFileName('Captura de pantalla 2026-12-02.png')).toBe(
      'Captura de pantalla 2026-12-02.png',
    );
  });
});
