import { describe, expect, it } from "vitest";
import { createAuditLog, redactDetail } from "../../lib/audit/audit-log";
import { auditCsvRow, csvCell } from "../../lib/audit/csv";
import { parseAuditQuery, toAuditFilters } from "../../lib/audit/filters";
import { openDatabase } from "../../lib/db/connection";
import { sqliteAuditStore } from "../../lib/db/sqlite/audit";

function log() {
  let t = Date.parse("2026-05-01T10:00:00Z");
  const store = sqliteAuditStore(openDatabase(":memory:"));
  return { store, audit: createAuditLog(store, () => new Date((t += 3_600_000))) };
}

describe("audit log", () => {
  it("stores who, what, target, outcome, RequestId and time, newest first", async () => {
    const { audit } = log();
    await audit.append({ actor: "alice", action: "ram.update_trust", target: "role/eas-oss-reader", outcome: "success", requestId: "4C1B-REQ" });
    await audit.append({ actor: "bob", action: "auth.denied", target: "PATCH /api/auth/users/x", outcome: "denied" });
    const page = await audit.list({}, { page: 1, pageSize: 10 });
    expect(page.total).toBe(2);
    expect(page.entries.map((e) => e.actor)).toEqual(["bob", "alice"]);
    expect(page.entries[1]).toMatchObject({ requestId: "4C1B-REQ", at: "2026-05-01T11:00:00.000Z", target: "role/eas-oss-reader" });
  });

  it("masks anything named like a secret in the detail", () => {
    const out = redactDetail({ role: "admin", accessKeySecret: "abc", nested: { SecurityToken: "t", list: [{ password: "p" }] } });
    expect(out).toEqual({ role: "admin", accessKeySecret: "[redacted]", nested: { SecurityToken: "[redacted]", list: [{ password: "[redacted]" }] } });
  });

  it("filters by actor, action, outcome and inclusive whole-day dates, and pages", async () => {
    const { audit } = log();
    for (let i = 0; i < 30; i++) {
      await audit.append({ actor: i % 2 ? "alice" : "bob", action: i % 3 ? "auth.login" : "users.create", target: `t${i}`, outcome: i % 5 ? "success" : "failure" });
    }
    // Entries are one hour apart from 2026-05-01T11:00Z: 13 on May 1, 17 on May 2.
    const f = (q: Record<string, string>) => toAuditFilters(parseAuditQuery(new URLSearchParams(q)));
    expect((await audit.list(f({ actor: "alice" }), { page: 1, pageSize: 100 })).total).toBe(15);
    expect((await audit.list(f({ action: "users.create", outcome: "failure" }), { page: 1, pageSize: 100 })).total).toBe(2);
    expect((await audit.list(f({ from: "2026-05-01", to: "2026-05-01" }), { page: 1, pageSize: 100 })).total).toBe(13);
    expect((await audit.list(f({ from: "2026-05-02" }), { page: 1, pageSize: 100 })).total).toBe(17);
    // A date and UTC time bound the minute: 11:00 and 12:00 on May 1, then 12:00 up to 14:59 on May 2.
    expect((await audit.list(f({ from: "2026-05-01 11:00", to: "2026-05-01T12:00" }), { page: 1, pageSize: 100 })).total).toBe(2);
    expect((await audit.list(f({ from: "2026-05-02 12:00", to: "2026-05-02 14:59" }), { page: 1, pageSize: 100 })).total).toBe(3);
    const p2 = await audit.list({}, { page: 2, pageSize: 12 });
    expect(p2).toMatchObject({ page: 2, pages: 3, total: 30 });
    expect(p2.entries.map((e) => e.target)).toEqual(Array.from({ length: 12 }, (_, i) => `t${17 - i}`));
  });

  it("ignores malformed query parameters instead of failing the page", () => {
    const q = parseAuditQuery(new URLSearchParams({ outcome: "hacked", from: "yesterday", page: "-3", actor: "alice" }));
    expect(q).toEqual({ actor: "alice", outcome: undefined, from: undefined, page: 1 });
    // Only the ISO order is read: a US-style date or a time without a date is not guessed at.
    for (const bad of ["05/01/2026", "2026-05-01 25:00", "2026-13-01", "11:00"]) expect(parseAuditQuery(new URLSearchParams({ from: bad })).from, bad).toBeUndefined();
  });

  it("writes CSV cells that survive commas, quotes, newlines and spreadsheet formulas", async () => {
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvCell("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
    const { audit } = log();
    const e = await audit.append({ actor: "alice", action: "users.create", target: "x,y", outcome: "success", detail: { role: "admin" } });
    expect(auditCsvRow(e)).toBe(`"${e.id}","2026-05-01T11:00:00.000Z","alice","users.create","x,y","success","","{""role"":""admin""}"`);
  });

  // A spreadsheet in a semicolon locale splits this username at `;` and runs the rest.
  it("neutralises a formula after any separator a spreadsheet may split on", async () => {
    const hostile = "x;=cmd|' /C calc'!A0";
    expect(csvCell(hostile)).toBe(`"x;'=cmd|' /C calc'!A0"`);
    expect(csvCell("a,+1;-2\t@SUM(A1)")).toBe(`"a,'+1;'-2\t'@SUM(A1)"`);
    expect(csvCell("\t=1")).toBe(`"'\t'=1"`);
    expect(csvCell("a\t\t=1")).toBe(`"a\t'\t'=1"`);
    expect(csvCell("a\r\n=1")).toBe(`"a\r\n'=1"`);
    const { audit } = log();
    const e = await audit.append({ actor: hostile, action: "auth.login", target: hostile, outcome: "failure" });
    const cells = auditCsvRow(e).split(",");
    expect(cells.every((c) => c.startsWith('"'))).toBe(true);
    // Split the way a semicolon-locale spreadsheet that ignores quotes would: no piece starts a formula.
    for (const piece of auditCsvRow(e).split(/[,;\t]/)) expect(piece.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
  });
});
