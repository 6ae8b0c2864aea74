// What `npm start` passes to `next start`: the port, and the address to listen on, which is
// loopback unless HOSTNAME names another (an address, a name, or 0.0.0.0 for every interface).
//
// Idle keep-alive connections are held for 75 s, not Node's 5: a client (a load balancer, a
// script's HTTP agent) that sends on a connection just as the server drops it gets a reset, and
// a proxy in front should be the one to close first (load balancers commonly idle out at 60 s).
export const KEEP_ALIVE_MS = "75000";

export function consoleStartArgs(env) {
  return ["next", "start", "-p", env.PORT || "3000", "-H", env.HOSTNAME || "127.0.0.1", "--keepAliveTimeout", KEEP_ALIVE_MS];
}
