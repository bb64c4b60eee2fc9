// Server-side e-mail templates: pure functions of what a message is about, in the recipient's
// language (en, es, it, fa, el). Every value from people (titles, names, comments) is escaped in
// the HTML part; fa is written right to left.

export const MAIL_LOCALES = ['en', 'es', 'it', 'fa', 'el'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

export function mailLocale(value: string | null | undefined): MailLocale {
  const base = (value ?? '').toLowerCase().split(/[-_]/)[0];
  return (MAIL_LOCALES as readonly string[]).includes(base) ? (base as MailLocale) : 'en';
}

export interface MailRequestFacts {
  number: string;
  title: string;
  status: string;
  supplierName: string;
  customerName: string;
}

export interface MailItem {
  kind: string;
  actorName: string | null;
  request: MailRequestFacts | null;
  params: Record<string, string | null>;
}

export interface MailRenderInput extends MailItem {
  locale: MailLocale;
  recipientName: string;
  timeZone: string;
  publicUrl: string;
  // The digest's items (kind DIGEST).
  items?: MailItem[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Vars = Record<string, string>;

interface Words {
  greeting: (name: string) => string;
  someone: string;
  open: string;
  openSurvey: string;
  why: string;
  manage: string;
  digestSubject: (count: string) => string;
  digestIntro: string;
  status: Record<string, string>;
  clock: Record<string, string>;
  slaPrefix: Record<string, string>;
  lines: Record<string, (v: Vars) => string>;
}

const WORDS: Record<MailLocale, Words> = {
  en: {
    greeting: (name) => `Hello ${name},`,
    someone: 'Someone',
    open: 'Open the request',
    openSurvey: 'Answer the survey',
    why: 'You receive this because of your Intradesk notification settings.',
    manage: 'Change what you receive',
    digestSubject: (n) => `Intradesk: your daily digest (${n})`,
    digestIntro: 'Here is what happened since your last digest:',
    status: {
      NEW: 'new',
      IN_PROGRESS: 'in progress',
      WAITING_ON_CUSTOMER: 'waiting on the customer',
      RESOLVED: 'resolved',
      CLOSED: 'closed',
      CANCELLED: 'cancelled',
    },
    clock: { FIRST_RESPONSE: 'first response', RESOLUTION: 'resolution' },
    slaPrefix: {
      SLA_WARNING: 'SLA warning',
      SLA_BREACHED: 'SLA breached',
      SLA_ESCALATED: 'Escalation',
    },
    lines: {
      REQUEST_CREATED: (v) =>
        `${v.actor} of ${v.customer} filed a new request for ${v.supplier} (${v.priority}).`,
      REQUEST_ASSIGNED: (v) => `${v.actor} assigned this request to you.`,
      REQUEST_COMMENTED: (v) => `${v.actor} replied:`,
      REQUEST_STATUS_CHANGED: (v) => `${v.actor} changed the status to “${v.status}”.`,
      WAITING: (v) => `${v.actor} needs your answer: the request is waiting on you.`,
      RATING_INVITATION: () => 'The request was resolved. How did it go? Please rate it.',
      SURVEY_INVITATION: (v) =>
        `Pulse survey “${v.title}”: how well do the departments you used serve you? Open until ${v.closesAt}.`,
      SLA_WARNING: (v) => `The ${v.clock} target is due ${v.dueAt}.`,
      SLA_BREACHED: (v) => `The ${v.clock} target was missed.`,
      SLA_ESCALATED: (v) => `The ${v.clock} target was missed; it is escalated to you.`,
    },
  },
  es: {
    greeting: (name) => `Hola, ${name}:`,
    someone: 'Alguien',
    open: 'Abrir la solicitud',
    openSurvey: 'Responder la encuesta',
    why: 'Recibe este mensaje por su configuración de notificaciones de Intradesk.',
    manage: 'Cambiar lo que recibe',
    digestSubject: (n) => `Intradesk: su resumen diario (${n})`,
    digestIntro: 'Esto es lo que ha pasado desde su último resumen:',
    status: {
      NEW: 'nueva',
      IN_PROGRESS: 'en curso',
      WAITING_ON_CUSTOMER: 'esperando al cliente',
      RESOLVED: 'resuelta',
      CLOSED: 'cerrada',
      CANCELLED: 'cancelada',
    },
    clock: { FIRST_RESPONSE: 'primera respuesta', RESOLUTION: 'resolución' },
    slaPrefix: {
      SLA_WARNING: 'Aviso de SLA',
      SLA_BREACHED: 'SLA incumplido',
      SLA_ESCALATED: 'Escalado',
    },
    lines: {
      REQUEST_CREATED: (v) =>
        `${v.actor}, de ${v.customer}, ha presentado una nueva solicitud para ${v.supplier} (${v.priority}).`,
      REQUEST_ASSIGNED: (v) => `${v.actor} le ha asignado esta solicitud.`,
      REQUEST_COMMENTED: (v) => `${v.actor} ha respondido:`,
      REQUEST_STATUS_CHANGED: (v) => `${v.actor} ha cambiado el estado a «${v.status}».`,
      WAITING: (v) => `${v.actor} necesita su respuesta: la solicitud está esperando por usted.`,
      RATING_INVITATION: () => 'La solicitud se ha resuelto. ¿Qué tal ha ido? Valórela, por favor.',
      SURVEY_INVITATION: (v) =>
        `Encuesta «${v.title}»: ¿qué tal le atienden los departamentos con los que ha trabajado? Abierta hasta ${v.closesAt}.`,
      SLA_WARNING: (v) => `El objetivo de ${v.clock} vence ${v.dueAt}.`,
      SLA_BREACHED: (v) => `Se ha incumplido el objetivo de ${v.clock}.`,
      SLA_ESCALATED: (v) =>
        `Se ha incumplido el objetivo de ${v.clock}; se le ha escalado a usted.`,
    },
  },
  it: {
    greeting: (name) => `Gentile ${name},`,
    someone: 'Qualcuno',
    open: 'Apri la richiesta',
    openSurvey: 'Rispondi al sondaggio',
    why: 'Ricevi questo messaggio in base alle tue impostazioni di notifica di Intradesk.',
    manage: 'Cambia cosa ricevi',
    digestSubject: (n) => `Intradesk: il tuo riepilogo giornaliero (${n})`,
    digestIntro: "Ecco cosa è successo dall'ultimo riepilogo:",
    status: {
      NEW: 'nuova',
      IN_PROGRESS: 'in lavorazione',
      WAITING_ON_CUSTOMER: 'in attesa del cliente',
      RESOLVED: 'risolta',
      CLOSED: 'chiusa',
      CANCELLED: 'annullata',
    },
    clock: { FIRST_RESPONSE: 'prima risposta', RESOLUTION: 'risoluzione' },
    slaPrefix: {
      SLA_WARNING: 'Avviso SLA',
      SLA_BREACHED: 'SLA violato',
      SLA_ESCALATED: 'Escalation',
    },
    lines: {
      REQUEST_CREATED: (v) =>
        `${v.actor} di ${v.customer} ha aperto una nuova richiesta per ${v.supplier} (${v.priority}).`,
      REQUEST_ASSIGNED: (v) => `${v.actor} ti ha assegnato questa richiesta.`,
      REQUEST_COMMENTED: (v) => `${v.actor} ha risposto:`,
      REQUEST_STATUS_CHANGED: (v) => `${v.actor} ha cambiato lo stato in «${v.status}».`,
      WAITING: (v) => `${v.actor} attende la tua risposta: la richiesta aspetta te.`,
      RATING_INVITATION: () => 'La richiesta è stata risolta. Com’è andata? Valutala, per favore.',
      SURVEY_INVITATION: (v) =>
        `Sondaggio «${v.title}»: come ti servono i reparti a cui ti sei rivolto? Aperto fino al ${v.closesAt}.`,
      SLA_WARNING: (v) => `L’obiettivo di ${v.clock} scade ${v.dueAt}.`,
      SLA_BREACHED: (v) => `L’obiettivo di ${v.clock} non è stato rispettato.`,
      SLA_ESCALATED: (v) =>
        `L’obiettivo di ${v.clock} non è stato rispettato; la richiesta è stata scalata a te.`,
    },
  },
  fa: {
    greeting: (name) => `${name} گرامی،`,
    someone: 'کسی',
    open: 'باز کردن درخواست',
    openSurvey: 'پاسخ به نظرسنجی',
    why: 'این پیام به دلیل تنظیمات اعلان‌های شما در Intradesk ارسال شده است.',
    manage: 'تغییر آنچه دریافت می‌کنید',
    digestSubject: (n) => `Intradesk: خلاصهٔ روزانهٔ شما (${n})`,
    digestIntro: 'آنچه از آخرین خلاصه تاکنون رخ داده است:',
    status: {
      NEW: 'جدید',
      IN_PROGRESS: 'در حال انجام',
      WAITING_ON_CUSTOMER: 'در انتظار مشتری',
      RESOLVED: 'حل‌شده',
      CLOSED: 'بسته',
      CANCELLED: 'لغوشده',
    },
    clock: { FIRST_RESPONSE: 'نخستین پاسخ', RESOLUTION: 'حل' },
    slaPrefix: {
      SLA_WARNING: 'هشدار SLA',
      SLA_BREACHED: 'نقض SLA',
      SLA_ESCALATED: 'ارجاع به سطح بالاتر',
    },
    lines: {
      REQUEST_CREATED: (v) =>
        `${v.actor} از ${v.customer} درخواست تازه‌ای برای ${v.supplier} ثبت کرد (${v.priority}).`,
      REQUEST_ASSIGNED: (v) => `${v.actor} این درخواست را به شما واگذار کرد.`,
      REQUEST_COMMENTED: (v) => `${v.actor} پاسخ داد:`,
      REQUEST_STATUS_CHANGED: (v) => `${v.actor} وضعیت را به «${v.status}» تغییر داد.`,
      WAITING: (v) => `${v.actor} منتظر پاسخ شماست: درخواست در انتظار شما است.`,
      RATING_INVITATION: () => 'درخواست حل شد. چگونه بود؟ لطفاً به آن امتیاز دهید.',
      SURVEY_INVITATION: (v) =>
        `نظرسنجی «${v.title}»: واحدهایی که با آن‌ها کار کرده‌اید چگونه به شما خدمت می‌کنند؟ باز تا ${v.closesAt}.`,
      SLA_WARNING: (v) => `موعد هدف ${v.clock} ${v.dueAt} است.`,
      SLA_BREACHED: (v) => `هدف ${v.clock} از دست رفت.`,
      SLA_ESCALATED: (v) => `هدف ${v.clock} از دست رفت و به شما ارجاع شد.`,
    },
  },
  el: {
    greeting: (name) => `Γεια σας, ${name},`,
    someone: 'Κάποιος',
    open: 'Άνοιγμα του αιτήματος',
    openSurvey: 'Απάντηση στην έρευνα',
    why: 'Λαμβάνετε αυτό το μήνυμα λόγω των ρυθμίσεων ειδοποιήσεων σας στο Intradesk.',
    manage: 'Αλλάξτε τι λαμβάνετε',
    digestSubject: (n) => `Intradesk: η ημερήσια σύνοψή σας (${n})`,
    digestIntro: 'Τι συνέβη από την τελευταία σας σύνοψη:',
    status: {
      NEW: 'νέο',
      IN_PROGRESS: 'σε εξέλιξη',
      WAITING_ON_CUSTOMER: 'σε αναμονή του πελάτη',
      RESOLVED: 'επιλύθηκε',
      CLOSED: 'κλειστό',
      CANCELLED: 'ακυρώθηκε',
    },
    clock: { FIRST_RESPONSE: 'πρώτης απάντησης', RESOLUTION: 'επίλυσης' },
    slaPrefix: {
      SLA_WARNING: 'Προειδοποίηση SLA',
      SLA_BREACHED: 'Παραβίαση SLA',
      SLA_ESCALATED: 'Κλιμάκωση',
    },
    lines: {
      REQUEST_CREATED: (v) =>
        `${v.actor} από ${v.customer} υπέβαλε νέο αίτημα προς ${v.supplier} (${v.priority}).`,
      REQUEST_ASSIGNED: (v) => `${v.actor} σας ανέθεσε αυτό το αίτημα.`,
      REQUEST_COMMENTED: (v) => `${v.actor} απάντησε:`,
      REQUEST_STATUS_CHANGED: (v) => `${v.actor} άλλαξε την κατάσταση σε «${v.status}».`,
      WAITING: (v) => `${v.actor} χρειάζεται την απάντησή σας: το αίτημα περιμένει εσάς.`,
      RATING_INVITATION: () => 'Το αίτημα επιλύθηκε. Πώς πήγε; Αξιολογήστε το, παρακαλώ.',
      SURVEY_INVITATION: (v) =>
        `Έρευνα «${v.title}»: πώς σας εξυπηρετούν τα τμήματα με τα οποία συνεργαστήκατε; Ανοιχτή έως ${v.closesAt}.`,
      SLA_WARNING: (v) => `Ο στόχος ${v.clock} λήγει ${v.dueAt}.`,
      SLA_BREACHED: (v) => `Ο στόχος ${v.clock} δεν τηρήθηκε.`,
      SLA_ESCALATED: (v) => `Ο στόχος ${v.clock} δεν τηρήθηκε· κλιμακώθηκε σε εσάς.`,
    },
  },
};

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function formatTime(iso: string | null | undefined, locale: MailLocale, timeZone: string) {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
      timeZoneName: 'short',
    }).format(at);
  } catch {
    return at.toISOString();
  }
}

