import { OptionalNumber, OptionalString } from './payload-field.decorators.js';

/** `{path, caption}` (downloaded), `{url, caption?, filename?}` (not downloaded), or v7's form with `mime_type`. */
export interface MediaObjectPayload {
  readonly path?: string;
  readonly url?: string;
  readonly caption?: string;
  readonly filename?: string;
  readonly mime_type?: string;
}

/** A bare string is the path of a downloaded file without a caption. */
export type MediaPayload = string | MediaObjectPayload;

export class ContactDto {
  @OptionalString() displayName?: string;
  @OptionalString() vcard?: string;
  @OptionalString() phone_number?: string;
}

/** The raw protobuf `LocationMessage` / `LiveLocationMessage` (camelCase); only what we map is checked. */
export class LocationDto {
  @OptionalNumber() degreesLatitude?: number;
  @OptionalNumber() degreesLongitude?: number;
  @OptionalString() name?: string;
  @OptionalString() address?: string;
}
