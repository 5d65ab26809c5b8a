import { Controller, Get, Param, Query, UseGuards, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AdminMessageLogService } from './admin-message-log.service.js';
import { AdminTokenGuard } from './admin-token.guard.js';
import { adminValidationPipe } from './admin-validation.pipe.js';
import { ChatMessagesQuery, ChatParams } from './dto/chat-messages.query.js';
import { LoggedMessagePageDto } from './dto/logged-message.dto.js';

export const ADMIN_CHATS_PATH = 'admin/chats';

@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: '`ADMIN_UNAUTHORIZED`: missing or wrong bearer token.' })
@ApiBadRequestResponse({ description: '`ADMIN_BAD_REQUEST`: invalid chat id or query.' })
@Controller(ADMIN_CHATS_PATH)
@UseGuards(AdminTokenGuard)
@UsePipes(adminValidationPipe)
export class AdminChatsController {
  constructor(private readonly messages: AdminMessageLogService) {}

  @Get(':chatId/messages')
  @ApiOperation({ summary: "The message log of a chat, newest first (messages with their status, edit, revocation and reactions)" })
  @ApiOkResponse({ type: LoggedMessagePageDto })
  list(@Param() params: ChatParams, @Query() query: ChatMessagesQuery): Promise<LoggedMessagePageDto> {
    return this.messages.listChat(params.chatId, query);
  }
}
