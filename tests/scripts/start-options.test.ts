import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { consoleStartArgs } from "../../scripts/start-options.mjs";

describe("npm start", () => {
  it("listens on loopback only unless HOSTNAME names another address", () => {
    expect(consoleStartArgs({}).slice(0, 6)).toEqual(["next", "start", "-p", "3000", "-H", "127.0.0.1"]);
    expect(consoleStartArgs({ PORT: "8080", HOSTNAME: "0.0.0.0" }).slice(0, 6)).toEqual(["next", "start", "-p", "8080", "-H", "0.0.0.0"]);
    expect(consoleStartArgs({ HOSTNAME: "" })).toContain("127.0.0.1");
  });

  it("keeps idle connections longer than a load balancer in front does, so the client side closes first", () => {
    const args = consoleStartArgs({});
    expect(Number(args[args.indexOf("--keepAliveTimeout") + 1])).toBeGreaterThan(60_000);
  });
});
