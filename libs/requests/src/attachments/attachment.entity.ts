import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@intradesk/organization';
import { CommentEntity } from '../comments/comment.entity';
import { RequestEntity } from '../requests/request.entity';

// A file on a request: on one of its comments (commentId), or on the request itself. Pending
// while uploaded for a comment not yet sent, or (requestId null) for a request not yet filed:
// then only its uploader sees it, until addComment or createRequest links it (or DELETE
// /attachments/:id drops it, or the cleanup job once ATTACHMENT_PENDING_HOURS have passed).
@Entity({ name: 'attachments' })
@Index('ix_attachments_request', ['requestId', 'createdAt'])
@Index('ix_attachments_comment', ['commentId'])
// The cleanup job's scan: pending rows only, oldest first.
@Index('ix_attachments_pending', ['createdAt'], { where: 'pending' })
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // Null only while pending for a request not yet filed (POST /attachments).
  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;

  @ManyToOne(() => RequestEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'request_id' })
  request?: RequestEntity;

  @Column({ type: 'uuid', nullable: true })
  commentId: string | null;

  @ManyToOne(() => CommentEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'comment_id' })
  comment?: CommentEntity | null;

  @Column({ type: 'boolean', default: false })
  pending: boolean;

  @Column({ type: 'uuid' })
  uploaderId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploader_id' })
  uploader?: UserEntity;

  // As given, made safe for display and headers (sanitizeFileName); never a path.
  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  // Detected from the bytes, never from the name or the uploader's Content-Type.
  @Column({ type: 'varchar', length: 127 })
  contentType: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  // The store's key: a random UUID (with the S3 prefix in front there), never derived from the name.
  @Column({ type: 'varchar', length: 512 })
  storageKey: string;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
