import { randomBytes, randomInt } from 'node:crypto';

/**
 * Realistic payloads for each of the gateway's 16 event names, in the current (v8+) envelope
 * (see CONTRACT.md). Every call returns a new event: fresh message, call, receipt and group ids,
 * so a burst is N distinct deliveries, not N duplicates.
 */
export type GatewayBody = Record<string, unknown>;

export const DEFAULT_DEVICE = '628123456789@s.whatsapp.net';

const CONTACT = '628987654321@s.whatsapp.net';
const CONTACT_LID = '251556368777322@lid';
const GROUP = '120363402106000001@g.us';

/** A WhatsApp-looking message id: `3EB0` + 18 upper-case hex digits. */
export function freshMessageId(): string {
  return `3EB0${randomBytes(9).toString('hex').toUpperCase()}`;
}

function freshUserJid(): string {
  return `62${randomInt(800_000_000, 899_999_999)}${randomInt(100, 999)}@s.whatsapp.net`;
}

function freshNewsletterJid(): string {
  return `120363${randomInt(100_000_000, 999_999_999)}${randomInt(100, 999)}@newsletter`;
}

function freshGroupJid(): string {
  return `120363${randomInt(100_000_000, 999_999_999)}${randomInt(100, 999)}@g.us`;
}

/** RFC3339 without fractions, as Go's time.RFC3339 writes it. */
function now(offsetSeconds = 0): string {
  return new Date(Date.now() + offsetSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function messageCommon(fromMe = false): Record<string, unknown> {
  return {
    id: freshMessageId(),
    timestamp: now(),
    is_from_me: fromMe,
    chat_id: CONTACT,
    from: fromMe ? DEFAULT_DEVICE : CONTACT,
    from_lid: CONTACT_LID,
    sender_display_name: 'Saved Contact',
    from_name: 'John Doe',
  };
}

/** Message events carry no envelope timestamp; the others do. */
function envelope(event: string, device: string, payload: Record<string, unknown>, withTimestamp: boolean): GatewayBody {
  return withTimestamp ? { event, device_id: device, timestamp: now(), payload } : { event, device_id: device, payload };
}

type Template = (device: string, n: number) => GatewayBody;

const TEMPLATES: Record<string, Template> = {
  message: (device, n) => envelope('message', device, { ...messageCommon(), body: `Hello from the send tool #${n}` }, false),
  'message.reaction': (device) =>
    envelope('message.reaction', device, { ...messageCommon(), reaction: '👍', reacted_message_id: freshMessageId() }, false),
  'message.revoked': (device) =>
    envelope(
      'message.revoked',
      device,
      { ...messageCommon(true), revoked_message_id: freshMessageId(), revoked_from_me: true, revoked_chat: CONTACT },
      false,
    ),
  'message.edited': (device, n) =>
    envelope('message.edited', device, { ...messageCommon(), original_message_id: freshMessageId(), body: `Edited text #${n}` }, false),
  'message.deleted': (device) =>
    envelope(
      'message.deleted',
      device,
      {
        deleted_message_id: freshMessageId(),
        timestamp: now(),
        from: CONTACT,
        sender_display_name: 'Saved Contact',
        chat_id: CONTACT,
        original_content: 'Hello, how are you?',
        original_sender: CONTACT,
        original_timestamp: now(-600),
        was_from_me: false,
      },
      false,
    ),
  'message.ack': (device) =>
    envelope(
      'message.ack',
      device,
      {
        ids: [freshMessageId()],
        chat_id: CONTACT,
        from: CONTACT,
        from_lid: CONTACT_LID,
        sender_display_name: 'Saved Contact',
        receipt_type: 'delivered',
        receipt_type_description: 'means the message was delivered to the device (but the user might not have noticed).',
      },
      true,
    ),
  chat_presence: (device) => {
    // Presence has no id: a fresh contact keeps a burst from hashing to the same body.
    const contact = freshUserJid();
    return envelope(
      'chat_presence',
      device,
      { from: contact, sender_display_name: 'Saved Contact', chat_id: contact, state: 'composing', media: '', is_group: false },
      true,
    );
  },
  'group.participants': (device) =>
    envelope('group.participants', device, { chat_id: GROUP, type: 'join', jids: [freshUserJid()] }, true),
  'group.joined': (device, n) =>
    envelope('group.joined', device, { chat_id: freshGroupJid(), type: 'join', jids: [device], reason: 'invite', group_name: `Test group #${n}` }, true),
  'label.edit': (_device, n) =>
    envelope(
      'label.edit',
      _device,
      {
        label_id: String(randomInt(10, 1_000_000)),
        name: `Label #${n}`,
        color: n % 20,
        deleted: false,
        order_index: n,
        is_active: true,
        type: 'CUSTOM',
        is_immutable: false,
        mute_end_time_ms: 0,
      },
      true,
    ),
  'label.association': (device) =>
    envelope('label.association', device, { label_id: String(randomInt(10, 1_000_000)), labeled: true, chat_id: freshUserJid(), chat_lid: CONTACT_LID }, true),
  'newsletter.joined': (device, n) =>
    envelope('newsletter.joined', device, { newsletter_id: freshNewsletterJid(), name: `Tech News Daily #${n}`, description: 'Latest tech updates and news' }, true),
  'newsletter.left': (device) => envelope('newsletter.left', device, { newsletter_id: freshNewsletterJid(), role: 'subscriber' }, true),
  'newsletter.message': (device) =>
    envelope(
      'newsletter.message',
      device,
      {
        newsletter_id: freshNewsletterJid(),
        messages: [
          {
            server_id: randomInt(1, 2 ** 31 - 1),
            message_id: freshMessageId(),
            type: 'text',
            timestamp: now(),
            views_count: randomInt(0, 5000),
            reaction_counts: { '👍': randomInt(0, 100), '❤️': randomInt(0, 100) },
          },
        ],
      },
      true,
    ),
  'newsletter.mute': (device, n) => envelope('newsletter.mute', device, { newsletter_id: freshNewsletterJid(), mute: n % 2 === 0 ? 'on' : 'off' }, true),
  'call.offer': (device) =>
    envelope(
      'call.offer',
      device,
      {
        call_id: randomBytes(16).toString('hex').toUpperCase(),
        from: CONTACT,
        from_lid: CONTACT_LID,
        sender_display_name: 'Saved Contact',
        auto_rejected: false,
        remote_platform: 'android',
        remote_version: '2.24.1.5',
      },
      true,
    ),
};

export const EVENT_NAMES: readonly string[] = Object.keys(TEMPLATES);

export function isEventName(name: string): boolean {
  return Object.hasOwn(TEMPLATES, name);
}

/** A new, distinct event of the given name; `n` numbers it within a burst (texts, names). */
export function generateEvent(name: string, device = DEFAULT_DEVICE, n = 1): GatewayBody {
  const template = Object.hasOwn(TEMPLATES, name) ? TEMPLATES[name] : undefined;
  if (!template) throw new Error(`unknown event "${name}"; one of: ${EVENT_NAMES.join(', ')}`);
  return template(device, n);
}
