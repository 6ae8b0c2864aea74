// What `npm start` passes to `next start`: the port, and the address to listen on, which is
// loopback unless HOSTNAME names another (an address, a name, or 0.0.0.0 for every interface).
export function consoleStartArgs(env) {
  return ["next", "start", "-p", env.PORT || "3000", "-H", env.HOSTNAME || "127.0.0.1"];
}
