/**
 * Source modules as plain JavaScript in a folder of their own, for tests that run them in a fresh Node process
 * (V8 settings are process-wide). Each keeps its path below src/, so the relative imports between them hold:
 * `src/runtime/tunable-v8.ts` becomes `<folder>/runtime/tunable-v8.js`.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/** A new temporary folder (the caller removes it) holding `sources` (paths below src/) as ES modules. */
export function transpiledModules(prefix: string, sources: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
  for (const source of sources) {
    const text = readFileSync(join(process.cwd(), 'src', source), 'utf8');
    const { outputText } = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    const target = join(dir, source.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return dir;
}
