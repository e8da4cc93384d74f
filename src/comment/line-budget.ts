/**
 * Byte accounting for a document built from whole lines. GitHub counts the limit in characters, but a
 * character is at most 4 bytes and most of ours are 1: counting bytes is never wrong and the margin is small.
 * Sections add blocks whole or not at all, so a cut always falls between blocks (never inside a fence or a
 * `<details>`).
 */
import { utf8Bytes } from './markdown.js';

export function blockBytes(block: readonly string[]): number {
  let total = 0;
  for (let i = 0; i < block.length; i++) total += utf8Bytes(block[i]!) + 1;
  return total;
}
