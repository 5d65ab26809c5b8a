import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SignatureVerifier, signBody } from './signature-verifier.js';

// The gateway's own vector (../shared/gowa/CONTRACT.md): exact bytes, secret "secret".
const vectorBody = readFileSync(resolve(process.cwd(), '../shared/gowa/signature-vector.body.json'));
const vectorHeader = 'sha256=dfc63465021e6fec2ea1f4d9a0e098e8626e3798057efad3808f2fe66089e3b3';

describe('SignatureVerifier', () => {
  it('verifies the shared signature vector', () => {
    expect(new SignatureVerifier(['secret']).verify(vectorBody, vectorHeader)).toEqual({ valid: true, secretIndex: 0 });
  });

  it('signs the vector to the same header the gateway sent', () => {
    expect(signBody(vectorBody, 'secret')).toBe(vectorHeader);
  });

  it('rejects the vector under another secret', () => {
    expect(new SignatureVerifier(['not-the-secret']).verify(vectorBody, vectorHeader)).toEqual({ valid: false, failure: 'mismatch' });
  });

  it('rejects a body changed by one byte', () => {
    const tampered = Buffer.from(vectorBody);
    tampered[tampered.length - 2] ^= 1;
    expect(new SignatureVerifier(['secret']).verify(tampered, vectorHeader)).toEqual({ valid: false, failure: 'mismatch' });
  });

  it('rejects the vector re-serialised from parsed JSON (only the raw bytes are signed)', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(vectorBody.toString('utf8'))));
    expect(new SignatureVerifier(['secret']).verify(reserialised, vectorHeader).valid).toBe(false);
  });

  it.each([
    ['missing header', undefined, 'missing'],
    ['empty header', '', 'missing'],
    ['uppercase hex', vectorHeader.replace('sha256=', 'sha256=').toUpperCase(), 'malformed'],
    ['uppercase digest only', `sha256=${vectorHeader.slice(7).toUpperCase()}`, 'malformed'],
    ['short hex', vectorHeader.slice(0, -2), 'malformed'],
    ['long hex', `${vectorHeader}00`, 'malformed'],
    ['missing prefix', vectorHeader.slice('sha256='.length), 'malformed'],
    ['other algorithm prefix', vectorHeader.replace('sha256=', 'sha1='), 'malformed'],
    ['non-hex characters', `sha256=${'z'.repeat(64)}`, 'malformed'],
    ['surrounding spaces', ` ${vectorHeader} `, 'malformed'],
    ['a repeated header', [vectorHeader, vectorHeader], 'malformed'],
  ] as const)('classifies %s as %s', (_, header, failure) => {
    expect(new SignatureVerifier(['secret']).verify(vectorBody, header as string | string[] | undefined)).toEqual({ valid: false, failure });
  });

  describe('with a rotation list', () => {
    const verifier = new SignatureVerifier(['new-secret-value-1234', 'secret']);

    it('accepts a body signed with the second secret and says which position matched', () => {
      expect(verifier.verify(vectorBody, vectorHeader)).toEqual({ valid: true, secretIndex: 1 });
    });

    it('accepts a body signed with the first secret', () => {
      expect(verifier.verify(vectorBody, signBody(vectorBody, 'new-secret-value-1234'))).toEqual({ valid: true, secretIndex: 0 });
    });

    it('rejects a body signed with a secret not in the list', () => {
      expect(verifier.verify(vectorBody, signBody(vectorBody, 'retired-secret-value')).valid).toBe(false);
    });
  });

  it('refuses to be built without a secret', () => {
    expect(() => new SignatureVerifier([])).toThrow('at least one secret');
  });
});
