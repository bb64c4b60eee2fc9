import { replyTextOf, stripQuoteAndSignature } from './reply-text';

const QUOTED = 'Could you send the invoice number?\nThanks, IT';

describe('replyTextOf: the reply without the quoted message and the signature', () => {
  it.each([
    [
      'Gmail (en)',
      `Here is the invoice, number 4711.\n\nOn Wed, Dec 2, 2026 at 10:00 AM IT Desk <reply+abc@desk.example.org> wrote:\n\n> ${QUOTED.replace(/\n/g, '\n> ')}\n`,
    ],
    [
      'Gmail (en), the header wrapped over two lines',
      `Here is the invoice, number 4711.\n\nOn Wed, Dec 2, 2026 at 10:00 AM Somebody With A Long Name <\nreply+abc@desk.example.org> wrote:\n\n> ${QUOTED.replace(/\n/g, '\n> ')}\n`,
    ],
    [
      'Apple Mail (en)',
      `Here is the invoice, number 4711.\n\nSent from my iPhone\n\n> On 2 Dec 2026, at 10:00, IT Desk <reply+abc@desk.example.org> wrote:\n>\n> ${QUOTED}\n`,
    ],
    [
      'Thunderbird (en)',
      `Here is the invoice, number 4711.\n\n-- \nAna Lopez\nPayroll\n\nOn 02/12/2026 10:00, IT Desk wrote:\n> ${QUOTED.replace(/\n/g, '\n> ')}\n`,
    ],
    [
      'Outlook (en)',
      `Here is the invoice, number 4711.\n\nBest regards,\nAna\n\n________________________________\nFrom: IT Desk <reply+abc@desk.example.org>\nSent: Wednesday, December 2, 2026 10:00 AM\nTo: Ana Lopez <ana@example.org>\nSubject: IT-42 needs your answer\n\n${QUOTED}\n`,
    ],
    [
      'Outlook (en), Original Message',
      `Here is the invoice, number 4711.\n\n-----Original Message-----\nFrom: IT Desk [mailto:reply+abc@desk.example.org]\nSent: Wednesday, December 2, 2026 10:00 AM\n\n${QUOTED}\n`,
    ],
    [
      'Gmail (es)',
      `Here is the invoice, number 4711.\n\nEl mié, 2 dic 2026 a las 10:00, IT Desk (<reply+abc@desk.example.org>) escribió:\n\n> ${QUOTED}\n`,
    ],
    [
      'Apple Mail (es), with its signature',
      `Here is the invoice, number 4711.\n\nEnviado desde mi iPhone\n\n> El 2 dic 2026, a las 10:00, IT Desk <reply+abc@desk.example.org> escribió:\n> ${QUOTED}\n`,
    ],
    [
      'Outlook (es)',
      `Here is the invoice, number 4711.\n\nDe: IT Desk <reply+abc@desk.example.org>\nEnviado: miércoles, 2 de diciembre de 2026 10:00\nPara: Ana <ana@example.org>\nAsunto: IT-42\n\n${QUOTED}\n`,
    ],
    [
      'Gmail (it)',
      `Here is the invoice, number 4711.\n\nIl giorno mer 2 dic 2026 alle ore 10:00 IT Desk <reply+abc@desk.example.org> ha scritto:\n\n> ${QUOTED}\n`,
    ],
    [
      'iPhone (it)',
      `Here is the invoice, number 4711.\n\nInviato da iPhone\n\n> Il giorno 2 dic 2026, alle ore 10:00, IT Desk <reply+abc@desk.example.org> ha scritto:\n> ${QUOTED}\n`,
    ],
    [
      'Gmail (el)',
      `Here is the invoice, number 4711.\n\nΣτις Τετ 2 Δεκ 2026 στις 10:00 π.μ., ο χρήστης IT Desk <reply+abc@desk.example.org> έγραψε:\n\n> ${QUOTED}\n`,
    ],
    [
      'Outlook (el)',
      `Here is the invoice, number 4711.\n\nΑπό: IT Desk <reply+abc@desk.example.org>\nΣτάλθηκε: Τετάρτη, 2 Δεκεμβρίου 2026 10:00 πμ\nΠρος: Ana\n\n${QUOTED}\n`,
    ],
    [
      'Gmail (fa), with bidirectional marks',
      `Here is the invoice, number 4711.\n\n\u200fدر تاریخ چهارشنبه ۲ دسامبر ۲۰۲۶ ساعت ۱۰:۰۰ IT Desk <\u200freply+abc@desk.example.org\u200f> نوشت:\u200f\n\n> ${QUOTED}\n`,
    ],
    [
      'Outlook (fa)',
      `Here is the invoice, number 4711.\n\nاز: IT Desk <reply+abc@desk.example.org>\nارسال شده: چهارشنبه\n\n${QUOTED}\n`,
    ],
  ])('%s', (_client, text) => {
    expect(replyTextOf({ text })).toBe('Here is the invoice, number 4711.');
  });

  it('keeps a reply of several paragraphs and a sentence that starts like a signature', () => {
    const body =
      'First paragraph.\n\nInviato da Roma il pacco, arriva domani.\nSecond line.\nThird.\nFourth.\nFifth.\nSixth.\nSeventh.';
    const text = `${body}\n\nOn Wed, Dec 2, 2026 at 10:00 AM IT <it@x.org> wrote:\n> old`;
    expect(replyTextOf({ text })).toBe(body);
  });

  it('keeps the answers of an inline reply and drops the quoted lines', () => {
    const text = '> Which laptop?\nThe grey one.\n> Since when?\nMonday.\n';
    expect(stripQuoteAndSignature(text)).toBe('The grey one.\nMonday.');
  });

  describe('HTML only', () => {
    it('Gmail: drops the gmail_quote and the signature', () => {
      const html =
        '<div dir="ltr">Here is the invoice, <b>number 4711</b>.<br><br><div class="gmail_signature">Ana Lopez<br>Payroll</div></div><br><div class="gmail_quote"><div class="gmail_attr">On Wed, Dec 2, 2026 at 10:00 AM IT Desk &lt;reply+abc@desk.example.org&gt; wrote:<br></div><blockquote class="gmail_quote">Could you send it?</blockquote></div>';
      expect(replyTextOf({ text: '', html })).toBe('Here is the invoice, number 4711.');
    });

    it('Apple Mail and Thunderbird: drop blockquote type=cite and its prefix', () => {
      const html =
        '<html><body>Here is the invoice, number 4711.<div class="moz-cite-prefix">On 02/12/2026 10:00, IT Desk wrote:<br></div><blockquote type="cite">Could you send it?</blockquote></body></html>';
      expect(replyTextOf({ html })).toBe('Here is the invoice, number 4711.');
    });

    it('Outlook: the From block is found in the converted text', () => {
      const html =
        '<div>Here is the invoice, number 4711.</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> IT Desk &lt;reply+abc@desk.example.org&gt;<br><b>Sent:</b> Wednesday, December 2, 2026 10:00 AM<br><b>Subject:</b> IT-42</div><div>Could you send it?</div>';
      expect(replyTextOf({ html })).toBe('Here is the invoice, number 4711.');
    });
  });

  it('is empty for a reply that only quotes', () => {
    expect(
      replyTextOf({ text: 'On Wed, Dec 2, 2026 at 10:00 AM IT <it@x.org> wrote:\n> old\n' }),
    ).toBe('');
  });
});
