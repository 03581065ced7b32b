/** IPv4 addresses and CIDR blocks, as 32-bit unsigned integers underneath. */

export interface Cidr {
  /** The network address as an integer. */
  base: number;
  prefix: number;
  /** The block's size in addresses. */
  size: number;
}

/**
 * Parsed addresses and blocks, remembered: the data plane parses the same few strings for every
 * packet. Bounded; cleared when full.
 */
const parsedIPs = new Map<string, number>();
const parsedCidrs = new Map<string, Readonly<Cidr>>();
const parseCacheLimit = 4096;

export function ipToInt(ip: string): number {
  const known = parsedIPs.get(ip);
  if (known !== undefined) return known;
  const n = parseIPv4(ip);
  if (n === undefined) throw new Error(`invalid IP address: ${ip}`);
  if (parsedIPs.size >= parseCacheLimit) parsedIPs.clear();
  parsedIPs.set(ip, n);
  return n;
}

/** The address as an integer; undefined when `ip` is not a dotted quad. */
function parseIPv4(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n >>> 0;
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Is `ip` a dotted-quad IPv4 address? Asked of every host name a program meets, so it throws nothing. */
export function isIPv4(ip: string): boolean {
  return parsedIPs.has(ip) || parseIPv4(ip) !== undefined;
}

export function parseCidr(cidr: string): Cidr {
  const known = parsedCidrs.get(cidr);
  if (known) return known;
  const c = Object.freeze(parseCidrText(cidr));
  if (parsedCidrs.size >= parseCacheLimit) parsedCidrs.clear();
  parsedCidrs.set(cidr, c);
  return c;
}

function parseCidrText(cidr: string): Cidr {
  const [ip, bits] = cidr.split('/');
  const prefix = Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) throw new Error(`invalid CIDR address: ${cidr}`);
  const size = 2 ** (32 - prefix);
  const base = ipToInt(ip) - (ipToInt(ip) % size);
  return { base, prefix, size };
}

export function cidrContains(cidr: string | Cidr, ip: string): boolean {
  const c = typeof cidr === 'string' ? parseCidr(cidr) : cidr;
  const n = ipToInt(ip);
  return n >= c.base && n < c.base + c.size;
}

/** The n-th address of a block: `cidrHost("10.96.0.0/12", 10)` is 10.96.0.10. */
export function cidrHost(cidr: string | Cidr, n: number): string {
  const c = typeof cidr === 'string' ? parseCidr(cidr) : cidr;
  return intToIp(c.base + n);
}

export function formatCidr(c: Cidr): string {
  return `${intToIp(c.base)}/${c.prefix}`;
}
