/**
 * Which browser origins may pair and connect: the hub's own (the remote page is served by the hub, so a
 * genuine remote is same-origin) plus any the operator lists (a vite preview during development). A page
 * on any other origin that a phone happens to open cannot drive the wall even if it learns a token.
 */
import { networkInterfaces } from 'node:os';

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

function hostPart(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/** True for a hub bound to every interface (--lan). */
export function isWildcardHost(host: string): boolean {
  return WILDCARD_HOSTS.has(host);
}

/** Non-internal IPv4 addresses of this machine, in interface order (the first is the one put in the QR). */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return out;
}

export function hubOrigins(host: string, port: number, extra: readonly string[] = []): Set<string> {
  const hosts = new Set(['localhost', '127.0.0.1', '::1']);
  if (isWildcardHost(host)) for (const a of lanAddresses()) hosts.add(a);
  else hosts.add(host);
  const origins = new Set([...hosts].map((h) => `http://${hostPart(h)}:${port}`));
  for (const o of extra) origins.add(o.replace(/\/+$/, ''));
  return origins;
}

/** The URL a phone on the LAN opens (QR code): the bound address, or the first LAN address with --lan. */
export function publicBaseUrl(host: string, port: number): string {
  const h = isWildcardHost(host) ? (lanAddresses()[0] ?? '127.0.0.1') : host;
  return `http://${hostPart(h)}:${port}`;
}

/** A URL this process itself can reach the hub at. */
export function localBaseUrl(host: string, port: number): string {
  return `http://${hostPart(isWildcardHost(host) ? '127.0.0.1' : host)}:${port}`;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}
