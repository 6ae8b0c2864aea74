// RAM DecodeDiagnosticMessage (RAM 2015-05-01; https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-decodediagnosticmessage).
// Request: EncodedDiagnosticMessage. Answer: RequestId and DecodedDiagnosticMessage (field names in
// ../core/diagnostic.ts). A message sealed for another account is refused with NotSupport, as the
// reference's error table has it for a message the caller may not decode.
import { ApiError } from "../core/contract";
import { openDiagnostic } from "../core/diagnostic";
import { ramErrors } from "./errors";
import type { RamHandler } from "./wire";

export const decodeDiagnosticMessage: RamHandler = (p, { store, caller }) => {
  const message = p.EncodedDiagnosticMessage;
  if (!message) throw ramErrors.missing("EncodedDiagnosticMessage");
  const opened = openDiagnostic(message);
  if (!opened) {
    throw new ApiError(400, "InvalidParameter.EncodedDiagnosticMessage", "The parameter EncodedDiagnosticMessage is invalid: it was not issued by RAM or has been altered.");
  }
  const account = caller?.accountId ?? store.accountId;
  if (opened.account !== account) {
    throw new ApiError(400, "NotSupport", "The diagnostic message belongs to another account and cannot be decoded by this account.");
  }
  return { DecodedDiagnosticMessage: opened.decoded };
};
