import { describe, expect, it } from "vitest";
import { withOperationNames } from "./create-cloud";
import { CloudError } from "./types";

describe("withOperationNames", () => {
  const refused = () => Promise.reject(new CloudError({ code: "NoPermission", message: "denied", requestId: "R-1", httpStatus: 403 }));

  it("names the operation of lib/cloud/operations.ts on the error a gateway method throws", async () => {
    const ram = withOperationNames({ listRoles: refused, listAllRoles: refused, getRole: refused }, "ram");
    await expect(ram.listRoles()).rejects.toMatchObject({ code: "NoPermission", requestId: "R-1", operation: "ListRoles" });
    await expect(ram.listAllRoles()).rejects.toMatchObject({ operation: "ListRoles" });
    await expect(ram.getRole()).rejects.toMatchObject({ operation: "GetRole" });
    const eas = withOperationNames({ describeService: refused, regions: ["cn-hangzhou"] }, "eas");
    await expect(eas.describeService()).rejects.toMatchObject({ operation: "DescribeService" });
    expect(eas.regions).toEqual(["cn-hangzhou"]);
  });

  it("keeps the operation in the JSON a page or the API passes on", async () => {
    const ram = withOperationNames({ listRoles: refused }, "ram");
    const err = await ram.listRoles().catch((e: CloudError) => e);
    expect(err.toJSON()).toEqual({ code: "NoPermission", message: "denied", requestId: "R-1", httpStatus: 403, operation: "ListRoles" });
  });

  it("passes other failures and answers through as they are", async () => {
    const boom = new Error("not a cloud error");
    const ram = withOperationNames({ getRole: () => Promise.reject(boom), getUser: () => Promise.resolve({ userName: "bob" }) }, "ram");
    await expect(ram.getRole()).rejects.toBe(boom);
    await expect(ram.getUser()).resolves.toEqual({ userName: "bob" });
  });
});
