import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { pickRegions } from "./regions";

describe("pickRegions", () => {
  const served = ["cn-hangzhou", "ap-southeast-1"];
  it("defaults to every served region and removes duplicates", () => {
    expect(pickRegions(undefined, served)).toEqual(served);
    expect(pickRegions(["cn-hangzhou", "cn-hangzhou"], served)).toEqual(["cn-hangzhou"]);
  });
  it("refuses a region the console does not serve, naming the field and the rule", () => {
    let err: unknown;
    try {
      pickRegions(["us-west-1"], served);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("invalid_input");
    expect((err as AppError).fields).toEqual({ region: "must be one of cn-hangzhou, ap-southeast-1 (not us-west-1)" });
  });
});
