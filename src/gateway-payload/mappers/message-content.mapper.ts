import {
  MEDIA_KINDS,
  type MediaAttachment,
  type MediaKind,
  type SharedContact,
  type SharedLocation,
} from '../../events/index.js';
import type { ContactDto, LocationDto, MediaPayload } from '../dto/message-parts.dto.js';
import type { MessagePayloadDto } from '../dto/message.payload.dto.js';
import { nonEmpty } from './mapping.helpers.js';

/** The message's attachment, whichever of the gateway's media forms it came in. */
export function toMedia(payload: MessagePayloadDto): MediaAttachment | undefined {
  for (const kind of MEDIA_KINDS) {
    const value = payload[kind];
    if (value !== undefined) return toAttachment(kind, value);
  }
  return undefined;
}

function toAttachment(kind: MediaKind, value: MediaPayload): MediaAttachment {
  if (typeof value === 'string') return { kind, path: nonEmpty(value) };
  return {
    kind,
    path: nonEmpty(value.path),
    url: nonEmpty(value.url),
    caption: nonEmpty(value.caption),
    mimeType: nonEmpty(value.mime_type),
    filename: nonEmpty(value.filename),
  };
}

/** A single `contact` and a `contacts_array` end up in one list. */
export function toContacts(payload: MessagePayloadDto): SharedContact[] {
  const contacts = [...(payload.contact === undefined ? [] : [payload.contact]), ...(payload.contacts_array ?? [])];
  return contacts.map(toContact);
}

function toContact(contact: ContactDto): SharedContact {
  return { displayName: contact.displayName, vcard: contact.vcard, phoneNumber: contact.phone_number };
}

/** Raw protobuf location: only coordinates and labels are kept (not the thumbnail or context). */
export function toLocation(payload: MessagePayloadDto): SharedLocation | undefined {
  if (payload.location !== undefined) return fromProtobuf(payload.location, false);
  if (payload.live_location !== undefined) return fromProtobuf(payload.live_location, true);
  return undefined;
}

function fromProtobuf(location: LocationDto, live: boolean): SharedLocation {
  return {
    latitude: location.degreesLatitude,
    longitude: location.degreesLongitude,
    name: location.name,
    address: location.address,
    live,
  };
}
