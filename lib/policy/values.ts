// Reading condition values: dates, numbers, booleans, IP addresses and CIDR blocks.

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** ISO 8601 (no zone = UTC) or epoch seconds, as RAM accepts both; milliseconds or NaN. */
export function parseDate(value: string): number {
  if (/^\d{1,12}$/.test(value)) return Number(value) * 1000;
  const m = ISO_DATE.exec(value);
  if (!m) return NaN;
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zone = "Z"] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return NaN;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return NaN;
  const z = zone.toUpperCase() === "Z" ? "Z" : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${z}`);
}

export function parseNumber(value: string): number {
  if (value.trim() === "") return NaN;
  return Number(value);
}

export function parseBool(value: string): boolean | undefined {
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

export type IpAddr = { v: 4; n: number } | { v: 6; n: bigint };
export type Cidr = { v: 4; base: number; mask: number } | { v: 6; base: bigint; mask: bigint };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseV4(s: string): number | undefined {
  const m = IPV4.exec(s);
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return undefined;
    n = n * 256 + octet;
  }
  return n;
}

function parseV6(s: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.length > 45) return undefined;
  let text = s;
  if (text.includes(".")) {
    const lastColon = text.lastIndexOf(":");
    const v4 = parseV4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    text = `${text.slice(0, lastColon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const read = (h: string) => (h === "" ? [] : h.split(":"));
  const head = read(halves[0]);
  const rest = halves.length === 2 ? read(halves[1]) : [];
  const fill = 8 - head.length - rest.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill("0"), ...rest];
  let n = BigInt(0);
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << BigInt(16)) | BigInt(parseInt(g, 16));
  }
  return n;
}

const V4_MAPPED = BigInt("0xffff00000000");

export function parseIp(value: string): IpAddr | undefined {
  const v4 = parseV4(value);
  if (v4 !== undefined) return { v: 4, n: v4 };
  const v6 = value.includes(":") ? parseV6(value) : undefined;
  if (v6 === undefined) return undefined;
  if (v6 >> BigInt(32) === V4_MAPPED >> BigInt(32)) return { v: 4, n: Number(v6 & BigInt(0xffffffff)) };
  return { v: 6, n: v6 };
}

export function parseCidr(value: string): Cidr | undefined {
  const slash = value.indexOf("/");
  const addr = parseIp(slash < 0 ? value : value.slice(0, slash));
  if (!addr) return undefined;
  const width = addr.v === 4 ? 32 : 128;
  const bitsText = slash < 0 ? String(width) : value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText) || Number(bitsText) > width) return undefined;
  const bits = Number(bitsText);
  if (addr.v === 4) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    return { v: 4, base: (addr.n & mask) >>> 0, mask };
  }
  const all = (BigInt(1) << BigInt(128)) - BigInt(1);
  const mask = bits === 0 ? BigInt(0) : (all << BigInt(128 - bits)) & all;
  return { v: 6, base: addr.n & mask, mask };
}

export function cidrContains(cidr: Cidr, ip: IpAddr): boolean {
  if (cidr.v === 4 && ip.v === 4) return ((ip.n & cidr.mask) >>> 0) === cidr.base;
  if (cidr.v === 6 && ip.v === 6) return (ip.n & cidr.mask) === cidr.base;
  return false;
}
