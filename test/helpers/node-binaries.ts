/**
 * The Node.js binaries the bundles must run on: the production runtime (Node 24, from the `node` devDependency)
 * and the oldest supported one (Node 20, the machine's own). Under CI=true both must be present.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface NodeBinary {
  major: number;
  path: string;
}

function versionOf(path: string): number | undefined {
  try {
    const v = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
    return Number(/^v(\d+)/.exec(v)?.[1]);
  } catch {
    return undefined;
  }
}

let cached: NodeBinary[] | undefined;

export function nodeBinaries(): NodeBinary[] {
  if (cached) return cached;
  const candidates = new Set<string>();
  candidates.add(join(process.cwd(), 'node_modules', 'node', 'bin', 'node'));
  if (process.env.npm_node_execpath) candidates.add(process.env.npm_node_execpath);
  candidates.add(process.execPath);
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir.includes('node_modules')) continue;
    candidates.add(join(dir, 'node'));
  }
  const byMajor = new Map<number, string>();
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    const major = versionOf(path);
    if (major && !byMajor.has(major)) byMajor.set(major, path);
  }
  cached = [...byMajor.entries()].map(([major, path]) => ({ major, path })).sort((a, b) => a.major - b.major);
  return cached;
}

/** Node 20 and Node 24; outside CI a missing one is skipped, under CI=true it is an error. */
export function requiredNodes(): NodeBinary[] {
  const found = nodeBinaries();
  const wanted = [20, 24];
  const out: NodeBinary[] = [];
  for (const major of wanted) {
    const hit = found.find((n) => n.major === major);
    if (hit) out.push(hit);
    else if (process.env.CI === 'true') throw new Error(`Node ${major} is required under CI=true and was not found`);
  }
  return out;
}
