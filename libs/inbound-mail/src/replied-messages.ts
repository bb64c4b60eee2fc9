import { Injectable } from '@nestjs/common';
import { MailMessageEntity } from '@intradesk/notifications';
import { DataSource } from 'typeorm';

export type RepliedMessage = Pick<MailMessageEntity, 'recipientUserId' | 'requestId' | 'createdAt'>;

// The outgoing message (mail_messages, the notification outbox) that a reply token names.
@Injectable()
export class RepliedMessages {
  constructor(private readonly dataSource: DataSource) {}

  find(id: string): Promise<RepliedMessage | null> {
    return this.dataSource.getRepository(MailMessageEntity).findOne({
      select: { recipientUserId: true, requestId: true, createdAt: true },
      where: { id },
    });
  }
}
