import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { InboxFilterDto } from './inbox-filter.dto.js';

export const MAX_REPLAY_BATCH = 1000;

/** `POST /admin/inbox/:deliveryId/replay`. */
export class ReplayOneBody {
  @ApiPropertyOptional({ default: false, description: 'Also re-run handlers that already succeeded.' })
  @IsOptional() @IsBoolean()
  rerunSucceededHandlers?: boolean;
}

/** `POST /admin/inbox/replay`: replays the matching deliveries (dead letters when no status is given). */
export class ReplayMatchingBody extends InboxFilterDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_REPLAY_BATCH, default: 100 })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_REPLAY_BATCH)
  limit: number = 100;

  @ApiPropertyOptional({ default: false, description: 'Also re-run handlers that already succeeded.' })
  @IsOptional() @IsBoolean()
  rerunSucceededHandlers?: boolean;
}

export class ReplayResultDto {
  @ApiProperty({ description: 'How many deliveries were made due again.' })
  replayed!: number;
}
