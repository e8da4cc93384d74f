/**
 * Byte accounting for a document built from whole lines. GitHub counts the limit in characters, but a
 * character is at most 4 bytes and most of ours are 1: counting bytes is never wrong and the margin is small.
 * Blocks are added whole or not at all, so a cut always falls between blocks (never inside a fence or a
 * `<details>`).
 */
import { utf8Bytes } from './markdown.js';

export function blockBytes(block: readonly string[]): number {
  let total = 0;
  for (const line of block) total += utf8Bytes(line) + 1;
  return total;
}

export class LineBudget {
  readonly lines: string[] = [];
  private used = 0;

  constructor(readonly limit: number) {}

  get remaining(): number {
    return this.limit - this.used;
  }

  /** Adds `block` if it fits entirely; otherwise adds nothing and returns false. */
  add(block: readonly string[]): boolean {
    const bytes = blockBytes(block);
    if (bytes > this.remaining) return false;
    for (const line of block) this.lines.push(line);
    this.used += bytes;
    return true;
  }
}
