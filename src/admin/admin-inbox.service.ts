import { Injectable } from '@nestjs/common';
import { type DeliverySummary, type InboxFilter, InboxQueryRepository, InboxReplayService } from '../inbox/index.js';
import { DeliveryNotFoundError } from './admin.errors.js';
import type { DeliveryDetailDto, DeliveryPageDto, DeliverySummaryDto } from './dto/delivery.dto.js';
import type { InboxFilterDto } from './dto/inbox-filter.dto.js';
import type { ListDeliveriesQuery } from './dto/list-deliveries.query.js';
import type { ReplayMatchingBody, ReplayResultDto } from './dto/replay.dto.js';
import { decodeCursor, encodeCursor } from './inbox-cursor.js';

/** The admin's view of the inbox: lists without bodies, one delivery with its handler attempts, replay. */
@Injectable()
export class AdminInboxService {
  constructor(
    private readonly queries: InboxQueryRepository,
    private readonly replayer: InboxReplayService,
  ) {}

  async list(query: ListDeliveriesQuery): Promise<DeliveryPageDto> {
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await this.queries.list(toFilter(query), query.limit, cursor);
    const last = rows.at(-1);
    return {
      items: rows.map(toSummaryDto),
      nextCursor: rows.length === query.limit && last ? encodeCursor({ receivedAt: last.receivedAt, id: last.id }) : null,
    };
  }

  async show(deliveryId: string): Promise<DeliveryDetailDto> {
    const detail = await this.queries.detail(deliveryId);
    if (!detail) throw new DeliveryNotFoundError();
    return {
      ...toSummaryDto(detail),
      bodyBytes: detail.bodyBytes,
      handlers: detail.handlers.map((h) => ({ ...h, updatedAt: new Date(h.updatedAt).toISOString() })),
    };
  }

  async replayOne(deliveryId: string, rerunSucceededHandlers = false): Promise<ReplayResultDto> {
    const detail = await this.queries.detail(deliveryId);
    if (!detail) throw new DeliveryNotFoundError();
    return { replayed: await this.replayer.replay([deliveryId], { rerunSucceededHandlers }) };
  }

  /** Without a status, only dead letters are replayed: the safe default for a bulk action. */
  async replayMatching(body: ReplayMatchingBody): Promise<ReplayResultDto> {
    const ids = await this.queries.deliveryIds({ ...toFilter(body), status: body.status ?? 'dead' }, body.limit);
    return { replayed: await this.replayer.replay(ids, { rerunSucceededHandlers: body.rerunSucceededHandlers ?? false }) };
  }
}

function toFilter(dto: InboxFilterDto): InboxFilter {
  return {
    status: dto.status,
    gatewayEvent: dto.event,
    chatId: dto.chat,
    from: dto.from === undefined ? undefined : Date.parse(dto.from),
    to: dto.to === undefined ? undefined : Date.parse(dto.to),
  };
}

function toSummaryDto(row: DeliverySummary): DeliverySummaryDto {
  return {
    deliveryId: row.deliveryId,
    gatewayEvent: row.gatewayEvent,
    deviceId: row.deviceId,
    chatId: row.chatId,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    receivedAt: new Date(row.receivedAt).toISOString(),
    finishedAt: row.finishedAt === null ? null : new Date(row.finishedAt).toISOString(),
  };
}
