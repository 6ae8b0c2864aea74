import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CloudError } from "../cloud/types";
import { errorResponse, InputError, pickRegions } from "./http";

describe("errorResponse", () => {
  it("keeps the cloud's code and RequestId, as a 502 for a cloud fault", async () => {
    const res = errorResponse(new CloudError({ code: "Throttling.User", message: "Request was denied due to user flow control.", requestId: "REQ-1", httpStatus: 400 }));
    expect(res.status).toBe(400);
    const fault = errorResponse(new CloudError({ code: "InternalError", message: "boom", requestId: "REQ-2", httpStatus: 500 }));
    expect(fault.status).toBe(502);
    expect(await fault.json()).toEqual({ error: { code: "InternalError", message: "boom", requestId: "REQ-2" } });
    const down = errorResponse(new CloudError({ code: "ECONNREFUSED", message: "connect ECONNREFUSED" }));
    expect(down.status).toBe(502);
  });

  it("passes a cloud 404 through: it is about what the user asked for", async () => {
    const res = errorResponse(new CloudError({ code: "InvalidService.NotFound", message: "service x not found", requestId: "REQ-3", httpStatus: 404 }));
    expect(res.status).toBe(404);
    expect((await res.json()).error.requestId).toBe("REQ-3");
  });

  it("names the field and the rule for bad input", async () => {
    const parsed = z.object({ mode: z.enum(["none", "custom"]) }).safeParse({ mode: "x" });
    const res = errorResponse(parsed.error);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("InvalidParameter");
    expect(body.error.message).toMatch(/^mode: /);
  });
});

describe("pickRegions", () => {
  const served = ["cn-hangzhou", "ap-southeast-1"];
  it("defaults to every served region and removes duplicates", () => {
    expect(pickRegions(undefined, served)).toEqual(served);
    expect(pickRegions(["cn-hangzhou", "cn-hangzhou"], served)).toEqual(["cn-hangzhou"]);
  });
  it("refuses a region the console does not serve", () => {
    expect(() => pickRegions(["us-west-1"], served)).toThrow(InputError);
    expect(() => pickRegions(["us-west-1"], served)).toThrow(/us-west-1 is not one of cn-hangzhou, ap-southeast-1/);
  });
});
