import { IsIn } from 'class-validator';
import { RequiredString } from './payload-field.decorators.js';

export class NewsletterMutePayloadDto {
  @RequiredString() newsletter_id!: string;
  @IsIn(['on', 'off']) mute!: 'on' | 'off';
}
