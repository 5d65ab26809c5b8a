import type { OutgoingHttpHeaders } from 'node:http';
import { CANARY } from './hostile-client.js';
import { textMessage } from './events.js';

/**
 * Hand-picked hostile bodies, each with the exact answer the service must give. All are signed
 * correctly unless `headers` says otherwise, so they reach the parser: the point is what the
 * parser, the inbox and the answer do with them. Bodies are unique, so "accepted" is exact.
 */
export interface HostileCase {
  readonly name: string;
  readonly body: Buffer | string;
  readonly headers?: OutgoingHttpHeaders;
  readonly expect: { readonly status: 200; readonly ack: 'accepted' } | { readonly status: number; readonly code: string };
}

export const LIMIT = 1024 * 1024;
const ACCEPTED = { status: 200, ack: 'accepted' } as const;
const INVALID_JSON = { status: 400, code: 'INVALID_JSON' } as const;

let serial = 0;
/** A valid text message whose id is unique, with `edit` applied to it. */
export function message(edit: (body: Record<string, any>) => void = () => undefined): Record<string, any> {
  const body = textMessage(++serial, 'hostile@s.whatsapp.net') as Record<string, any>;
  body.payload.id = `HOSTILE-${serial}-${Date.now()}`;
  body.payload.body = `text ${CANARY}`;
  edit(body);
  return body;
}
const json = (value: unknown) => JSON.stringify(value);
const raw = (s: string) => Buffer.from(s, 'latin1');

const nested = (depth: number, open: string, close: string, inner = '1') => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

const malformed: HostileCase[] = [
  '{', '}', '[', '{"a":}', "{'a':1}", '{"a":1,}', '[1,2', 'nul', 'tru', 'undefined', 'NaN', 'Infinity', '-Infinity',
  '{"a":1}}', '{"a":1}{"b":2}', '// comment\n{}', '/* c */{}', '{"a":"line\nbreak"}', '{"a":"\t"}', '0x10', '01', '{"a":01}',
  '"unterminated', '{"a":"\\x41"}', '{"a":"\\u12"}', '{"a" 1}', '{a:1}', '{"a":1 "b":2}', '[,]', '{,}', '+1', '.5', '1.', '--1',
  '{"a":tru}', '{"a":True}', '{"a":None}', ' ', '\n\n', '\u00a0{}', '{"a":1}\u0000', `{"text":"${CANARY}"`,
].map((body, i) => ({ name: `malformed JSON #${i + 1}`, body, expect: INVALID_JSON }));

const fixtureText = json(message());
const truncated: HostileCase[] = [1, 2, 10, 25, 50, 0.5, 0.75, 0.9, -10, -2, -1].map((cut) => {
  const length = Number.isInteger(cut) ? (cut > 0 ? cut : fixtureText.length + cut) : Math.floor(fixtureText.length * cut);
  return { name: `a message truncated to ${length} of ${fixtureText.length} bytes`, body: fixtureText.slice(0, length), expect: INVALID_JSON };
});

const notObjects: HostileCase[] = [
  '0', '-0', '1e400', '-1e400', '1e-400', '123456789012345678901234567890', '"a string"', '""', 'true', 'false', 'null',
  '[]', '[1,2,3]', '[{}]', '[null]', `["${CANARY}"]`, '[[[]]]', '"\\u0000"', '"\\ud800"',
].map((body) => ({ name: `JSON that is not an object: ${body.slice(0, 40)}`, body, expect: ACCEPTED }));

const deep: HostileCase[] = [
  { name: '100,000 nested arrays', body: nested(100_000, '[', ']'), expect: ACCEPTED },
  { name: '100,000 nested objects', body: nested(100_000, '{"a":', '}'), expect: ACCEPTED },
  { name: '100,000 alternating arrays and objects', body: nested(50_000, '[{"a":', '}]'), expect: ACCEPTED },
  { name: '100,000 nested arrays inside a message payload', body: json(message()).replace('"body":"', `"deep":${nested(100_000, '[', ']')},"body":"`), expect: ACCEPTED },
  { name: '100,000 unclosed arrays', body: '['.repeat(100_000), expect: INVALID_JSON },
  { name: '100,000 nested arrays with one bracket missing', body: nested(100_000, '[', ']').slice(0, -1), expect: INVALID_JSON },
  { name: '65 nested objects (just past the parser depth bound)', body: nested(65, '{"a":', '}'), expect: ACCEPTED },
  { name: '63 nested objects in a message payload', body: json(message((b) => { b.payload.x = JSON.parse(nested(60, '{"a":', '}')); })), expect: ACCEPTED },
];