function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

export function requestLink(publicUrl: string, number: string): string {
  return `${publicUrl}/requests/${encodeURIComponent(number)}`;
}

export function preferencesLink(publicUrl: string): string {
  return `${publicUrl}/settings/notifications`;
}

// The sentence that says what happened (values not yet escaped).
function line(item: MailItem, locale: MailLocale, timeZone: string): string {
  const w = WORDS[locale];
  const p = item.params;
  const vars: Vars = {
    actor: item.actorName ?? w.someone,
    customer: item.request?.customerName ?? '',
    supplier: item.request?.supplierName ?? '',
    priority: p.priority ?? '',
    status: w.status[p.status ?? item.request?.status ?? ''] ?? p.status ?? '',
    clock: w.clock[p.clock ?? ''] ?? '',
    dueAt: formatTime(p.dueAt, locale, timeZone),
    title: p.title ?? '',
    closesAt: formatTime(p.closesAt, locale, timeZone),
  };
  // A status change, or a question folded with it (asking for information: one mail).
  if (
    (item.kind === 'REQUEST_STATUS_CHANGED' || item.kind === 'REQUEST_COMMENTED') &&
    p.status === 'WAITING_ON_CUSTOMER'
  )
    return w.lines.WAITING(vars);
  const make = w.lines[item.kind];
  return make ? make(vars) : (p.message ?? '');
}

