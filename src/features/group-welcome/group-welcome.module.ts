import { Module } from '@nestjs/common';
import { groupWelcomeConfig } from '../../config/index.js';
import { featureHandler } from '../feature-handler.js';
import { GatewayClientModule } from '../gateway-client/index.js';
import { GroupWelcomeHandler } from './group-welcome.handler.js';

/** Welcomes members who join a group; on with `GROUP_WELCOME_ENABLED=true`. */
@Module({
  imports: [GatewayClientModule],
  providers: [featureHandler(GroupWelcomeHandler, groupWelcomeConfig)],
})
export class GroupWelcomeModule {}
