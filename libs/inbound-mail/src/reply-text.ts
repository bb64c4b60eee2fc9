import EmailReplyParser from 'email-reply-parser';
import { convert } from 'html-to-text';

// The quoted message and the signature come off with email-reply-parser (GitHub's
// email_reply_parser rules, maintained by Crisp: "On … wrote:" in a dozen languages, Outlook's
// "From: … <…>" and "-----Original Message-----" blocks, "> " lines, "-- " and "Sent from …"
// signatures). Its 1.x line is the CommonJS one that runs on Node 20 (2.x is ES modules for
// Node 22+). What it lacks for this desk's languages (Greek and Persian headers, Italian and
// Greek "sent from" lines, the original-message rules of es/it/el) is cut first, below.

// A line from which on everything is the quoted message. Bidirectional marks are taken out of a
// line before it is tested (Persian clients put them around names and dates).
const QUOTE_HEADERS: RegExp[] = [
  // el (Gmail, Thunderbird): Στις Τετ 2 Δεκ 2026 στις 10:00, Όνομα <x@y> έγραψε:
  /^\s*Στις\s.*έγραψε\s*:?\s*$/,
  // el (Apple Mail): Στις 2 Δεκ 2026, 10:00, ο/η Όνομα <x@y> έγραψε:
  /^\s*.+\sέγραψε\s*:\s*$/,
  // fa (Gmail): در تاریخ چهارشنبه ۲ دسامبر ۲۰۲۶ ساعت ۱۰:۰۰ Name <x@y> نوشت:
  /^\s*در\s.*نوشت\s*:?\s*$/,
  /^\s*.+\sنوشت\s*:\s*$/,
  // es, it (Apple Mail, Thunderbird): "El 2 dic 2026, a las 10:00, X escribió:" is the
  // library's; these are the wrapped and the Outlook-for-Mac forms.
  /^\s*.+\s(escribió|ha scritto)\s*:\s*$/,
  // Outlook's header block in el and fa: "Από: Name <x@y>", "از: Name <x@y>"
  /^\s*(Από|از)\s?:.*[<[].+[>\]]/,
  /^\s*(Από|از)\s?:\s*\S.*$/,
  // Outlook's "-----Original Message-----" in es, it, el, fa
  /^-{2,}\s*(Mensaje original|Messaggio originale|Αρχικό μήνυμα|پیام اصلی)\s*-{2,}\s*$/i,
];

// A line that starts the signature (everything from it to the end goes).
const SIGNATURE_STARTS: RegExp[] = [
  /^Inviato da(l mio)?\s.+$/i, // it: Inviato da iPhone, Inviato dal mio iPhone
  /^Enviado (desde|con) .+$/i, // es
  /^Στάλθηκε από .+$/i, // el
  /^ارسال شده (از|با) .+$/, // fa
  /^Sent (from|with) .+$/i, // en (also the library's)
];

const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const parser = new EmailReplyParser();

// The part of a reply its author wrote: no quoted message, no signature. text is the
// text/plain part when there is one; html is used only without it.
export function replyTextOf(message: { text?: string | null; html?: string | null }): string {
  const text = message.text?.trim()
    ? message.text
    : message.html
      ? htmlReplyText(message.html)
      : '';
  return stripQuoteAndSignature(text);
}

export function stripQuoteAndSignature(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cut = lines.findIndex((line, index) => {
    const plain = line.replace(BIDI_MARKS, '');
    if (QUOTE_HEADERS.some((rule) => rule.test(plain))) return true;
    // A signature line counts only among the last lines (a sentence that starts "Sent from" in
    // the middle of a reply is text).
    return (
      SIGNATURE_STARTS.some((rule) => rule.test(plain.trim())) &&
      lines.slice(index + 1).filter((l) => l.trim() !== '').length <= 6
    );
  });
  const kept = (cut >= 0 ? lines.slice(0, cut) : lines).join('\n');
  return parser
    .parseReply(kept)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// An HTML-only reply: to text without the quote containers the big clients mark (Gmail's
// gmail_quote, Apple Mail's and Thunderbird's blockquote type=cite and moz-cite-prefix) and
// their signature blocks; what is left (Outlook's "From:" block) goes through the text rules.
export function htmlReplyText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: '.gmail_quote', format: 'skip' },
      { selector: '.gmail_signature', format: 'skip' },
      { selector: 'blockquote[type=cite]', format: 'skip' },
      { selector: '.moz-cite-prefix', format: 'skip' },
      { selector: '.moz-signature', format: 'skip' },
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'hr', format: 'skip' },
    ],
  });
}
