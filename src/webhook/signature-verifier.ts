import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hub-signature-256';
const SIGNATURE_PREFIX = 'sha256=';
const SIGNATURE_PATTERN = /^sha256=[0-9a-f]{64}$/;

export type SignatureFailure = 'missing' | 'malformed' | 'mismatch';

export type SignatureCheck =
  | { readonly valid: true; /** 0-based position of the secret that matched (for logs; never the secret). */ readonly secretIndex: number }
  | { readonly valid: false; readonly failure: SignatureFailure };

/**
 * Verifies the gateway's `X-Hub-Signature-256: sha256=<64 lowercase hex>` over the raw body
 * bytes. Pure and Nest-free. The header is parsed strictly (the gateway always writes lowercase),
 * and digests are compared with `timingSafeEqual` on equal-length buffers, trying every secret
 * so the time spent does not tell which one, if any, matched.
 */
export class SignatureVerifier {
  private readonly keys: readonly Buffer[];

  constructor(secrets: readonly string[]) {
    if (secrets.length === 0) throw new Error('SignatureVerifier needs at least one secret');
    this.keys = secrets.map((secret) => Buffer.from(secret, 'utf8'));
  }

  verify(rawBody: Buffer, header: string | readonly string[] | undefined): SignatureCheck {
    const problem = signatureHeaderProblem(header);
    if (problem !== undefined) return { valid: false, failure: problem };
    const given = Buffer.from((header as string).slice(SIGNATURE_PREFIX.length), 'hex');

    let secretIndex = -1;
    this.keys.forEach((key, index) => {
      const expected = createHmac('sha256', key).update(rawBody).digest();
      if (timingSafeEqual(expected, given) && secretIndex === -1) secretIndex = index;
    });
    return secretIndex === -1 ? { valid: false, failure: 'mismatch' } : { valid: true, secretIndex };
  }
}

/**
 * What is wrong with the header alone, if anything. Needs no body, so a request without a
 * well-formed signature can be refused before its body is read.
 */
export function signatureHeaderProblem(header: string | readonly string[] | undefined): 'missing' | 'malformed' | undefined {
  if (header === undefined || header === '') return 'missing';
  // A repeated header arrives as an array: ambiguous, so it is malformed rather than "any of them".
  if (typeof header !== 'string') return 'malformed';
  return SIGNATURE_PATTERN.test(header) ? undefined : 'malformed';
}

/** Signs bytes the way the gateway does; used by tests and the send tool. */
export function signBody(rawBody: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
