/**
 * Flag parsing for the CLI: `--name value`, `--name=value`, `--flag` (true) and `--no-flag` (false), plus
 * positionals. Unknown flags are errors naming the flag and the known ones.
 */
import { UserError } from '../errors.js';

export interface ParsedArgs {
  flags: Map<string, string>;
  positionals: string[];
}

export function parseArgs(argv: string[], known: { values: string[]; booleans?: string[] }): ParsedArgs {
  const flags = new Map<string, string>();
  const positionals: string[] = [];
  const booleans = new Set(known.booleans ?? []);
  const values = new Set(known.values);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (booleans.has(name)) {
      flags.set(name, eq === -1 ? 'true' : arg.slice(eq + 1));
    } else if (name.startsWith('no-') && booleans.has(name.slice(3))) {
      flags.set(name.slice(3), 'false');
    } else if (values.has(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UserError(`flag --${name} needs a value.`);
      // Repeated flags (e.g. --var-file) accumulate as newline-separated values, like the action inputs.
      flags.set(name, flags.has(name) ? `${flags.get(name)}\n${value}` : value);
    } else {
      const all = [...values, ...booleans].map((f) => `--${f}`).join(', ');
      throw new UserError(`unknown flag --${name}; known flags: ${all}.`);
    }
  }
  return { flags, positionals };
}
