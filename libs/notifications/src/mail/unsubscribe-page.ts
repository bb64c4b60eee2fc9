import { DIGEST_KIND } from './mail-message.entity';
import { escapeHtml, MailLocale, preferencesLink } from './mail-templates';

// The page behind a List-Unsubscribe link (GET /mail/unsubscribe?token=…): it changes nothing
// (mail scanners open links) and asks; its button POSTs the same URL with RFC 8058's body, as mail
// providers do. In the recipient's language; plain HTML under the app's content security policy
// (no inline style or script: its look is the stylesheet below, served beside it).

// GET /mail/unsubscribe.css: a plain card in the web app's colours; logical properties, so that
// right-to-left pages mirror by themselves.
export const UNSUBSCRIBE_CSS = `
:root { color-scheme: light; }
body { margin: 0; min-height: 100vh; background: #f4f6f9; color: #1b2330;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Vazirmatn", sans-serif; }
main { box-sizing: border-box; max-width: 36rem; margin: 4rem auto; padding: 2rem;
  background: #fff; border: 1px solid #d5dbe3; border-radius: 0.5rem; }
main::before { content: "Intradesk"; display: block; margin-block-end: 1.5rem; font-weight: 700;
  color: #1d4f91; }
h1 { margin: 0 0 1rem; font-size: 1.375rem; line-height: 1.3; }
p { margin: 0 0 1rem; }
button { font: inherit; font-weight: 600; padding: 0.5rem 1.25rem; border: 0; border-radius: 0.375rem;
  background: #1d4f91; color: #fff; cursor: pointer; }
button:hover { background: #163d70; }
button:focus-visible, a:focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
a { color: #1d4f91; }
form { margin-block-end: 1rem; }
`;

interface UnsubscribeWords {
  title: string;
  ask: (kind: string) => string;
  explain: string;
  button: string;
  done: (kind: string) => string;
  invalid: string;
  settings: string;
  kinds: Record<string, string>;
}

