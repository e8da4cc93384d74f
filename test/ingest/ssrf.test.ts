import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { addressKind, embeddedIpv4, refusalOf, resolveChecked } from '../../src/ingest/ssrf.js';

describe('addressKind', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.0.10', 'private'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['100.127.255.254', 'shared (CGNAT)'],
    ['100.128.0.1', 'public'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['2001:4860:4860::8888', 'public'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'IPv4-mapped IPv6'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped IPv6'],
    ['::ffff:8.8.8.8', 'IPv4-mapped IPv6'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    // IANA special-purpose blocks
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['192.0.3.1', 'public'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['192.88.99.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['198.19.255.255', 'reserved'],
    ['198.20.0.1', 'public'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'], // Teredo
    ['2001:1ff::1', 'reserved'],
    ['2001:200::1', 'public'],
    ['2001:db8::1', 'reserved'],
    ['100::1', 'reserved'],
    ['100:0:0:1::1', 'public'],
    ['fec0::1', 'unique-local'],
    ['feff::1', 'unique-local'],
  ])('classifies %s as %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });
});

describe('IPv6 addresses that carry an IPv4 address', () => {
  it.each([
    // ::ffff:0:a.b.c.d, IPv4-translated (RFC 2765)
    ['::ffff:0:169.254.169.254', 'link-local'],
    ['::ffff:0:a9fe:a9fe', 'link-local'],
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::ffff:0:10.0.0.1', 'private'],
    ['::ffff:0:8.8.8.8', 'public'],
    // 64:ff9b::/96, the well-known NAT64 prefix (RFC 6052)
    ['64:ff9b::169.254.169.254', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::100.64.0.1', 'shared (CGNAT)'],
    ['64:ff9b::0.0.0.0', 'unspecified'],
    ['64:ff9b::8.8.8.8', 'public'],
    // 64:ff9b:1::/48, NAT64 for local use (RFC 8215): the IPv4 part's place is the operator's choice
    ['64:ff9b:1::a9fe:a9fe', 'reserved'],
    ['64:ff9b:1:a9fe:a9:fe00::', 'reserved'],
    // 2002::/16, 6to4: the IPv4 address is bits 16-47
    ['2002:a9fe:a9fe::', 'link-local'],
    ['2002:a9fe:a9fe:1:2:3:4:5', 'link-local'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:a00:1::', 'private'],
    ['2002::', 'unspecified'],
    ['2002:808:808::1', 'public'],
    // ::a.b.c.d, IPv4-compatible (deprecated), and the unspecified address
    ['::169.254.169.254', 'IPv4-mapped IPv6'],
    ['::8.8.8.8', 'IPv4-mapped IPv6'],
    ['::0', 'unspecified'],
    ['0:0:0:0:0:0:0:0', 'unspecified'],
  ])('classifies %s as %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });

  it('refuses the metadata server behind every embedding, even with private addresses allowed', () => {
    expect(refusalOf('64:ff9b::a9fe:a9fe', true)).toBe('64:ff9b::a9fe:a9fe is a link-local address (NAT64 of 169.254.169.254)');
    expect(refusalOf('::ffff:0:a9fe:a9fe', true)).toBe('::ffff:0:a9fe:a9fe is a link-local address (IPv4-translated of 169.254.169.254)');
    expect(refusalOf('2002:a9fe:a9fe::1', true)).toBe('2002:a9fe:a9fe::1 is a link-local address (6to4 of 169.254.169.254)');
    expect(refusalOf('64:ff9b:1::a9fe:a9fe', true)).toBe('64:ff9b:1::a9fe:a9fe is a reserved address');
    expect(refusalOf('::', true)).toBe(':: is a unspecified address');
    expect(refusalOf('::127.0.0.1', true)).toMatch(/IPv4-mapped/);
  });

  it('treats an embedded loopback or private address like the plain one', () => {
    expect(refusalOf('64:ff9b::127.0.0.1', false)).toBe(
      '64:ff9b::127.0.0.1 is a loopback address (NAT64 of 127.0.0.1) (allow private addresses explicitly for local use)',
    );
    expect(refusalOf('2002:a00:1::', false)).toMatch(/^2002:a00:1:: is a private address \(6to4 of 10.0.0.1\)/);
    expect(refusalOf('64:ff9b::10.0.0.1', true)).toBeUndefined();
    expect(refusalOf('64:ff9b::8.8.8.8', false)).toBeUndefined();
  });

  it('names the IPv4 address and the mechanism', () => {
    expect(embeddedIpv4('64:ff9b::c000:221')).toEqual({ ipv4: '192.0.2.33', via: 'NAT64' });
    expect(embeddedIpv4('2002:c000:221::')).toEqual({ ipv4: '192.0.2.33', via: '6to4' });
    expect(embeddedIpv4('::ffff:0:192.0.2.33')).toEqual({ ipv4: '192.0.2.33', via: 'IPv4-translated' });
    expect(embeddedIpv4('2001:4860:4860::8888')).toBeUndefined();
    expect(embeddedIpv4('192.0.2.33')).toBeUndefined();
  });
});

describe('refusalOf', () => {
  it('allows loopback and private ranges only when asked to', () => {
    expect(refusalOf('127.0.0.1', false)).toMatch(/loopback address \(allow private addresses explicitly/);
    expect(refusalOf('127.0.0.1', true)).toBeUndefined();
    expect(refusalOf('10.0.0.1', true)).toBeUndefined();
    expect(refusalOf('fd00::1', true)).toBeUndefined();
  });

  it('never allows the metadata range, unspecified or IPv4-mapped addresses', () => {
    expect(refusalOf('169.254.169.254', true)).toBe('169.254.169.254 is a link-local address');
    expect(refusalOf('0.0.0.0', true)).toMatch(/unspecified/);
    expect(refusalOf('::ffff:10.0.0.1', true)).toMatch(/IPv4-mapped/);
  });
});

describe('resolveChecked', () => {
  const lookupTo = (...addresses: string[]) => async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('returns the checked address of a public name', async () => {
    await expect(resolveChecked('data.example', { allowPrivateAddresses: false, lookup: lookupTo('93.184.215.14') })).resolves.toEqual({
      address: '93.184.215.14',
      family: 4,
    });
  });

  it('refuses a name that resolves to a private address', async () => {
    await expect(
      resolveChecked('innocent.example', { allowPrivateAddresses: false, lookup: lookupTo('10.0.0.5') }),
    ).rejects.toThrow('refusing to fetch from innocent.example: it resolves to 10.0.0.5 is a private address');
  });

  it('refuses a name when any one of its addresses is private', async () => {
    await expect(
      resolveChecked('mixed.example', { allowPrivateAddresses: false, lookup: lookupTo('93.184.215.14', '::1') }),
    ).rejects.toThrow(/::1 is a loopback address/);
  });

  it('refuses the metadata server by name before resolving it, even when private addresses are allowed', async () => {
    let resolved = false;
    const lookup = async () => {
      resolved = true;
      return [{ address: '169.254.169.254', family: 4 }];
    };
    for (const name of ['metadata.google.internal', 'METADATA.google.internal.', 'metadata']) {
      await expect(resolveChecked(name, { allowPrivateAddresses: true, lookup })).rejects.toThrow(/metadata server/);
    }
    expect(resolved).toBe(false);
  });

  it('checks IP literals, bracketed IPv6 included, without a lookup', async () => {
    await expect(resolveChecked('[::ffff:7f00:1]', { allowPrivateAddresses: true })).rejects.toThrow(UserError);
    await expect(resolveChecked('[::1]', { allowPrivateAddresses: true })).resolves.toEqual({ address: '::1', family: 6 });
  });

  it('refuses a name whose DNS64 answer wraps the metadata address', async () => {
    await expect(
      resolveChecked('nat64.example', { allowPrivateAddresses: true, lookup: lookupTo('64:ff9b::a9fe:a9fe') }),
    ).rejects.toThrow('refusing to fetch from nat64.example: it resolves to 64:ff9b::a9fe:a9fe is a link-local address (NAT64 of 169.254.169.254).');
  });

  it('reports a name that does not resolve as a user error', async () => {
    const lookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' });
    };
    await expect(resolveChecked('nowhere.invalid', { allowPrivateAddresses: false, lookup })).rejects.toThrow(
      'cannot resolve nowhere.invalid: getaddrinfo ENOTFOUND nowhere.invalid',
    );
  });
});
