// Next loads server code in more than one bundle (instrumentation, route handlers, pages, server
// actions), each with its own copy of every module, so a module-scope variable exists once per
// bundle. What must exist once per process (the store, the cloud, the console's credentials and
// their refresh, background jobs) is kept on globalThis under a registered symbol instead.

/** The value `make` built the first time any bundle of this process asked for `key`. */
export function processSingleton<T>(key: string, make: () => T): T {
  const g = globalThis as Record<symbol, unknown>;
  const symbol = Symbol.for(`rolescope.${key}`);
  if (!(symbol in g)) g[symbol] = make();
  return g[symbol] as T;
}