const big: HostileCase[] = [
  { name: 'a 1,000,000-character message text', body: json(message((b) => { b.payload.body = 'a'.repeat(1_000_000); })), expect: ACCEPTED },
  { name: 'a 500,000-character event name', body: json({ event: 'e'.repeat(500_000), payload: {} }), expect: ACCEPTED },
  { name: 'a 500,000-character device id', body: json(message((b) => { b.device_id = 'd'.repeat(500_000); })), expect: ACCEPTED },
  { name: 'a 500,000-character chat id', body: json(message((b) => { b.payload.chat_id = `${'c'.repeat(500_000)}@s.whatsapp.net`; })), expect: ACCEPTED },
  { name: 'an array of 200,000 numbers', body: `[${'0,'.repeat(199_999)}0]`, expect: ACCEPTED },
  { name: 'an array of 100,000 empty objects', body: `[${'{},'.repeat(99_999)}{}]`, expect: ACCEPTED },
  { name: 'an object with 60,000 keys', body: `{${Array.from({ length: 60_000 }, (_, i) => `"k${i}":1`).join(',')}}`, expect: ACCEPTED },
  { name: 'a payload with 60,000 keys', body: json(message((b) => { for (let i = 0; i < 60_000; i++) b.payload[`k${i}`] = i; })), expect: ACCEPTED },
  { name: 'a receipt with 50,000 message ids', body: json({ event: 'message.ack', device_id: 'd@s.whatsapp.net', payload: { ids: Array.from({ length: 50_000 }, (_, i) => `ID${i}`), chat_id: 'c@s.whatsapp.net', from: 'f@s.whatsapp.net', receipt_type: 'read', timestamp: '2023-10-15T10:30:00Z' } }), expect: ACCEPTED },
  { name: 'a body of exactly the limit', body: `{"pad":"${'p'.repeat(LIMIT - 10)}"}`, expect: ACCEPTED },
  { name: 'a body one byte over the limit', body: `{"pad":"${'p'.repeat(LIMIT - 9)}"}`, expect: { status: 413, code: 'PAYLOAD_TOO_LARGE' } },
  { name: 'a body of 5 MB', body: `{"pad":"${'p'.repeat(5 * LIMIT)}"}`, expect: { status: 413, code: 'PAYLOAD_TOO_LARGE' } },
];

const protoKeys: HostileCase[] = [
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"event":"message","payload":{"__proto__":{"polluted":1},"id":"P1","chat_id":"c@s.whatsapp.net","from":"f@s.whatsapp.net","timestamp":"2023-10-15T10:30:00Z","body":"x"}}',
  '{"event":"message","payload":{"constructor":{"prototype":{"isAdmin":true}},"id":"P2","chat_id":"c@s.whatsapp.net","from":"f@s.whatsapp.net","timestamp":"2023-10-15T10:30:00Z","body":"x"}}',
  '{"event":"__proto__","payload":{}}', '{"event":"constructor","payload":{}}', '{"event":"toString","payload":{}}',
  '{"event":"hasOwnProperty","payload":{}}', '{"event":"prototype","payload":{"__proto__":null}}',
  '{"event":"message","device_id":"__proto__","payload":{"__proto__":[]}}',
  '{"__proto__":{"__proto__":{"polluted":1}}}', '[{"__proto__":{"polluted":1}}]',
  '{"event":"message.ack","payload":{"ids":{"__proto__":{"length":1e9}},"chat_id":"c","from":"f","receipt_type":"read"}}',
  '{"event":"group.participants","payload":{"jids":["a"],"__proto__":{"type":"join"}}}',
  '{"__defineGetter__":1,"__lookupGetter__":{"polluted":1},"valueOf":2,"toString":"x"}',
  '{"event":"message","payload":{"message":{"__proto__":{"polluted":1}},"id":"P3","chat_id":"c@s.whatsapp.net","from":"f@s.whatsapp.net"}}',
].map((body, i) => ({ name: `prototype keys #${i + 1}`, body, expect: ACCEPTED }));

const duplicates: HostileCase[] = [
  '{"event":"message","event":"message.ack","payload":{},"dup":1}',
  '{"event":"message","payload":{},"payload":[],"dup":2}',
  '{"__proto__":{},"__proto__":{"polluted":1},"dup":3}',
  json(message()).replace('"payload":{', '"payload":{"id":"FIRST",'),
  json(message()).replace('{"', '{"device_id":1,"'),
].map((body, i) => ({ name: `duplicate keys #${i + 1}`, body, expect: ACCEPTED }));

