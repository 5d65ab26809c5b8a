import { Module } from '@nestjs/common';
import { ReceiptActivityHandler } from './receipt-activity.handler.js';

@Module({ providers: [ReceiptActivityHandler] })
export class ReceiptsModule {}
