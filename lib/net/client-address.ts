import "server-only";
import { BlockList, isIP } from "node:net";

// Who sent a request, as far as it can be known. The socket's peer is stamped on every request
// by lib/http/peer-stamp (the client cannot forge it); X-Forwarded-* headers are believed only as far as
// ROLESCOPE_TRUSTED_PROXIES says proxies stand in front of the console.

/** Set on every request from its socket, overwriting whatever the client sent. */
export const PEER_HEADER = "x-rolescope-peer";
/** `https` when the socket itself was TLS. */
export const PEER_PROTO_HEADER = "x-rolescope-peer-proto";

export type TrustRule =
  | { kind: "none" }
  /** This many proxies stand in front: the peer is the nearest one. */
  | { kind: "hops"; hops: number }
  /** Proxies by address or CIDR block. */
  | { kind: "list"; list: BlockList; text: string };

export const NO_PROXIES: TrustRule = { kind: "none" };

/** `::ffff:10.0.0.1` → `10.0.0.1`; bracketed or ported forms are left as they are (they are not addresses). */
export function normalizeAddress(value: string): string {
  const v = value.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(v);
  return mapped ? mapped[1] : v;
}

const family = (ip: string) => (isIP(ip) === 6 ? "ipv6" : "ipv4");

/** Parses one entry of the list form; undefined when it is neither an address nor a CIDR block. */
function addEntry(list: BlockList, entry: string): boolean {
  const [ip, bits, extra] = entry.split("/");
  const addr = normalizeAddress(ip);
  if (extra !== undefined || !isIP(addr)) return false;
  if (bits === undefined) {
    list.addAddress(addr, family(addr));
    return true;
  }
  const prefix = Number(bits);
  const max = isIP(addr) === 6 ? 128 : 32;
  if (!/^\d{1,3}$/.test(bits) || prefix > max) return false;
  list.addSubnet(addr, prefix, family(addr));
  return true;
}

/** `""` → none; `2` → two hops; `10.0.0.0/8, 192.168.1.7` → those proxies. Throws on anything else. */
export function parseTrustedProxies(text: string | undefined): TrustRule {
  const value = (text ?? "").trim();
  if (!value || value === "0") return NO_PROXIES;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new Error("a hop count must be 0–10");
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const entry of value.split(",").map((e) => e.trim()).filter(Boolean)) {
    if (!addEntry(list, entry)) throw new Error(`"${entry.slice(0, 60)}" is not an IP address or CIDR block`);
  }
  return { kind: "list", list, text: value };
}

function isTrustedHop(rule: TrustRule, address: string, index: number): boolean {
  if (rule.kind === "none") return false;
  if (rule.kind === "hops") return index < rule.hops;
  return isIP(address) !== 0 && rule.list.check(address, family(address));
}

/** Whether the socket's peer is a proxy the console trusts (and so its X-Forwarded-* headers). */
function peerIsTrusted(headers: Headers, rule: TrustRule): boolean {
  const peer = headers.get(PEER_HEADER);
  return peer !== null && isTrustedHop(rule, normalizeAddress(peer), 0);
}

/**
 * The client's address: walking from the socket's peer leftwards through X-Forwarded-For, the
 * first hop that is not a trusted proxy. Entries further left were written by the client.
 */
export function resolveClientAddress(headers: Headers, rule: TrustRule): string {
  const peer = headers.get(PEER_HEADER);
  if (peer === null) return "unknown";
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const chain = [normalizeAddress(peer), ...forwarded.reverse().map(normalizeAddress)];
  let i = 0;
  while (i < chain.length - 1 && isTrustedHop(rule, chain[i], i)) i++;
  return (chain[i] || "unknown").slice(0, 64);
}

/** `https` when the socket was TLS, or a trusted proxy says the browser used it. */
export function requestProtocol(headers: Headers, rule: TrustRule): "https" | "http" {
  if (headers.get(PEER_PROTO_HEADER) === "https") return "https";
  if (!peerIsTrusted(headers, rule)) return "http";
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
}

/** The host the browser addressed: the Host header, or a trusted proxy's X-Forwarded-Host. */
export function requestHost(headers: Headers, rule: TrustRule, fallback: string): string {
  const forwarded = peerIsTrusted(headers, rule) ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || headers.get("host") || fallback;
}
