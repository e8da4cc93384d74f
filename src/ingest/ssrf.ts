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
  const [a = 0, b = 0, c = 0] = address.split('.').map(Number);
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'shared (CGNAT)';
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved'; // 240/4 and the broadcast address
  // IANA special-purpose blocks that no dataset host lives in: IETF protocol assignments (192.0.0.0/24), the
  // documentation nets (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24), the 6to4 relay anycast (192.88.99.0/24)
  // and the benchmarking net 198.18.0.0/15, which some networks use inside.
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return 'reserved';
  if ((a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113) || (a === 192 && b === 88 && c === 99)) return 'reserved';
  if (a === 198 && (b === 18 || b === 19)) return 'reserved';
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

/** The IPv4 address an IPv6 address carries to an IPv4 host, and the mechanism that carries it there. */
export interface EmbeddedIpv4 {
  ipv4: string;
  via: 'IPv4-translated' | 'NAT64' | '6to4';
}

function dotted(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

function embeddedIn(g: number[]): EmbeddedIpv4 | undefined {
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const [g0 = 0, g1 = 0, g2 = 0, , g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  // ::ffff:0:a.b.c.d (RFC 2765 SIIT): a translator turns it into a plain IPv4 packet to a.b.c.d.
  if (zero(0, 4) && g4 === 0xffff && g5 === 0) return { ipv4: dotted(g6, g7), via: 'IPv4-translated' };
  // 64:ff9b::/96 (RFC 6052 well-known NAT64 prefix): DNS64 networks reach every IPv4 host this way.
  if (g0 === 0x64 && g1 === 0xff9b && zero(2, 6)) return { ipv4: dotted(g6, g7), via: 'NAT64' };
  // 2002::/16 (6to4): the relay sends the packet to the IPv4 address in bits 16-47.
  if (g0 === 0x2002) return { ipv4: dotted(g1, g2), via: '6to4' };
  return undefined;
}

/** The IPv4 address inside an IPv4-translated, NAT64 (well-known prefix) or 6to4 address; undefined otherwise. */
export function embeddedIpv4(address: string): EmbeddedIpv4 | undefined {
  return isIP(address.split('%')[0] ?? '') === 6 ? embeddedIn(ipv6Groups(address)) : undefined;
}

function ipv6Kind(address: string): AddressKind {
  const g = ipv6Groups(address);
  const [first = 0, second = 0, third = 0] = g;
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d reaches the IPv4 address it wraps; ::a.b.c.d (deprecated IPv4-compatible) likewise. Both are
  // refused whatever they wrap: a public host is reached by its IPv4 address, never through these forms.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return 'IPv4-mapped IPv6';
  // Addresses that a translator or relay turns into an IPv4 packet are what that IPv4 address is: 64:ff9b::8.8.8.8
  // is how an IPv6-only (DNS64) network reaches a public host, 64:ff9b::169.254.169.254 is the metadata server.
  const embedded = embeddedIn(g);
  if (embedded) return ipv4Kind(embedded.ipv4);
  // 64:ff9b:1::/48 (RFC 8215) is for NAT64 inside one network, with a prefix length the operator chooses, so the
  // IPv4 part cannot be located: refuse the whole range.
  if (first === 0x64 && second === 0xff9b && third === 1) return 'reserved';
  if ((first & 0xfe00) === 0xfc00) return 'unique-local';
  // fec0::/10, site-local: deprecated, but still a network's own addresses where it is used.
  if ((first & 0xffc0) === 0xfec0) return 'unique-local';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xff00) === 0xff00) return 'multicast';
  // 2001::/23, IETF protocol assignments: Teredo (2001::/32) tunnels to an obfuscated IPv4 address through a
  // relay, the rest (ORCHID, AS112, AMT…) serves protocols, not web hosts. 2001:db8::/32 is for documentation and
  // 100::/64 discards everything.
  if (first === 0x2001 && second < 0x200) return 'reserved';
  if (first === 0x2001 && second === 0xdb8) return 'reserved';
  if (first === 0x100 && second === 0 && third === 0 && g[3] === 0) return 'reserved';
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
  const embedded = embeddedIpv4(address);
  const wraps = embedded ? ` (${embedded.via} of ${embedded.ipv4})` : '';
  return `${address} is a ${kind} address${wraps}${hint}`;
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
