import { describe, expect, it } from "vitest";
import { extractDiagnosticMessage } from "./extract";

const M = "AQEAAAAAZBgxr0U1MjA1NTM1LUM4BBktMzE5RS1CODgxLUU1QTI0RDNFQTM1+/==";

describe("extractDiagnosticMessage", () => {
  it("finds the message in a JSON body, an SDK exception, a CLI's output and alone", () => {
    const body = JSON.stringify({ RequestId: "X", Code: "NoPermission", AccessDeniedDetail: { PolicyType: "AccountLevelIdentityBasedPolicy", EncodedDiagnosticMessage: M } });
    expect(extractDiagnosticMessage(body)).toBe(M);
    const sdk = `NoPermissionError: code: 403, You are not authorized to do this action. request id: X Response: ${JSON.stringify({ data: body })}`;
    expect(extractDiagnosticMessage(sdk)).toBe(M);
    const cli = `ERROR: SDK.ServerError\nErrorCode: NoPermission\nAccessDeniedDetail:\n  EncodedDiagnosticMessage: ${M}\n`;
    expect(extractDiagnosticMessage(cli)).toBe(M);
    const python = `{'AccessDeniedDetail': {'EncodedDiagnosticMessage': '${M}'}}`;
    expect(extractDiagnosticMessage(python)).toBe(M);
    expect(extractDiagnosticMessage(`  ${M}\n`)).toBe(M);
  });

  it("finds nothing in text that holds no message", () => {
    expect(extractDiagnosticMessage("NoPermission: You are not authorized to do this action.")).toBeUndefined();
    expect(extractDiagnosticMessage("")).toBeUndefined();
  });
});
