import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { showsInline } from '../attachments/attachment-content';
import { AttachmentEntity } from '../attachments/attachment.entity';

@ObjectType('Attachment', {
  description:
    'A file on a comment or on the request itself; seen by exactly those who see its comment (or request)',
})
export class AttachmentModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The name it was uploaded with, made safe for display (never a path)' })
  fileName: string;

  @Field({ description: 'Detected from the bytes, not from the name' })
  contentType: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field({ description: 'SHA-256 of the bytes, hex' })
  sha256: string;

  @Field()
  createdAt: Date;

  @Field({ description: 'Where to download it (signed in): GET, always as an attachment' })
  url: string;

  @Field(() => String, {
    nullable: true,
    description: 'For PNG, JPEG, GIF and WebP images: where to show it inline; null otherwise',
  })
  inlineUrl: string | null;

  @Field({ description: 'Uploaded for a comment not yet sent (seen by its uploader only)' })
  pending: boolean;

  uploaderId: string;
  commentId: string | null;
  requestId: string | null;

  static from(entity: AttachmentEntity): AttachmentModel {
    const model = new AttachmentModel();
    model.id = entity.id;
    model.fileName = entity.fileName;
    model.contentType = entity.contentType;
    model.sizeBytes = entity.sizeBytes;
    model.sha256 = entity.sha256;
    model.createdAt = entity.createdAt;
    model.url = `/attachments/${entity.id}`;
    model.inlineUrl = showsInline(entity.contentType) ? `/attachments/${entity.id}/inline` : null;
    model.pending = entity.pending;
    model.uploaderId = entity.uploaderId;
    model.commentId = entity.commentId;
    model.requestId = entity.requestId;
    return model;
  }
}
