import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MAX_PAGE_SIZE } from './list-deliveries.query.js';

/** `:chatId` of `GET /admin/chats/:chatId/messages`. */
export class ChatParams {
  @ApiProperty({ description: 'Chat id (JID), URL-encoded, e.g. `628111%40s.whatsapp.net`.', maxLength: 200 })
  @IsString() @MinLength(1) @MaxLength(200)
  chatId!: string;
}

/** `GET /admin/chats/:chatId/messages`: keyset paging, newest first. */
export class ChatMessagesQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit: number = 50;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page.' })
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,1024}$/, { message: 'cursor must be a cursor returned by a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ description: 'Only this gateway account (device JID).', maxLength: 200 })
  @IsOptional() @IsString() @MaxLength(200)
  device?: string;
}
