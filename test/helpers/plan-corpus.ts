/** The real plan corpus copied from ../shared/fixtures/plans (see its README): every `.json` below it, sorted. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = 'test/fixtures/plans';

export function corpusFiles(dir = CORPUS): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? corpusFiles(path) : path.endsWith('.json') ? [path] : [];
    })
    .sort();
}
