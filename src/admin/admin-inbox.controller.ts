import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AdminInboxService } from './admin-inbox.service.js';
import { AdminTokenGuard } from './admin-token.guard.js';
import { adminValidationPipe } from './admin-validation.pipe.js';
import { DeliveryDetailDto, DeliveryPageDto } from './dto/delivery.dto.js';
import { ListDeliveriesQuery } from './dto/list-deliveries.query.js';
import { ReplayMatchingBody, ReplayOneBody, ReplayResultDto } from './dto/replay.dto.js';

export const ADMIN_INBOX_PATH = 'admin/inbox';

@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: '`ADMIN_UNAUTHORIZED`: missing or wrong bearer token.' })
@ApiBadRequestResponse({ description: '`ADMIN_BAD_REQUEST`: invalid query or body.' })
@Controller(ADMIN_INBOX_PATH)
@UseGuards(AdminTokenGuard)
@UsePipes(adminValidationPipe)
export class AdminInboxController {
  constructor(private readonly inbox: AdminInboxService) {}

  @Get()
  @ApiOperation({ summary: 'List deliveries, newest first (bodies are never included)' })
  @ApiOkResponse({ type: DeliveryPageDto })
  list(@Query() query: ListDeliveriesQuery): Promise<DeliveryPageDto> {
    return this.inbox.list(query);
  }

  @Post('replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay the deliveries matching a filter (dead letters by default)' })
  @ApiOkResponse({ type: ReplayResultDto })
  replayMatching(@Body() body: ReplayMatchingBody): Promise<ReplayResultDto> {
    return this.inbox.replayMatching(body);
  }

  @Get(':deliveryId')
  @ApiOperation({ summary: 'One delivery with its per-handler attempts and errors' })
  @ApiOkResponse({ type: DeliveryDetailDto })
  @ApiNotFoundResponse({ description: '`DELIVERY_NOT_FOUND`' })
  show(@Param('deliveryId') deliveryId: string): Promise<DeliveryDetailDto> {
    return this.inbox.show(deliveryId);
  }

  @Post(':deliveryId/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay one delivery (done, dead or unrecognized)' })
  @ApiOkResponse({ type: ReplayResultDto })
  @ApiNotFoundResponse({ description: '`DELIVERY_NOT_FOUND`' })
  replayOne(@Param('deliveryId') deliveryId: string, @Body() body: ReplayOneBody): Promise<ReplayResultDto> {
    return this.inbox.replayOne(deliveryId, body.rerunSucceededHandlers);
  }
}
