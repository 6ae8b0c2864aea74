import { describe, expect, it } from "vitest";
import { checkNewUser, checkRamUserName } from "./user-rules";

describe("a new user's fields, checked before sending", () => {
  it("names the first rule each field breaks", () => {
    expect(checkNewUser({ username: "Bad Name", displayName: " ", ramUserName: "bad name!", password: "short" })).toEqual({
      username: "format",
      displayName: "required",
      ramUserName: "format",
      password: "too_short",
    });
    expect(checkNewUser({ username: "", displayName: "x".repeat(81), ramUserName: "", password: "x".repeat(201) })).toEqual({ username: "required", displayName: "too_long", password: "too_long" });
  });

  it("passes a user the API accepts, and an empty RAM user is no link", () => {
    expect(checkNewUser({ username: "dana", displayName: "Dana", ramUserName: "dana@example", password: "dana-initial-pass" })).toEqual({});
    expect(checkRamUserName("  ")).toBeUndefined();
    expect(checkRamUserName("nonexistent-ram-user")).toBeUndefined();
  });
});
