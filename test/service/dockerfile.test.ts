/**
 * There is no Docker engine here, so the Dockerfile is checked by reading it: the instructions that decide what
 * the image contains and who runs it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

interface Instruction {
  op: string;
  args: string;
}

function parseDockerfile(text: string): Instruction[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^(\S+)\s+(.*)$/.exec(l)!;
      return { op: m[1]!.toUpperCase(), args: m[2]!.trim() };
    });
}

const instructions = parseDockerfile(readFileSync('Dockerfile', 'utf8'));
const ignore = readFileSync('.dockerignore', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

describe('the service Dockerfile', () => {
  it('runs the service bundle on Node 24', () => {
    expect(instructions.filter((i) => i.op === 'FROM').map((i) => i.args)).toEqual(['node:24-slim']);
    expect(instructions.at(-1)).toEqual({ op: 'CMD', args: '["node", "dist/service/index.js"]' });
  });

  it('copies only the service bundle and the catalog into the image', () => {
    const sources = instructions
      .filter((i) => i.op === 'COPY' || i.op === 'ADD')
      .map((i) => i.args.split(/\s+/).filter((a) => !a.startsWith('--')).slice(0, -1))
      .flat();
    expect(sources).toEqual(['dist/service/', 'datasets.yaml']);
    expect(instructions.some((i) => i.op === 'ADD')).toBe(false);
  });

  it('keeps everything else out of the build context', () => {
    expect(ignore).toEqual(['*', '!dist/service/', '!datasets.yaml']);
  });

  it('runs as a non-root user, set after the files are in place', () => {
    const users = instructions.filter((i) => i.op === 'USER');
    expect(users).toHaveLength(1);
    expect(users[0]!.args).not.toMatch(/^(root|0)(:|$)/);
    const userAt = instructions.indexOf(users[0]!);
    expect(instructions.slice(userAt).some((i) => i.op === 'COPY' || i.op === 'RUN')).toBe(false);
  });

  it('marks the bundle as ES modules and listens on Cloud Run\'s PORT', () => {
    expect(instructions.find((i) => i.op === 'RUN')?.args).toContain('"type": "module"');
    expect(instructions.find((i) => i.op === 'ENV')?.args).toContain('PORT=8080');
  });
});