function itemSubject(item: MailItem, locale: MailLocale): string {
  const w = WORDS[locale];
  if (!item.request) {
    if (item.kind === 'SURVEY_INVITATION')
      return clip(`Intradesk: ${item.params.title ?? ''}`, 200);
    return clip(item.params.message ?? 'Intradesk', 200);
  }
  const prefix = w.slaPrefix[item.kind];
  const base = `[${item.request.number}] ${item.request.title}`;
  return clip(prefix ? `${prefix}: ${base}` : base, 200);
}

function link(item: MailItem, locale: MailLocale, publicUrl: string) {
  const w = WORDS[locale];
  if (item.request) return { href: requestLink(publicUrl, item.request.number), label: w.open };
  if (item.kind === 'SURVEY_INVITATION')
    return { href: `${publicUrl}/surveys`, label: w.openSurvey };
  return null;
}

function htmlPage(locale: MailLocale, subject: string, body: string, footer: string): string {
  const dir = locale === 'fa' ? 'rtl' : 'ltr';
  return (
    `<!DOCTYPE html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>` +
    `<body dir="${dir}" style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">${body}` +
    `<hr><p style="font-size:small;color:#555">${footer}</p></body></html>`
  );
}

// The words quoted under the sentence: a comment's body, or the question a "waiting on you"
// mail asks.
function quoted(item: MailItem): string | null {
  if (item.kind === 'REQUEST_COMMENTED' || item.kind === 'REQUEST_STATUS_CHANGED')
    return item.params.detail || null;
  return null;
}

