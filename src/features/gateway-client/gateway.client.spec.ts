import { Test } from '@nestjs/testing';
import { basicAuth, FakeHttpServer, gatewaySuccess } from '../../../test/support/fake-http-server.js';
import { gatewayConfig } from '../../config/index.js';
import { GatewayHttp } from './gateway-http.js';
import { GatewayObserver } from './gateway-observer.js';
import { GatewayClient } from './gateway.client.js';
import { GatewayBadResponseError, GatewayHttpError, GatewayTimeoutError, GatewayUnreachableError } from './gateway.errors.js';
import { freePort } from '../../../test/support/free-port.js';

/** Builds the client from environment variables through the real config namespace. */
async function clientFor(env: Record<string, string>): Promise<GatewayClient> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let config: ReturnType<typeof gatewayConfig>;
  try {
    config = gatewayConfig();
  } finally {
    process.env = saved;
  }
  const moduleRef = await Test.createTestingModule({
    providers: [GatewayObserver, GatewayHttp, GatewayClient, { provide: gatewayConfig.KEY, useValue: config }],
  }).compile();
  return moduleRef.get(GatewayClient);
}

describe('GatewayClient against a real local HTTP server', () => {
  let gateway: FakeHttpServer;
  let baseUrl: string;

  beforeEach(async () => {
    gateway = new FakeHttpServer(gatewaySuccess);
    baseUrl = await gateway.start();
  });

  afterEach(() => gateway.stop());

  it('sends text with Basic auth, the device header, the base path and the contract body', async () => {
    const client = await clientFor({ GOWA_BASE_URL: baseUrl, GOWA_BASE_PATH: '/gowa', GOWA_BASIC_AUTH: 'admin:pa:ss' });
    const sent = await client.sendText({ device: 'dev-1', phone: '628111@s.whatsapp.net', message: 'hi', replyToMessageId: 'M1', mentions: ['628222@s.whatsapp.net'] });

    expect(sent).toEqual({ messageId: 'SENT-1' });
    expect(gateway.requests).toHaveLength(1);
    const [request] = gateway.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/gowa/send/message');
    expect(request!.headers.authorization).toBe(basicAuth('admin', 'pa:ss'));
    expect(request!.headers['x-device-id']).toBe('dev-1');
    expect(request!.body).toEqual({ phone: '628111@s.whatsapp.net', message: 'hi', reply_message_id: 'M1', mentions: ['628222@s.whatsapp.net'] });
  });

  it('omits auth and device headers when not configured, and optional body keys when not given', async () => {
    const client = await clientFor({ GOWA_BASE_URL: `${baseUrl}/` });
    await client.sendText({ phone: '628111', message: 'hi' });
    expect(gateway.requests[0]!.path).toBe('/send/message');
    expect(gateway.requests[0]!.headers.authorization).toBeUndefined();
    expect(gateway.requests[0]!.headers['x-device-id']).toBeUndefined();
    expect(gateway.requests[0]!.body).toEqual({ phone: '628111', message: 'hi' });
  });

  it('turns a timeout into GatewayTimeoutError and does not repeat the send', async () => {
    gateway.respond = () => 'hang';
    const client = await clientFor({ GOWA_BASE_URL: baseUrl, GOWA_TIMEOUT_MS: '300', GOWA_RETRIES: '2' });
    await expect(client.sendText({ phone: '628111', message: 'hi' })).rejects.toThrow(GatewayTimeoutError);
    expect(gateway.requests).toHaveLength(1);
  });

  it.each([400, 500, 503])('turns HTTP %i into GatewayHttpError with the status and never repeats the send', async (status) => {
    gateway.respond = () => ({ status, body: { code: 'SEND_FAILED', message: 'could not send hi to 628111' } });
    const client = await clientFor({ GOWA_BASE_URL: baseUrl, GOWA_RETRIES: '2' });
    const failure = client.sendText({ phone: '628111', message: 'hi' });
    await expect(failure).rejects.toThrow(GatewayHttpError);
    await expect(failure).rejects.toMatchObject({ status, gatewayCode: 'SEND_FAILED', code: 'GATEWAY_HTTP_ERROR', mayHaveBeenSent: false });
    await expect(failure).rejects.not.toThrow(/628111|hi/);
    expect(gateway.requests).toHaveLength(1);
  });

  it('retries an idempotent reaction after a 503, up to GOWA_RETRIES', async () => {
    gateway.respond = (request, n) => (n === 1 ? { status: 503, body: { code: 'BUSY' } } : gatewaySuccess(request, n));
    const client = await clientFor({ GOWA_BASE_URL: baseUrl, GOWA_RETRIES: '2' });
    await client.react({ device: 'dev-1', phone: '628111@s.whatsapp.net', messageId: 'ABC/1', emoji: '👍' });
    expect(gateway.requests.map((r) => r.path)).toEqual(['/message/ABC%2F1/reaction', '/message/ABC%2F1/reaction']);
    expect(gateway.requests[1]!.body).toEqual({ phone: '628111@s.whatsapp.net', emoji: '👍' });
  });

  it('gives up on an idempotent call after GOWA_RETRIES extra tries', async () => {
    gateway.respond = () => ({ status: 502, body: {} });
    const client = await clientFor({ GOWA_BASE_URL: baseUrl, GOWA_RETRIES: '1' });
    await expect(client.markRead({ phone: '628111', messageId: 'M1' })).rejects.toMatchObject({ status: 502 });
    expect(gateway.to('/message/M1/read')).toHaveLength(2);
  });

  it('does not retry a 4xx refusal of an idempotent call', async () => {
    gateway.respond = () => ({ status: 400, body: { code: 'INVALID_PHONE' } });
    const client = await clientFor({ GOWA_BASE_URL: baseUrl, GOWA_RETRIES: '2' });
    await expect(client.chatPresence({ phone: 'x', action: 'start' })).rejects.toThrow(GatewayHttpError);
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]).toMatchObject({ path: '/send/chat-presence', body: { phone: 'x', action: 'start' } });
  });

  it('reports an unreachable gateway as GatewayUnreachableError (nothing can have been sent)', async () => {
    const client = await clientFor({ GOWA_BASE_URL: `http://127.0.0.1:${await freePort()}`, GOWA_RETRIES: '0' });
    await expect(client.sendText({ phone: '628111', message: 'hi' })).rejects.toMatchObject({ code: 'GATEWAY_UNREACHABLE', mayHaveBeenSent: false });
    await expect(client.sendText({ phone: '628111', message: 'hi' })).rejects.toThrow(GatewayUnreachableError);
  });

  it('refuses a 2xx send answer without a message id', async () => {
    gateway.respond = () => ({ status: 200, body: { code: 'SUCCESS', results: {} } });
    const client = await clientFor({ GOWA_BASE_URL: baseUrl });
    await expect(client.sendText({ phone: '628111', message: 'hi' })).rejects.toThrow(GatewayBadResponseError);
  });
});
