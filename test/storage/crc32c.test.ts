import { describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CRC32C } from '@google-cloud/storage';
import { Crc32c, Crc32cStream, crc32cBase64, crc32cUpdate, crc32cToBase64 } from '../../src/storage/crc32c.js';

describe('crc32c', () => {
  it('matches the published CRC-32C check value and GCS\'s base64 form of it', () => {
    expect(crc32cUpdate(0, Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32cBase64('123456789')).toBe(Buffer.from('e3069283', 'hex').toString('base64'));
    expect(crc32cBase64('')).toBe('AAAAAA==');
    // The value GCS documents for the string "data".
    expect(crc32cBase64('data')).toBe('rth90Q==');
  });

  it('agrees with @google-cloud/storage\'s CRC32C on every length around the 16-byte stride, at every word alignment', () => {
    const backing = randomBytes(80);
    for (let offset = 0; offset < 4; offset++) {
      for (let n = 0; n < 70; n++) {
        // A view starting `offset` bytes into its memory, as a subarray of a socket chunk is.
        const data = backing.subarray(offset, offset + n);
        const reference = new CRC32C();
        reference.update(Buffer.from(data));
        expect(crc32cBase64(data), `length ${n} at offset ${offset}`).toBe(reference.toString());
      }
    }
    const big = randomBytes(1_000_003);
    const reference = new CRC32C();
    reference.update(big);
    expect(crc32cBase64(big)).toBe(reference.toString());
  });

  it('gives the same value fed in uneven pieces as in one piece', () => {
    const data = randomBytes(100_000);
    const crc = new Crc32c();
    for (let i = 0; i < data.length; ) {
      const step = 1 + ((i * 7919) % 4099);
      crc.update(data.subarray(i, i + step));
      i += step;
    }
    expect(crc.base64()).toBe(crc32cBase64(data));
    expect(crc.bytes).toBe(data.length);
    expect(crc32cToBase64(crc.value)).toBe(crc.base64());
  });

  it('checksums a stream while passing its bytes through unchanged', async () => {
    const parts = Array.from({ length: 10 }, () => randomBytes(3333));
    const received: Buffer[] = [];
    const checksum = new Crc32cStream();
    await pipeline(Readable.from(parts), checksum, new Writable({ write: (c, _e, cb) => (received.push(c), cb()) }));
    expect(Buffer.concat(received).equals(Buffer.concat(parts))).toBe(true);
    expect(checksum.crc32c.base64()).toBe(crc32cBase64(Buffer.concat(parts)));
  });
});
