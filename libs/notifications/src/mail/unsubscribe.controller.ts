import { Controller, Get, Logger, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig, Public } from '@intradesk/core';
import { MAIL_LOCALES, mailLocale } from './mail-templates';
import { MailService } from './mail.service';
import { UNSUBSCRIBE_CSS, unsubscribePage, UnsubscribePage } from './unsubscribe-page';

// One-click unsubscribe (RFC 8058), the target of every message's List-Unsubscribe header:
// POST /mail/unsubscribe?token=… (body List-Unsubscribe=One-Click, no session: mail providers call
// it) turns that person's e-mail of that kind off and answers 200, again and again; GET shows a
// page with the button that POSTs it and changes nothing. A forged, malformed or expired token
// gets 400 and changes nothing.
@Controller('mail')
@Public()
export class UnsubscribeController {
  private readonly logger = new Logger('Unsubscribe');

  constructor(
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  @Get('unsubscribe')
  async ask(@Query('token') token: unknown, @Req() req: Request, @Res() res: Response) {
    const who = typeof token === 'string' ? await this.mail.unsubscriber(token) : null;
    if (!who) return this.send(res, 400, { state: 'invalid' }, this.localeOf(req));
    this.send(res, 200, { state: 'ask', kind: who.kind, token: token as string }, who.locale);
  }

  @Get('unsubscribe.css')
  stylesheet(@Res() res: Response) {
    res.setHeader('cache-control', 'public, max-age=86400').type('css').send(UNSUBSCRIBE_CSS);
  }

  @Post('unsubscribe')
  async unsubscribe(@Query('token') token: unknown, @Req() req: Request, @Res() res: Response) {
    const who = typeof token === 'string' ? await this.mail.unsubscriber(token) : null;
    if (!who) return this.send(res, 400, { state: 'invalid' }, this.localeOf(req));
    await this.mail.unsubscribe(who);
    this.logger.log(`user ${who.userId} unsubscribed from ${who.kind} e-mail`);
    this.send(res, 200, { state: 'done', kind: who.kind }, who.locale);
  }

  private localeOf(req: Request) {
    return mailLocale(req.acceptsLanguages([...MAIL_LOCALES]) || 'en');
  }

  private send(
    res: Response,
    status: number,
    page: UnsubscribePage,
    locale: ReturnType<typeof mailLocale>,
  ) {
    res
      .status(status)
      .setHeader('cache-control', 'no-store')
      .setHeader('referrer-policy', 'no-referrer')
      .type('html')
      .send(unsubscribePage(page, locale, this.config.publicUrl));
  }
}
