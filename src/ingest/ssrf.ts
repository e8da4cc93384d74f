import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { UserError } from '../errors.js';

/**
 * Address checks that keep a source URL from reaching inside the network the ingest runs in (SSRF): the metadata
 * server, loopback services, private ranges. The fetcher resolves a host once, checks every address here and
 * then connects to the checked address itself, so a second DNS answer cannot swap in a private one.
 */

export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'shared (CGNAT)'
  | 'unique-local'
  | 'link-local'
  | 'unspecified'
  | 'IPv4-mapped IPv6'
  | 'multicast'
  | 'reserved';

/** Kinds a caller may allow explicitly (tests and the local demo serve from loopback). */
const ALLOWABLE: ReadonlySet<AddressKind> = new Set(['loopback', 'private', 'shared (CGNAT)', 'unique-local']);

/** Names of the GCE metadata server: refused before any DNS lookup, whatever else is allowed. */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata', 'metadata.goog']);

export type Lookup = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

function ipv4Kind(address: string): AddressKind {
  const [a = 0, b = 0] = address.split('.').map(Number);
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'shared (CGNAT)';
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved'; // 240/4 and the broadcast address
  return 'public';
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part becomes the last two). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone !== -1) text = text.slice(0, zone);
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    const [a = 0, b = 0, c = 0, d = 0] = last.split('.').map(Number);
    tail.push((a << 8) | b, (c << 8) | d);
    text = `${text.slice(0, lastColon + 1)}0`;
  }
  const [head = '', rest] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const front = parse(head);
  const back = rest === undefined ? [] : parse(rest);
  if (tail.length > 0) {
    if (back.length > 0) back.pop(); // the placeholder group that stood for the dotted part
    else front.pop();
  }
  const missing = 8 - front.length - back.length - tail.length;
  return [...front, ...new Array<number>(Math.max(missing, 0)).fill(0), ...back, ...tail];
}

function ipv6Kind(address: string): AddressKind {
  const g = ipv6Groups(address);
  const first = g[0] ?? 0;
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d reaches the IPv4 address it wraps; ::a.b.c.d (deprecated IPv4-compatible) likewise.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return 'IPv4-mapped IPv6';
  if ((first & 0xfe00) === 0xfc00) return 'unique-local';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xff00) === 0xff00) return 'multicast';
  return 'public';
}

/** What kind of address this is; throws for something that is not an IP address. */
export function addressKind(address: string): AddressKind {
  const version = isIP(address.split('%')[0] ?? '');
  if (version === 4) return ipv4Kind(address);
  if (version === 6) return ipv6Kind(address);
  throw new Error(`not an IP address: ${address}`);
}

/** Why connecting to this address is refused, or undefined when it is allowed. */
export function refusalOf(address: string, allowPrivateAddresses: boolean): string | undefined {
  const kind = addressKind(address);
  if (kind === 'public') return undefined;
  if (allowPrivateAddresses && ALLOWABLE.has(kind)) return undefined;
  const hint = ALLOWABLE.has(kind) ? ' (allow private addresses explicitly for local use)' : '';
  return `${address} is a ${kind} address${hint}`;
}

/**
 * Resolves a URL's host and checks every address it has; returns the one to connect to. IP literals are checked
 * as they are. Refuses the metadata server by name, even when private addresses are allowed.
 */
export async function resolveChecked(
  hostname: string,
  options: { allowPrivateAddresses: boolean; lookup?: Lookup | undefined },
): Promise<{ address: string; family: 4 | 6 }> {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  const literal = isIP(host);
  if (literal !== 0) {
    const refusal = refusalOf(host, options.allowPrivateAddresses);
    if (refusal) throw new UserError(`refusing to fetch from ${hostname}: ${refusal}.`);
    return { address: host, family: literal as 4 | 6 };
  }
  if (METADATA_NAMES.has(host)) {
    throw new UserError(`refusing to fetch from ${hostname}: it is the cloud metadata server.`);
  }
  let answers: { address: string; family: number }[];
  try {
    answers = await (options.lookup ?? systemLookup)(host);
  } catch (error) {
    throw new UserError(`cannot resolve ${hostname}: ${(error as Error).message}`);
  }
  if (answers.length === 0) throw new UserError(`cannot resolve ${hostname}: no addresses.`);
  // Every answer must pass, not just the first: a resolver may rotate them between this check and a retry.
  for (const answer of answers) {
    const refusal = refusalOf(answer.address, options.allowPrivateAddresses);
    if (refusal) throw new UserError(`refusing to fetch from ${hostname}: it resolves to ${refusal}.`);
  }
  const chosen = answers[0] as { address: string; family: number };
  return { address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}
