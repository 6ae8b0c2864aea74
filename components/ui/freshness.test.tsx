// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithProviders } from "@/components/testing/render";
import { Freshness } from "./freshness";

afterEach(cleanup);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) && !name.includes(".test.") ? [p] : [];
  });
}

describe("clock times", () => {
  it("writes the first hour after midnight as 00, as the browser does", () => {
    renderWithProviders(<Freshness fetchedAt={Date.parse("2026-12-02T00:30:05Z")} refreshing={false} onRefresh={() => {}} />);
    expect(screen.getByText(/^Data as of/).textContent).toBe("Data as of 00:30:05");
  });

  // With `hour12: false` Node writes that hour as 24 and Chromium as 00: the server's HTML then
  // differs from the browser's render, React throws it away and renders the page again.
  it("never asks for hour12: false, only for an hour cycle", () => {
    const root = path.resolve(__dirname, "../..");
    const offenders = ["app", "components", "lib"].flatMap((d) => sources(path.join(root, d))).filter((f) => /hour12:\s*false/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
