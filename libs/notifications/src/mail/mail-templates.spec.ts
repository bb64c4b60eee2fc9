import { NOTIFICATION_KINDS } from '../notification-kind.enum';
import { mailRetryDelayMs } from './mail-sender';
import { MAIL_LOCALES, mailLocale, renderMail } from './mail-templates';
import { smtpOptions } from './smtp-client';

const request = {
  number: 'IT-42',
  title: 'Fix <img src=x onerror=alert(1)> & "quotes"',
  status: 'WAITING_ON_CUSTOMER',
  supplierName: 'IT',
  customerName: 'Marketing <MKT>',
};

function render(kind: string, locale: (typeof MAIL_LOCALES)[number]) {
  return renderMail({
    kind,
    locale,
    recipientName: 'Ana <Admin>',
    actorName: 'Bob & Co',
    timeZone: 'Europe/Rome',
    publicUrl: 'https://desk.example.org',
    request: kind === 'SURVEY_INVITATION' ? null : request,
    params: {
      message: 'in-app text',
      detail: 'Line one\n<script>x</script>',
      status: 'WAITING_ON_CUSTOMER',
      clock: 'RESOLUTION',
      dueAt: '2026-03-02T10:00:00Z',
      title: 'Q1 <pulse>',
      closesAt: '2026-03-09T10:00:00Z',
      priority: 'P2',
    },
  });
}

describe('mail templates', () => {
  it.each(MAIL_LOCALES)('renders every kind in %s, escaped, with its direction', (locale) => {
    for (const kind of NOTIFICATION_KINDS) {
      const mail = render(kind, locale);
      expect(mail.subject.length).toBeGreaterThan(0);
      expect(mail.subject).not.toMatch(/undefined|null/);
      expect(mail.text).not.toMatch(/undefined|\bnull\b/);
      expect(mail.html).toContain(`lang="${locale}" dir="${locale === 'fa' ? 'rtl' : 'ltr'}"`);
      // Nothing people typed becomes markup.
      expect(mail.html).not.toMatch(/<img|<script|<pulse|<Admin|<MKT/);
      expect(mail.html).not.toContain('onerror=alert(1)>');
      if (kind !== 'SURVEY_INVITATION') {
        expect(mail.subject).toContain('[IT-42]');
        expect(mail.text).toContain('https://desk.example.org/requests/IT-42');
        expect(mail.html).toContain('href="https://desk.example.org/requests/IT-42"');
      } else {
        expect(mail.text).toContain('https://desk.example.org/surveys');
      }
      expect(mail.text).toContain('https://desk.example.org/settings/notifications');
    }
  });

  it('quotes a comment in full, in both parts', () => {
    const mail = render('REQUEST_COMMENTED', 'en');
    expect(mail.text).toContain('> Line one\n> <script>x</script>');
    expect(mail.html).toContain('Line one\n&lt;script&gt;x&lt;/script&gt;');
  });

  it('says a question asks for an answer, and quotes it, whichever event its mail came from', () => {
    for (const kind of ['REQUEST_COMMENTED', 'REQUEST_STATUS_CHANGED']) {
      const mail = render(kind, 'en');
      expect(mail.text).toContain('Bob & Co needs your answer: the request is waiting on you.');
      expect(mail.text).toContain('> Line one');
    }
    const plain = renderMail({
      kind: 'REQUEST_STATUS_CHANGED',
      locale: 'en',
      recipientName: 'Ana',
      actorName: 'Bob',
      timeZone: 'UTC',
      publicUrl: 'https://d',
      request,
      params: { status: 'RESOLVED' },
    });
    expect(plain.text).toContain('changed the status to “resolved”');
    expect(plain.text).not.toMatch(/^> /m);
  });

  it('has its own words per language', () => {
    const lines = MAIL_LOCALES.map((l) => render('REQUEST_STATUS_CHANGED', l).text.split('\n')[2]);
    expect(new Set(lines).size).toBe(MAIL_LOCALES.length);
    expect(render('SLA_WARNING', 'el').text).toContain('επίλυσης');
  });

  it('renders a digest of several items', () => {
    const mail = renderMail({
      kind: 'DIGEST',
      locale: 'it',
      recipientName: 'Ana',
      actorName: null,
      timeZone: 'UTC',
      publicUrl: 'https://d',
      request: null,
      params: {},
      items: [
        { kind: 'REQUEST_CREATED', actorName: 'Bob', request, params: { priority: 'P1' } },
        { kind: 'REQUEST_COMMENTED', actorName: 'Eve', request, params: { detail: 'hi <b>' } },
      ],
    });
    expect(mail.subject).toContain('(2)');
    expect(mail.text.match(/https:\/\/d\/requests\/IT-42/g)).toHaveLength(2);
    expect(mail.html).toContain('hi &lt;b&gt;');
  });

  it('falls back to English for unknown languages', () => {
    expect(mailLocale('fa-IR')).toBe('fa');
    expect(mailLocale('de')).toBe('en');
    expect(mailLocale(null)).toBe('en');
  });
});

describe('mail retries and SMTP URLs', () => {
  it('backs off from 30 s, doubling, up to 6 h', () => {
    expect([1, 2, 3, 4].map(mailRetryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(mailRetryDelayMs(30)).toBe(6 * 3_600_000);
  });

  it('reads smtp:// and smtps:// URLs', () => {
    expect(smtpOptions('smtp://us%40er:p%3Ass@mail.example.org:587', 1000)).toMatchObject({
      host: 'mail.example.org',
      port: 587,
      secure: false,
      requireTLS: false,
      auth: { user: 'us@er', pass: 'p:ss' },
    });
    expect(smtpOptions('smtps://mail.example.org', 1000)).toMatchObject({
      port: 465,
      secure: true,
    });
    expect(smtpOptions('smtp://h?requireTLS=true', 1000)).toMatchObject({
      port: 587,
      requireTLS: true,
      auth: undefined,
    });
  });
});
