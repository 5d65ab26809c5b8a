import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { InboxFilterDto } from './inbox-filter.dto.js';

export const MAX_PAGE_SIZE = 500;

/** `GET /admin/inbox`: filters plus keyset paging (newest first). */
export class ListDeliveriesQuery extends InboxFilterDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit: number = 50;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page.' })
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'cursor must be a cursor returned by a previous page' })
  cursor?: string;
}
