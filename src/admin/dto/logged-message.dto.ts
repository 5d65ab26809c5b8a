import { ApiProperty } from '@nestjs/swagger';
import { MEDIA_KINDS } from '../../events/index.js';
import { MESSAGE_STATUSES } from '../../features/message-log/index.js';

export class LoggedMediaDto {
  @ApiProperty({ enum: MEDIA_KINDS }) kind!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Gateway file: `GET {gateway}/statics/media/…`.' }) path!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'WhatsApp CDN reference (auto-download off).' }) url!: string | null;
  @ApiProperty({ type: String, nullable: true }) caption!: string | null;
  @ApiProperty({ type: String, nullable: true }) mimeType!: string | null;
  @ApiProperty({ type: String, nullable: true }) filename!: string | null;
}

export class LoggedContactDto {
  @ApiProperty({ required: false }) displayName?: string;
  @ApiProperty({ required: false }) vcard?: string;
  @ApiProperty({ required: false }) phoneNumber?: string;
}

export class LoggedLocationDto {
  @ApiProperty({ required: false }) latitude?: number;
  @ApiProperty({ required: false }) longitude?: number;
  @ApiProperty({ required: false }) name?: string;
  @ApiProperty({ required: false }) address?: string;
  @ApiProperty() live!: boolean;
}

export class LoggedReplyDto {
  @ApiProperty() messageId!: string;
  @ApiProperty({ type: String, nullable: true }) quotedText!: string | null;
}

export class LoggedEditDto {
  @ApiProperty({ description: 'Text after the latest edit.' }) text!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt!: string | null;
}

export class LoggedReactionDto {
  @ApiProperty() reactorId!: string;
  @ApiProperty() emoji!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reactedAt!: string | null;
}

/** One message of the log with its current state. */
export class LoggedMessageDto {
  @ApiProperty() messageId!: string;
  @ApiProperty() chatId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Gateway account; null for v7 gateways.' }) deviceId!: string | null;
  @ApiProperty({ type: String, nullable: true }) senderId!: string | null;
  @ApiProperty({ type: String, nullable: true }) senderName!: string | null;
  @ApiProperty() isFromMe!: boolean;
  @ApiProperty() isGroup!: boolean;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty({ example: 'text', description: '`text`, a media kind, `contact`, `location`, `live_location` or `other`.' }) kind!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Original text or caption (edits do not replace it).' }) text!: string | null;
  @ApiProperty({ type: LoggedMediaDto, nullable: true }) media!: LoggedMediaDto | null;
  @ApiProperty({ type: [LoggedContactDto] }) contacts!: LoggedContactDto[];
  @ApiProperty({ type: LoggedLocationDto, nullable: true }) location!: LoggedLocationDto | null;
  @ApiProperty({ type: LoggedReplyDto, nullable: true }) replyTo!: LoggedReplyDto | null;
  @ApiProperty() viewOnce!: boolean;
  @ApiProperty() forwarded!: boolean;
  @ApiProperty({ enum: MESSAGE_STATUSES, description: 'Furthest receipt from any recipient; never goes back.' }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) playedAt!: string | null;
  @ApiProperty({ description: 'Read by this account on another device (`read-self`).' }) readByMe!: boolean;
  @ApiProperty({ type: LoggedEditDto, nullable: true }) edit!: LoggedEditDto | null;
  @ApiProperty({ description: 'Deleted for everyone.' }) revoked!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ description: 'Deleted for this account only.' }) deleted!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt!: string | null;
  @ApiProperty({ type: [LoggedReactionDto], description: 'Current reaction of each person (removed ones are left out).' })
  reactions!: LoggedReactionDto[];
}

export class LoggedMessagePageDto {
  @ApiProperty({ type: [LoggedMessageDto] }) items!: LoggedMessageDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}
