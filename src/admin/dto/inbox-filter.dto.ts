import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import type { InboxStatus } from '../../database/index.js';

export const INBOX_STATUSES: readonly InboxStatus[] = ['pending', 'processing', 'done', 'dead', 'unrecognized'];

/** Filters shared by listing and bulk replay; times are ISO 8601 on the received time. */
export class InboxFilterDto {
  @ApiPropertyOptional({ enum: INBOX_STATUSES })
  @IsOptional() @IsIn(INBOX_STATUSES)
  status?: InboxStatus;

  @ApiPropertyOptional({ description: 'Gateway event name, e.g. `message` or `message.ack`.', maxLength: 100 })
  @IsOptional() @IsString() @MaxLength(100)
  event?: string;

  @ApiPropertyOptional({ description: 'Chat id (JID), e.g. `628111@s.whatsapp.net`.', maxLength: 200 })
  @IsOptional() @IsString() @MaxLength(200)
  chat?: string;

  @ApiPropertyOptional({ description: 'Received at or after (inclusive).', format: 'date-time' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Received before (exclusive).', format: 'date-time' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}
