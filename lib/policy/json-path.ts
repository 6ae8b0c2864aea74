import type { JsonPath } from "./types";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Appends an object key: `.Action` for identifiers, `["acs:CurrentTime"]` otherwise. */
export function keyPath(base: JsonPath, key: string): JsonPath {
  if (IDENTIFIER.test(key)) return base ? `${base}.${key}` : key;
  return `${base}[${JSON.stringify(key)}]`;
}

export function indexPath(base: JsonPath, index: number): JsonPath {
  return `${base}[${index}]`;
}
