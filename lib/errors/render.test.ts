import { describe, expect, it } from "vitest";
import { CloudError } from "./cloud-error";
import { AppError } from "./app-error";
import { fromCloudError } from "./from";
import { rule } from "./render";

describe("server messages worded for the reader", () => {
  it("keeps the cloud's code, message and RequestId verbatim beside the explanation", () => {
    const err = fromCloudError(new CloudError({ code: "EntityNotExist.Role", message: "The role does not exist: ghost.", requestId: "RID-1", httpStatus: 404 }));
    expect(err.toJSON("zh-CN")).toEqual({ code: "not_found", message: "云端找不到请求的资源：The role does not exist: ghost.", cloud: { code: "EntityNotExist.Role", requestId: "RID-1" } });
    expect(err.toJSON("en").message).toBe("The role does not exist: ghost.");
  });

  it("words named values and selects in each language, and keeps English in Error.message for the log", () => {
    const err = new AppError("conflict", "approvals.movedOn", { values: { state: "granted", to: "approved" } });
    expect(err.message).toBe("The request is granted now; it can no longer be approved.");
    expect(err.toJSON("zh-CN").message).toBe("该申请现在的状态为已授权，已无法再变为已批准。");
  });

  it("lists refused fields with their rules when the error has no message of its own", () => {
    const err = AppError.invalid({ body: rule("json"), region: rule("one_of", { values: ["cn-hangzhou", "cn-shanghai"] }) });
    expect(err.toJSON("en")).toEqual({ code: "invalid_input", message: "body must be JSON; region must be one of cn-hangzhou or cn-shanghai", fields: { body: "must be JSON", region: "must be one of cn-hangzhou or cn-shanghai" } });
    expect(err.toJSON("zh-CN").message).toBe("body：必须是 JSON；region：必须是以下值之一：cn-hangzhou或cn-shanghai");
  });
});
