import { describe, expect, it } from "vitest";
import { CloudError } from "../errors/cloud-error";
import { toAppError } from "../errors";
import { CredentialsUnavailableError } from "./errors";

describe("CredentialsUnavailableError", () => {
  it("is a CloudError with no HTTP status, told apart from the cloud's own errors", () => {
    const err = new CredentialsUnavailableError("The console has no cloud credentials: …");
    expect(err).toBeInstanceOf(CloudError);
    expect(err).toBeInstanceOf(CredentialsUnavailableError);
    expect(new CloudError({ code: "NoPermission", message: "x", httpStatus: 403 })).not.toBeInstanceOf(CredentialsUnavailableError);
    expect([err.code, err.httpStatus]).toEqual(["CredentialsUnavailable", undefined]);
  });

  it("answers credentials_unavailable (503) with no cloud part, since the cloud never saw the call", () => {
    const app = toAppError(new CredentialsUnavailableError("no credentials"))!;
    expect([app.code, app.status, app.cloud]).toEqual(["credentials_unavailable", 503, undefined]);
  });
});
