import { describe, expect, it } from 'vitest';
import { loopbackBindAddress, urlHost } from '../../../src/main/serve/loopback.js';

describe('loopbackBindAddress', () => {
  it('accepts loopback addresses', () => {
    expect(loopbackBindAddress('127.0.0.1')).toBe('127.0.0.1');
    expect(loopbackBindAddress('127.1.2.3')).toBe('127.1.2.3');
    expect(loopbackBindAddress('localhost')).toBe('127.0.0.1');
    expect(loopbackBindAddress('LOCALHOST')).toBe('127.0.0.1');
    expect(loopbackBindAddress('::1')).toBe('::1');
    expect(loopbackBindAddress('[::1]')).toBe('::1');
  });

  it('refuses everything else', () => {
    for (const host of ['0.0.0.0', '::', '192.168.0.2', '128.0.0.1', '::ffff:127.0.0.1', 'localhost.evil.example', '127.0.0.1.nip.io', '']) {
      expect(loopbackBindAddress(host), host).toBeNull();
    }
  });

  it('brackets IPv6 hosts in URLs', () => {
    expect(urlHost('::1')).toBe('[::1]');
    expect(urlHost('127.0.0.1')).toBe('127.0.0.1');
  });
});
