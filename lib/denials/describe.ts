import "server-only";
import type { Locale } from "@/i18n/config";
import type { AccessDeniedDetail, RamGateway } from "../cloud/types";
import { decodeMessage } from "./decode";
import { explain } from "./explain";
import type { DenialNote } from "./note";
import { denialNote } from "./words";

/**
 * The reason for a refused call of the console's own, decoded by RAM with the console's identity
 * (cached per message), in the reader's words. When the console may not decode, the note says so
 * and gives what the refusal itself says.
 */
export async function describeDenial(ram: RamGateway, detail: AccessDeniedDetail, locale: Locale): Promise<DenialNote> {
  const message = detail.EncodedDiagnosticMessage;
  const outcome = message ? await decodeMessage(ram, message) : undefined;
  return denialNote(locale, detail, outcome, outcome?.ok ? explain(outcome.decoded) : undefined);
}
