import type catalog from "../messages/en";

type Catalog = typeof catalog;
type Namespace = keyof Catalog;
type Nested = { [N in Namespace]: Catalog[N] extends Record<string, unknown> ? `${N}.${Extract<keyof Catalog[N], string>}` : never }[Namespace];
/** A namespace (`services`) or one of its groups (`policy.simulator`). */
export type MessagePath = Namespace | Nested;

type Tree = { [key: string]: string | Tree };

/**
 * Only the messages at `paths`: client components receive the namespaces they use, not the whole
 * catalog (which would travel in every page's payload).
 */
export function pickMessages(messages: Record<string, unknown>, paths: readonly MessagePath[]): Tree {
  const out: Tree = {};
  for (const path of paths) {
    const [ns, group] = path.split(".", 2);
    const source = messages[ns] as Tree | undefined;
    if (source === undefined) throw new Error(`no messages for namespace ${ns}`);
    if (group === undefined) {
      out[ns] = source;
      continue;
    }
    const value = source[group];
    if (value === undefined) throw new Error(`no messages for ${path}`);
    out[ns] = { ...((out[ns] as Tree | undefined) ?? {}), [group]: value };
  }
  return out;
}
