import { beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER, PEER_PROTO_HEADER } from "../../lib/net/client-address";

// The language switch and sign-in: the choice is kept in a cookie, and in the profile of a
// signed-in user, whose next sign-in in another browser brings it back.
process.env.DB_PATH = ":memory:";
process.env.ROLESCOPE_DEMO = "true";

type Route = (req: Request, ctx?: unknown) => Promise<Response>;
let login: Route;
let setLocale: Route;
let localeOf: (username: string) => Promise<string | null | undefined>;

beforeAll(async () => {
  const { getStores } = await import("../../lib/db");
  const { createAuditLog } = await import("../../lib/audit/audit-log");
  const { bootstrapUsers } = await import("../../lib/auth/bootstrap");
  await bootstrapUsers(getStores(), createAuditLog(getStores().audit), { demo: true, log: () => {} });
  login = (await import("../../app/api/auth/login/route")).POST as Route;
  setLocale = (await import("../../app/api/locale/route")).POST as Route;
  localeOf = async (username) => (await getStores().users.findByUsername(username))?.locale;
  // Hashing the demo users' passwords takes a while on a busy machine.
}, 60_000);

const BASE = "http://127.0.0.1:3000";
const post = (path: string, body: string, headers: Record<string, string>) =>
  new Request(`${BASE}${path}`, { method: "POST", body, headers: { host: "127.0.0.1:3000", [PEER_HEADER]: "127.0.0.1", [PEER_PROTO_HEADER]: "http", ...headers } });
const signIn = (username: string, cookie = "") =>
  login(post("/api/auth/login", JSON.stringify({ username, password: `${username}-demo-pass` }), { "content-type": "application/json", cookie }));
const cookieOf = (res: Response, name: string) => res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(";")[0];

describe("POST /api/locale", () => {
  it("keeps a signed-out choice in the cookie and returns to the page it came from", async () => {
    const res = await setLocale(post("/api/locale", new URLSearchParams({ locale: "zh-CN", next: "/login?next=%2Froles" }).toString(), { "content-type": "application/x-www-form-urlencoded" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?next=%2Froles");
    expect(cookieOf(res, "NEXT_LOCALE")).toBe("NEXT_LOCALE=zh-CN");
  });

  it("refuses a language the console does not speak, naming the field", async () => {
    const res = await setLocale(post("/api/locale", JSON.stringify({ locale: "fr" }), { "content-type": "application/json" }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; fields: Record<string, string> } }).error).toMatchObject({ code: "invalid_input", fields: { locale: expect.any(String) } });
  });

  it("saves a signed-in user's choice in their profile, and their next sign-in elsewhere brings it back", async () => {
    const session = cookieOf(await signIn("bob"), "rolescope_session")!;
    expect(await localeOf("bob")).toBeNull();
    const res = await setLocale(post("/api/locale", JSON.stringify({ locale: "zh-CN" }), { "content-type": "application/json", cookie: session }));
    expect(res.status).toBe(200);
    expect(await localeOf("bob")).toBe("zh-CN");
    // Another browser, no cookie yet: the profile's language comes with the session.
    expect(cookieOf(await signIn("bob"), "NEXT_LOCALE")).toBe("NEXT_LOCALE=zh-CN");
  });

  it("lets a choice made on the sign-in page win over the profile, and saves it", async () => {
    await signIn("alice", "NEXT_LOCALE=zh-CN");
    expect(await localeOf("alice")).toBe("zh-CN");
    const res = await signIn("alice", "NEXT_LOCALE=en");
    expect(cookieOf(res, "NEXT_LOCALE")).toBeUndefined();
    expect(await localeOf("alice")).toBe("en");
  });
});

describe("API errors in the reader's language", () => {
  const wrong = (headers: Record<string, string>) =>
    login(post("/api/auth/login", JSON.stringify({ username: "dana", password: "not-her-password" }), { "content-type": "application/json", ...headers }));
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;

  it("words the message by Accept-Language, keeping the code", async () => {
    expect(await errorOf(await wrong({ "accept-language": "zh-CN,zh;q=0.9" }))).toEqual({ code: "invalid_credentials", message: "用户名或密码错误。" });
    expect(await errorOf(await wrong({ "accept-language": "en-US" }))).toEqual({ code: "invalid_credentials", message: "Wrong username or password." });
  });

  it("lets the cookie win over Accept-Language, for the message and each field's rule", async () => {
    expect((await errorOf(await wrong({ "accept-language": "zh-CN", cookie: "NEXT_LOCALE=en" }))).message).toBe("Wrong username or password.");
    const res = await setLocale(post("/api/locale", JSON.stringify({ locale: "fr" }), { "content-type": "application/json", cookie: "NEXT_LOCALE=zh-CN" }));
    expect(await errorOf(res)).toEqual({ code: "invalid_input", message: "locale：必须是以下值之一：en或zh-CN", fields: { locale: "必须是以下值之一：en或zh-CN" } });
  });
});

