import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { addressKind, refusalOf, resolveChecked } from '../../src/ingest/ssrf.js';

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
  ])('classifies %s as %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
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

  it('reports a name that does not resolve as a user error', async () => {
    const lookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' });
    };
    await expect(resolveChecked('nowhere.invalid', { allowPrivateAddresses: false, lookup })).rejects.toThrow(
      'cannot resolve nowhere.invalid: getaddrinfo ENOTFOUND nowhere.invalid',
    );
  });
});
