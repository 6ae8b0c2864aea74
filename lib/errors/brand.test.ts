import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../actor";
import { CloudError } from "./cloud-error";
import { AppError } from "./app-error";
import { addBrand } from "./brand";

describe("error brands", () => {
  it("instanceof holds for an error made by another copy of the class (another bundle)", () => {
    // What another bundle's CloudError produces: a plain Error carrying the same global brand.
    const fromOtherBundle = Object.assign(new Error("The role does not exist."), { code: "EntityNotExist.Role" });
    addBrand(fromOtherBundle, "CloudError");
    expect(fromOtherBundle instanceof CloudError).toBe(true);
    expect(new Error("x") instanceof CloudError).toBe(false);
    expect((null as unknown as object) instanceof CloudError).toBe(false);
  });

  it("tells subclasses apart: every ForbiddenError is an AppError, not the other way round", () => {
    const denied = new ForbiddenError({ actor: "bob", permission: "cloud:write" });
    const plain = new AppError("not_found", "users.notFound");
    expect(denied instanceof AppError).toBe(true);
    expect(denied instanceof ForbiddenError).toBe(true);
    expect(plain instanceof ForbiddenError).toBe(false);
    expect(plain instanceof CloudError).toBe(false);
    expect(new CloudError({ code: "X", message: "m" }) instanceof AppError).toBe(false);
  });
});
