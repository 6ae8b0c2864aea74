// Next loads a server module once per bundle (route handlers, pages, instrumentation), so one
// error class can exist several times in a process, and a cached failure read by a page may have
// been thrown by a route handler's copy. A brand in the global symbol registry lets `instanceof`
// hold across those copies.
const BRANDS = Symbol.for("rolescope.error-brands");

type Branded = { [BRANDS]?: Set<string> };

export function addBrand(instance: object, brand: string): void {
  const b = instance as Branded;
  (b[BRANDS] ??= new Set()).add(brand);
}

export function hasBrand(value: unknown, brand: string): boolean {
  return typeof value === "object" && value !== null && ((value as Branded)[BRANDS]?.has(brand) ?? false);
}