function quoteHtml(text: string): string {
  return `<blockquote dir="auto" style="margin:0 0 1em;padding-inline-start:1em;border-inline-start:3px solid #ccc;white-space:pre-wrap">${escapeHtml(text)}</blockquote>`;
}

export function renderMail(input: MailRenderInput): RenderedMail {
  const { locale, timeZone, publicUrl } = input;
  const w = WORDS[locale];
  const manage = preferencesLink(publicUrl);
  const footerText = `${w.why}\n${w.manage}: ${manage}`;
  const footerHtml = `${escapeHtml(w.why)}<br><a href="${escapeHtml(manage)}">${escapeHtml(w.manage)}</a>`;
  const greeting = w.greeting(input.recipientName);

  if (input.kind === 'DIGEST') {
    const items = input.items ?? [];
    const subject = w.digestSubject(new Intl.NumberFormat(locale).format(items.length));
    const textItems = items.map((item) => {
      const target = link(item, locale, publicUrl);
      return `- ${itemSubject(item, locale)}\n  ${line(item, locale, timeZone)}${
        quoted(item) ? `\n  “${clip(quoted(item)!.replace(/\s+/g, ' ').trim(), 300)}”` : ''
      }${target ? `\n  ${target.href}` : ''}`;
    });
    const htmlItems = items.map((item) => {
      const target = link(item, locale, publicUrl);
      const head = escapeHtml(itemSubject(item, locale));
      return (
        `<li><strong dir="auto">${target ? `<a href="${escapeHtml(target.href)}">${head}</a>` : head}</strong>` +
        `<br>${escapeHtml(line(item, locale, timeZone))}` +
        (quoted(item) ? quoteHtml(clip(quoted(item)!, 300)) : '') +
        '</li>'
      );
    });
    return {
      subject,
      text: `${greeting}\n\n${w.digestIntro}\n\n${textItems.join('\n\n')}\n\n-- \n${footerText}\n`,
      html: htmlPage(
        locale,
        subject,
        `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(w.digestIntro)}</p><ul>${htmlItems.join('')}</ul>`,
        footerHtml,
      ),
    };
  }

  const subject = itemSubject(input, locale);
  const sentence = line(input, locale, timeZone);
  const detail = quoted(input) ?? '';
  const target = link(input, locale, publicUrl);
  const text =
    `${greeting}\n\n${sentence}\n` +
    (detail ? `\n${detail.replace(/^/gm, '> ')}\n` : '') +
    (input.request ? `\n${input.request.number}: ${input.request.title}\n` : '') +
    (target ? `${target.label}: ${target.href}\n` : '') +
    `\n-- \n${footerText}\n`;
  const html = htmlPage(
    locale,
    subject,
    `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(sentence)}</p>` +
      (detail ? quoteHtml(detail) : '') +
      (input.request
        ? `<p><strong dir="auto">${escapeHtml(`${input.request.number}: ${input.request.title}`)}</strong></p>`
        : '') +
      (target ? `<p><a href="${escapeHtml(target.href)}">${escapeHtml(target.label)}</a></p>` : ''),
    footerHtml,
  );
  return { subject, text, html };
}