const invalidUtf8: HostileCase[] = [
  [0xff], [0xfe], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0xe9], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xf4, 0x90, 0x80, 0x80],
].map((bytes, i) => ({
  name: `invalid UTF-8 #${i + 1} (${Buffer.from(bytes).toString('hex')}) in a string`,
  body: Buffer.concat([raw('{"event":"message","payload":{"body":"'), Buffer.from(bytes), raw('"}}')]),
  expect: INVALID_JSON,
}));
invalidUtf8.push(
  { name: 'a UTF-16LE body with a byte order mark', body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json(message()), 'utf16le')]), expect: INVALID_JSON },
  { name: 'a UTF-8 byte order mark before a message (stripped, as the WHATWG decoder does)', body: `\ufeff${json(message())}`, expect: ACCEPTED },
  { name: 'a lone surrogate escape in the text', body: json(message()).replace('"body":"', '"body":"\\ud800'), expect: ACCEPTED },
  { name: 'non-characters and emoji', body: json(message((b) => { b.payload.body = '\uffff\ufffe😀\u202e'; })), expect: ACCEPTED },
);

const nul: HostileCase[] = [
  { name: 'a raw NUL byte inside a string', body: raw('{"event":"message","payload":{"body":"a\u0000b"}}'), expect: INVALID_JSON },
  { name: 'a raw NUL byte after the JSON', body: raw('{"event":"message"}\u0000'), expect: INVALID_JSON },
  { name: 'a raw NUL byte before the JSON', body: raw('\u0000{"event":"message"}'), expect: INVALID_JSON },
  { name: 'only NUL bytes', body: Buffer.alloc(64), expect: INVALID_JSON },
  ...(['body', 'id', 'chat_id', 'from', 'from_name'] as const).map((field) => ({
    name: `an escaped NUL in payload.${field}`,
    body: json(message((b) => { b.payload[field] = `${b.payload[field]}\u0000x`; })),
    expect: ACCEPTED,
  })),
  { name: 'an escaped NUL in device_id', body: json(message((b) => { b.device_id = 'dev\u0000ice'; })), expect: ACCEPTED },
  { name: 'an escaped NUL in the event name', body: json({ event: 'message\u0000', payload: { n: 1 } }), expect: ACCEPTED },
];

const numbers: HostileCase[] = [
  '1e400', '-1e400', '1e-400', '9007199254740993', '-9007199254740993', '1e308', '-0', '123456789012345678901234567890', '1e99999999', '0.0000000000000000000001',
].flatMap((n) => [
  { name: `payload.timestamp = ${n}`, body: json(message()).replace(/"timestamp":"[^"]*"/, `"timestamp":${n}`), expect: ACCEPTED },
  { name: `payload.is_from_me = ${n}`, body: json(message()).replace(/"is_from_me":false/, `"is_from_me":${n}`), expect: ACCEPTED },
]);
numbers.push(
  { name: 'a timestamp in year 275760', body: json(message((b) => { b.payload.timestamp = '+275760-09-13T00:00:00Z'; })), expect: ACCEPTED },
  { name: 'a timestamp of month 13', body: json(message((b) => { b.payload.timestamp = '2023-13-45T99:99:99Z'; })), expect: ACCEPTED },
  { name: 'an envelope timestamp of 1e400', body: json(message()).replace('{"', '{"timestamp":1e400,"'), expect: ACCEPTED },
);

const contentTypes: HostileCase[] = [
  undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1',
  'application/json; charset=utf-16', '*/*', '%%%', 'application/json; charset="', `application/${'x'.repeat(8000)}`, 'application/xml',
].map((type) => ({
  name: `content type ${String(type).slice(0, 40)}`,
  body: json(message()),
  headers: { 'content-type': type },
  expect: ACCEPTED,
}));
contentTypes.push(
  { name: 'Content-Encoding gzip', body: json(message()), headers: { 'content-encoding': 'gzip' }, expect: { status: 415, code: 'UNSUPPORTED_ENCODING' } },
  { name: 'Content-Encoding br', body: json(message()), headers: { 'content-encoding': 'br' }, expect: { status: 415, code: 'UNSUPPORTED_ENCODING' } },
  { name: 'Content-Encoding identity', body: json(message()), headers: { 'content-encoding': 'identity' }, expect: ACCEPTED },
  { name: 'an empty body', body: '', expect: { status: 400, code: 'EMPTY_BODY' } },
);

export const SIGNED_BODY_CASES: Record<string, HostileCase[]> = {
  'malformed JSON': malformed,
  'truncated JSON': truncated,
  'JSON that is not an object': notObjects,
  'deep nesting': deep,
  'huge strings and arrays': big,
  'prototype keys': protoKeys,
  'duplicate keys': duplicates,
  'invalid UTF-8': invalidUtf8,
  'NUL bytes': nul,
  'numbers out of range': numbers,
  'content types and encodings': contentTypes,
};
