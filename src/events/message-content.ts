export const MEDIA_KINDS = ['image', 'video', 'document', 'video_note', 'audio', 'sticker'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/**
 * A media attachment in any of the gateway's forms: a downloaded file (`path`, fetch it from
 * `{gateway}/statics/media/…`) or a WhatsApp CDN reference (`url`) when auto-download is off.
 */
export interface MediaAttachment {
  readonly kind: MediaKind;
  readonly path?: string;
  readonly url?: string;
  readonly caption?: string;
  readonly mimeType?: string;
  readonly filename?: string;
}

export interface SharedContact {
  readonly displayName?: string;
  readonly vcard?: string;
  readonly phoneNumber?: string;
}

export interface SharedLocation {
  readonly latitude?: number;
  readonly longitude?: number;
  readonly name?: string;
  readonly address?: string;
  /** True for a live location share. */
  readonly live: boolean;
}

export interface ReplyContext {
  readonly messageId: string;
  readonly quotedText?: string;
}
