// `vigil serve` exposes the engine (which reads any path it is asked to ingest), so it may only
// ever listen on the loopback interface.
import { isIPv4, isIPv6 } from 'node:net';

/** The address to bind for a requested host, or null when that host is not loopback. */
export function loopbackBindAddress(host: string): string | null {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare.toLowerCase() === 'localhost') return '127.0.0.1';
  if (isIPv4(bare)) return bare.split('.')[0] === '127' ? bare : null;
  if (isIPv6(bare)) return bare === '::1' || bare === '0:0:0:0:0:0:0:1' ? '::1' : null;
  return null;
}

/** The host part of a URL for a bound address (IPv6 in brackets). */
export function urlHost(address: string): string {
  return isIPv6(address) ? `[${address}]` : address;
}
