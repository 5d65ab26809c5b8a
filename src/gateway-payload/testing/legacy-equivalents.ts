/** What the current gateway sends for the same events (key facts copied from the v7 fixtures). */
export const CURRENT_EQUIVALENTS: ReadonlyArray<[string, Record<string, unknown>]> = [
  [
    '44-legacy-v7-message--reply-message.json',
    {
      event: 'message',
      device_id: '628987654321@s.whatsapp.net',
      payload: {
        id: '3EB0C127D7BACC83D6A2', chat_id: '628987654321@s.whatsapp.net', from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe', timestamp: '2023-10-15T10:35:00Z', is_from_me: false,
        body: "I'm doing great, thanks!", replied_to_id: '3EB0C127D7BACC83D6A1', quoted_body: 'Hello, how are you?',
      },
    },
  ],
  [
    '45-legacy-v7-message--reaction-message.json',
    {
      event: 'message.reaction',
      payload: {
        id: '88760C69D1F35FEB239102699AE9XXXX', chat_id: '628987654321@s.whatsapp.net', from: '628123456789@s.whatsapp.net',
        from_name: 'John Doe', timestamp: '2023-10-15T10:40:00Z', reaction: '👍', reacted_message_id: '3EB0C127D7BACC83D6A1',
      },
    },
  ],
  [
    '61-legacy-v7-message--message-edited.json',
    {
      event: 'message.edited',
      payload: {
        id: 'D6271D8223A05B4DA6AE9FE3CD632543', chat_id: '6289XXXXXXXXX@s.whatsapp.net', from: '6289XXXXXXXXX@s.whatsapp.net',
        from_name: 'Aldino Kemal', timestamp: '2025-07-13T11:14:19Z', original_message_id: '94D13237B4D7F33EE4A63228BBD79EC0', body: 'hhhiawww',
      },
    },
  ],
  [
    '46-legacy-v7-message-ack--message-delivered.json',
    {
      event: 'message.ack',
      timestamp: '2025-07-18T22:44:20Z',
      payload: {
        ids: ['3EB00106E8BE0F407E88EC'], chat_id: '120363402106XXXXX@g.us', from: '6289685XXXXXX@s.whatsapp.net', receipt_type: 'delivered',
        receipt_type_description: 'means the message was delivered to the device (but the user might not have noticed).',
      },
    },
  ],
];
