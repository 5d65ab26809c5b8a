import { ApiProperty } from '@nestjs/swagger';
import { INBOX_STATUSES } from './inbox-filter.dto.js';

/** One delivery as listed: never its body, which holds message text. */
export class DeliverySummaryDto {
  @ApiProperty() deliveryId!: string;
  @ApiProperty({ description: 'Gateway event name.' }) gatewayEvent!: string;
  @ApiProperty({ type: String, nullable: true }) deviceId!: string | null;
  @ApiProperty({ type: String, nullable: true }) chatId!: string | null;
  @ApiProperty({ enum: INBOX_STATUSES }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliverySummaryDto] }) items!: DeliverySummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}

export class HandlerAttemptDto {
  @ApiProperty({ example: 'RecordingHandler.onMessage' }) handler!: string;
  @ApiProperty({ enum: ['succeeded', 'failed'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DeliveryDetailDto extends DeliverySummaryDto {
  @ApiProperty({ description: 'Size of the stored body; the body itself is not exposed.' }) bodyBytes!: number;
  @ApiProperty({ type: [HandlerAttemptDto] }) handlers!: HandlerAttemptDto[];
}
