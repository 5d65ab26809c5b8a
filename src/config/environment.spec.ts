import { ConfigValidationError, validateEnvironment } from './environment.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    validateEnvironment(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
}

describe('validateEnvironment', () => {
  it('applies the defaults', () => {
    const env = validateEnvironment({});
    expect(env.PORT).toBe(3001);
    expect(env.WEBHOOK_BODY_LIMIT_BYTES).toBe(1024 * 1024);
    expect(env.DISPATCH_MAX_ATTEMPTS).toBe(8);
    expect(env.DEDUPE_WINDOW_SECONDS).toBe(7 * 24 * 3600);
    expect(env.DEDUPE_STORE).toBe('database');
  });

  it('defaults the burst to 1,200 requests/s with a 10 s processing bound, and refuses a negative rate', () => {
    const env = validateEnvironment({});
    expect(env.DISPATCH_BURST_MIN_RATE).toBe(1_200);
    expect(env.DISPATCH_BURST_MAX_DELAY_MS).toBe(10_000);
    expect(validateEnvironment({ DISPATCH_BURST_MIN_RATE: '0' }).DISPATCH_BURST_MIN_RATE).toBe(0);
    expect(problemsOf({ DISPATCH_BURST_MIN_RATE: '-1' }).join('\n')).toMatch(/DISPATCH_BURST_MIN_RATE/);
  });

  it('prepares PostgreSQL statements unless told not to, and refuses anything but true or false', () => {
    expect(validateEnvironment({}).DATABASE_PREPARED_STATEMENTS).toBe('true');
    expect(validateEnvironment({ DATABASE_PREPARED_STATEMENTS: 'false' }).DATABASE_PREPARED_STATEMENTS).toBe('false');
    expect(problemsOf({ DATABASE_PREPARED_STATEMENTS: 'off' }).join('\n')).toMatch(/DATABASE_PREPARED_STATEMENTS/);
  });

  it('defaults the HTTP server deadlines well below Node\'s own (60 s headers, 5 min request)', () => {
    const env = validateEnvironment({});
    expect([env.HTTP_HEADERS_TIMEOUT_MS, env.HTTP_REQUEST_TIMEOUT_MS, env.HTTP_KEEP_ALIVE_TIMEOUT_MS]).toEqual([10_000, 30_000, 65_000]);
  });

  it('refuses a headers deadline longer than the request deadline', () => {
    expect(problemsOf({ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' })).toContain(
      'HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS',
    );
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ PORT: 'eighty', DISPATCH_MAX_ATTEMPTS: '0', DEDUPE_STORE: 'files', DATABASE_URL: 'mysql://x' });
    expect(problems.length).toBeGreaterThanOrEqual(4);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/DISPATCH_MAX_ATTEMPTS/);
    expect(problems.join('\n')).toMatch(/DEDUPE_STORE/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
  });

  it('never prints a value it refused', () => {
    const problems = problemsOf({ NODE_ENV: 'production', WHATSAPP_WEBHOOK_SECRET: 'tooshort-xyz', REDIS_URL: 'notaurl-abc' });
    expect(problems.join('\n')).not.toContain('tooshort-xyz');
    expect(problems.join('\n')).not.toContain('notaurl-abc');
  });

  describe('in production', () => {
    it('refuses to start without a secret', () => {
      expect(problemsOf({ NODE_ENV: 'production' })).toContain('WHATSAPP_WEBHOOK_SECRET is required when NODE_ENV=production');
    });

    it("refuses the gateway's default secret", () => {
      expect(problemsOf({ NODE_ENV: 'production', WHATSAPP_WEBHOOK_SECRET: 'secret' }).join()).toMatch(/default "secret"/);
    });

    it('refuses a secret shorter than 16 characters', () => {
      expect(problemsOf({ NODE_ENV: 'production', WHATSAPP_WEBHOOK_SECRET: '0123456789abcde' }).join()).toMatch(/shorter than 16/);
    });

    it('checks every secret of a rotation list and names it by position', () => {
      const problems = problemsOf({ NODE_ENV: 'production', WHATSAPP_WEBHOOK_SECRET: '0123456789abcdef0,short' });
      expect(problems).toEqual(['WHATSAPP_WEBHOOK_SECRET #2 is shorter than 16 characters']);
    });

    it('refuses an admin token shorter than 24 characters, without printing it', () => {
      const problems = problemsOf({ NODE_ENV: 'production', WHATSAPP_WEBHOOK_SECRET: '0123456789abcdef', ADMIN_TOKEN: 'short-admin-xyz' });
      expect(problems).toEqual(['ADMIN_TOKEN is shorter than 24 characters']);
    });

    it('accepts a long admin token or none', () => {
      expect(problemsOf({ NODE_ENV: 'production', WHATSAPP_WEBHOOK_SECRET: '0123456789abcdef', ADMIN_TOKEN: 'a'.repeat(24) })).toEqual([]);
      expect(problemsOf({ NODE_ENV: 'production', WHATSAPP_WEBHOOK_SECRET: '0123456789abcdef' })).toEqual([]);
    });

    it('accepts a long enough secret', () => {
      expect(problemsOf({ NODE_ENV: 'production', WHATSAPP_WEBHOOK_SECRET: '0123456789abcdef' })).toEqual([]);
    });
  });

  it('allows a missing secret outside production', () => {
    expect(problemsOf({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('needs REDIS_URL for the redis dedupe store', () => {
    expect(problemsOf({ DEDUPE_STORE: 'redis' })).toContain('DEDUPE_STORE=redis needs REDIS_URL');
  });

  it('turns the message log on by default and accepts only true or false', () => {
    expect(validateEnvironment({}).MESSAGE_LOG_ENABLED).toBe('true');
    expect(validateEnvironment({ MESSAGE_LOG_ENABLED: 'false' }).MESSAGE_LOG_ENABLED).toBe('false');
    expect(problemsOf({ MESSAGE_LOG_ENABLED: 'no' }).join('\n')).toMatch(/MESSAGE_LOG_ENABLED/);
  });
});
