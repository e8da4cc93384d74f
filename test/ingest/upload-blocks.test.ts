import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { UPLOAD_BLOCK_BYTES, UploadBlocks } from '../../src/ingest/upload-blocks.js';

/** The pieces each push() made ('data' events: a for-await read() would join whatever is buffered). */
async function regroup(parts: Buffer[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  const blocks = Readable.from(parts, { objectMode: false }).pipe(new UploadBlocks(4 * UPLOAD_BLOCK_BYTES));
  blocks.on('data', (block: Buffer) => out.push(block));
  await finished(blocks);
  return out;
}

describe('UploadBlocks', () => {
  it('turns many small pieces into full 1 MiB blocks and a shorter last one, bytes unchanged', async () => {
    const data = randomBytes(3 * UPLOAD_BLOCK_BYTES + 12_345);
    const parts: Buffer[] = [];
    for (let i = 0; i < data.length; ) {
      const n = 1 + ((i * 7919) % 5000);
      parts.push(data.subarray(i, i + n));
      i += n;
    }
    const blocks = await regroup(parts);
    expect(blocks.map((b) => b.length)).toEqual([UPLOAD_BLOCK_BYTES, UPLOAD_BLOCK_BYTES, UPLOAD_BLOCK_BYTES, 12_345]);
    expect(Buffer.concat(blocks).equals(data)).toBe(true);
  });

  it('splits a piece larger than a block across blocks', async () => {
    const data = randomBytes(2 * UPLOAD_BLOCK_BYTES + 1);
    const blocks = await regroup([data.subarray(0, 10), data.subarray(10)]);
    expect(blocks.map((b) => b.length)).toEqual([UPLOAD_BLOCK_BYTES, UPLOAD_BLOCK_BYTES, 1]);
    expect(Buffer.concat(blocks).equals(data)).toBe(true);
  });

  it('passes nothing on for an empty input', async () => {
    expect(await regroup([])).toEqual([]);
  });
});