const WORDS: Record<MailLocale, UnsubscribeWords> = {
  en: {
    title: 'Unsubscribe',
    ask: (kind) => `Stop e-mail about “${kind}”?`,
    explain:
      'You will still see these notifications in the app. You can change this at any time in your notification settings.',
    button: 'Stop these e-mails',
    done: (kind) => `Done: no more e-mail about “${kind}”.`,
    invalid: 'This unsubscribe link is not valid or has expired.',
    settings: 'Notification settings',
    kinds: {
      REQUEST_CREATED: 'New requests to my department',
      REQUEST_ASSIGNED: 'Requests assigned to me',
      REQUEST_COMMENTED: 'Replies on my requests',
      REQUEST_STATUS_CHANGED: 'Status changes (started, waiting on you, resolved…)',
      RATING_INVITATION: 'Invitations to rate a resolved request',
      SURVEY_INVITATION: 'Pulse survey invitations',
      SLA_WARNING: 'Service-level warnings (a target is close)',
      SLA_BREACHED: 'Service-level breaches (a target was missed)',
      SLA_ESCALATED: 'Escalations to me',
      [DIGEST_KIND]: 'The daily digest',
    },
  },
  es: {
    title: 'Darse de baja',
    ask: (kind) => `¿Dejar de recibir correos sobre «${kind}»?`,
    explain:
      'Seguirá viendo estas notificaciones en la aplicación. Puede cambiarlo cuando quiera en su configuración de notificaciones.',
    button: 'Dejar de recibir estos correos',
    done: (kind) => `Hecho: ya no recibirá correos sobre «${kind}».`,
    invalid: 'Este enlace para darse de baja no es válido o ha caducado.',
    settings: 'Configuración de notificaciones',
    kinds: {
      REQUEST_CREATED: 'Solicitudes nuevas para mi departamento',
      REQUEST_ASSIGNED: 'Solicitudes que se me asignan',
      REQUEST_COMMENTED: 'Respuestas en mis solicitudes',
      REQUEST_STATUS_CHANGED: 'Cambios de estado (en curso, esperando su respuesta, resuelta…)',
      RATING_INVITATION: 'Invitaciones a valorar una solicitud resuelta',
      SURVEY_INVITATION: 'Invitaciones a encuestas de pulso',
      SLA_WARNING: 'Avisos de nivel de servicio (un objetivo está a punto de vencer)',
      SLA_BREACHED: 'Incumplimientos del nivel de servicio (no se cumplió un objetivo)',
      SLA_ESCALATED: 'Escalados hacia mí',
      [DIGEST_KIND]: 'El resumen diario',
    },
  },
  it: {
    title: "Annulla l'iscrizione",
    ask: (kind) => `Non ricevere più e-mail su «${kind}»?`,
    explain:
      "Continuerai a vedere queste notifiche nell'app. Puoi cambiare idea in qualsiasi momento nelle impostazioni di notifica.",
    button: 'Non inviarmi più queste e-mail',
    done: (kind) => `Fatto: non riceverai più e-mail su «${kind}».`,
    invalid: "Questo link per annullare l'iscrizione non è valido o è scaduto.",
    settings: 'Impostazioni di notifica',
    kinds: {
      REQUEST_CREATED: 'Nuove richieste al mio reparto',
      REQUEST_ASSIGNED: 'Richieste assegnate a me',
      REQUEST_COMMENTED: 'Risposte nelle mie richieste',
      REQUEST_STATUS_CHANGED:
        'Cambi di stato (in lavorazione, in attesa di una tua risposta, risolta…)',
      RATING_INVITATION: 'Inviti a valutare una richiesta risolta',
      SURVEY_INVITATION: 'Inviti ai sondaggi pulse',
      SLA_WARNING: 'Avvisi sul livello di servizio (un obiettivo sta per scadere)',
      SLA_BREACHED: 'Violazioni del livello di servizio (un obiettivo non è stato rispettato)',
      SLA_ESCALATED: 'Escalation verso di me',
      [DIGEST_KIND]: 'Il riepilogo giornaliero',
    },
  },
  fa: {
    title: 'لغو اشتراک',
    ask: (kind) => `دیگر ایمیلی دربارهٔ «${kind}» دریافت نکنید؟`,
    explain:
      'این اعلان‌ها را همچنان در برنامه می‌بینید. هر زمان بخواهید می‌توانید این را در تنظیمات اعلان‌ها تغییر دهید.',
    button: 'توقف این ایمیل‌ها',
    done: (kind) => `انجام شد: دیگر ایمیلی دربارهٔ «${kind}» دریافت نمی‌کنید.`,
    invalid: 'این پیوند لغو اشتراک معتبر نیست یا منقضی شده است.',
    settings: 'تنظیمات اعلان‌ها',
    kinds: {
      REQUEST_CREATED: 'درخواست‌های جدید برای واحد من',
      REQUEST_ASSIGNED: 'درخواست‌های واگذارشده به من',
      REQUEST_COMMENTED: 'پاسخ‌ها در درخواست‌های من',
      REQUEST_STATUS_CHANGED: 'تغییر وضعیت (شروع کار، در انتظار شما، حل‌شده…)',
      RATING_INVITATION: 'دعوت به امتیازدهی به درخواست حل‌شده',
      SURVEY_INVITATION: 'دعوت به نظرسنجی‌های دوره‌ای',
      SLA_WARNING: 'هشدارهای سطح خدمات (سررسید یک هدف نزدیک است)',
      SLA_BREACHED: 'نقض سطح خدمات (هدفی رعایت نشد)',
      SLA_ESCALATED: 'ارجاع‌ها به من',
      [DIGEST_KIND]: 'خلاصهٔ روزانه',
    },
  },
  el: {
    title: 'Διαγραφή από τα e-mail',
    ask: (kind) => `Να σταματήσουν τα e-mail για «${kind}»;`,
    explain:
      'Θα συνεχίσετε να βλέπετε αυτές τις ειδοποιήσεις στην εφαρμογή. Μπορείτε να το αλλάξετε οποτεδήποτε στις ρυθμίσεις ειδοποιήσεων.',
    button: 'Διακοπή αυτών των e-mail',
    done: (kind) => `Έγινε: δεν θα λαμβάνετε πλέον e-mail για «${kind}».`,
    invalid: 'Αυτός ο σύνδεσμος διαγραφής δεν είναι έγκυρος ή έχει λήξει.',
    settings: 'Ρυθμίσεις ειδοποιήσεων',
    kinds: {
      REQUEST_CREATED: 'Νέα αιτήματα προς το τμήμα μου',
      REQUEST_ASSIGNED: 'Αιτήματα που μου ανατίθενται',
      REQUEST_COMMENTED: 'Απαντήσεις στα αιτήματά μου',
      REQUEST_STATUS_CHANGED: 'Αλλαγές κατάστασης (έναρξη εργασιών, αναμονή για εσάς, επίλυση…)',
      RATING_INVITATION: 'Προσκλήσεις για βαθμολόγηση επιλυμένου αιτήματος',
      SURVEY_INVITATION: 'Προσκλήσεις σε σύντομες έρευνες ικανοποίησης',
      SLA_WARNING: 'Προειδοποιήσεις επιπέδου υπηρεσίας (ένας στόχος πλησιάζει)',
      SLA_BREACHED: 'Παραβιάσεις επιπέδου υπηρεσίας (δεν τηρήθηκε ένας στόχος)',
      SLA_ESCALATED: 'Κλιμακώσεις προς εμένα',
      [DIGEST_KIND]: 'Η ημερήσια σύνοψη',
    },
  },
};

export type UnsubscribePage =
  | { state: 'ask'; kind: string; token: string }
  | { state: 'done'; kind: string }
  | { state: 'invalid' };

export function unsubscribePage(page: UnsubscribePage, locale: MailLocale, publicUrl: string) {
  const w = WORDS[locale];
  const dir = locale === 'fa' ? 'rtl' : 'ltr';
  const kind = page.state === 'invalid' ? '' : (w.kinds[page.kind] ?? page.kind);
  const settings = `<p><a href="${escapeHtml(preferencesLink(publicUrl))}">${escapeHtml(w.settings)}</a></p>`;
  let body: string;
  if (page.state === 'ask')
    body =
      `<h1>${escapeHtml(w.ask(kind))}</h1><p>${escapeHtml(w.explain)}</p>` +
      // Relative, so it posts back to this very URL whatever path the desk is served under.
      `<form method="post" action="unsubscribe?token=${encodeURIComponent(page.token)}">` +
      `<input type="hidden" name="List-Unsubscribe" value="One-Click">` +
      `<button type="submit">${escapeHtml(w.button)}</button></form>${settings}`;
  else if (page.state === 'done')
    body = `<h1 role="status">${escapeHtml(w.done(kind))}</h1><p>${escapeHtml(w.explain)}</p>${settings}`;
  else body = `<h1>${escapeHtml(w.invalid)}</h1>${settings}`;
  return (
    `<!DOCTYPE html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex">` +
    `<link rel="stylesheet" href="unsubscribe.css">` +
    `<title>${escapeHtml(w.title)} · Intradesk</title></head><body><main>${body}</main></body></html>`
  );
}
