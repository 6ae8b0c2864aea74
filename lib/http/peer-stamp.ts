import "server-only";
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import { LOCAL_ADDRESS_HEADER, LOCAL_PORT_HEADER } from "../net/allowed-hosts";
import { normalizeAddress, PEER_HEADER, PEER_PROTO_HEADER } from "../net/client-address";

// Next's route handlers never see the socket, and Next fills X-Forwarded-For from it only when
// the client sent none, so a client could name any address. Every request is stamped with its
// socket's peer (and the local address and port it came in on) before Next reads it; a
// client-sent header of the same name is overwritten.

const STAMPED = Symbol.for("rolescope.peer-stamp");

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

function stamp(proto: { emit: Emit } & Record<symbol, unknown>): void {
  if (proto[STAMPED]) return;
  const original = proto.emit;
  proto.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      const socket = req.socket as Socket & Partial<TLSSocket>;
      req.headers[PEER_HEADER] = normalizeAddress(socket.remoteAddress ?? "unknown");
      req.headers[PEER_PROTO_HEADER] = socket.encrypted ? "https" : "http";
      // Where the request came in: the Host check (proxy.ts) answers loopback names on this port only.
      req.headers[LOCAL_ADDRESS_HEADER] = normalizeAddress(socket.localAddress ?? "");
      req.headers[LOCAL_PORT_HEADER] = String(socket.localPort ?? "");
    }
    return original.call(this, event, ...args);
  };
  proto[STAMPED] = true;
}

/** Installs the stamp on every HTTP and HTTPS server of this process (once; later calls do nothing). */
export function installPeerStamp(): void {
  stamp(http.Server.prototype as unknown as { emit: Emit } & Record<symbol, unknown>);
  stamp(https.Server.prototype as unknown as { emit: Emit } & Record<symbol, unknown>);
}
