import "server-only";
import { isIP } from "node:net";

// Which Host the console answers to. A page on another site whose name was made to resolve to
// the console's address (DNS rebinding) reaches it with that site's name in Host; answering only
// the names the console is served on keeps such a page from reading it. By default those are the
// loopback names on the port the request came in on, and the address the request came in on
// (what `HOSTNAME` bound); anything else must be listed in ROLESCOPE_ALLOWED_HOSTS.

/** Stamped on every request from its socket (lib/http/peer-stamp), overwriting what the client sent. */
export const LOCAL_ADDRESS_HEADER = "x-rolescope-local-address";
export const LOCAL_PORT_HEADER = "x-rolescope-local-port";

export interface AllowedHost {
  /** Lower case; an IPv6 address without brackets. */
  name: string;
  /** Any port when absent. */
  port?: number;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1"]);
const NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/;

/** `example.com:8443` → name and port; `[::1]:3000`, `::1`; undefined when it is not a host[:port]. */
function parseHost(value: string): AllowedHost | undefined {
  const v = value.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/.exec(v);
  const [name, port] = bracketed ? [bracketed[1], bracketed[2]] : isIP(v) === 6 ? [v, undefined] : (v.match(/^([^:]+)(?::(\d{1,5}))?$/)?.slice(1) ?? []);
  if (!name || (bracketed ? isIP(name) !== 6 : isIP(name) === 0 && !NAME.test(name))) return undefined;
  const p = port === undefined ? undefined : Number(port);
  if (p !== undefined && (p < 1 || p > 65535)) return undefined;
  return { name: name.replace(/\.$/, ""), ...(p !== undefined ? { port: p } : {}) };
}

/** `a.example.com, 10.0.0.5:3000` → those hosts. Throws naming the first entry that is not a host[:port]. */
export function parseAllowedHosts(text: string | undefined): AllowedHost[] {
  const out: AllowedHost[] = [];
  for (const entry of (text ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const host = parseHost(entry);
    if (!host) throw new Error(`"${entry.slice(0, 80)}" is not a host name or address with an optional :port`);
    out.push(host);
  }
  return out;
}

/**
 * Whether the console answers `host` (the Host header, or a trusted proxy's X-Forwarded-Host).
 * A host without a port stands for the scheme's default one.
 */
export function isAllowedHost(host: string, ctx: { headers: Headers; https: boolean; allowed: readonly AllowedHost[] }): boolean {
  const asked = parseHost(host);
  if (!asked) return false;
  const port = asked.port ?? (ctx.https ? 443 : 80);
  if (ctx.allowed.some((a) => a.name === asked.name && (a.port === undefined || a.port === port))) return true;
  const localPort = Number(ctx.headers.get(LOCAL_PORT_HEADER));
  // Without the socket's stamp (a request built in a test), any port of a loopback name will do.
  const onOurPort = !Number.isInteger(localPort) || localPort === 0 || localPort === port;
  if (!onOurPort) return false;
  const localAddress = ctx.headers.get(LOCAL_ADDRESS_HEADER)?.toLowerCase();
  return LOOPBACK.has(asked.name) || (localAddress !== undefined && isIP(asked.name) !== 0 && asked.name === localAddress);
}
