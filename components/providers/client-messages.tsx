import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, type MessagePath } from "@/i18n/pick-messages";

/**
 * Hands the client components below it the message namespaces they use, plus `common` (the
 * kit's words: pages, refresh, copy, errors). Server components read the whole catalog anyway.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly MessagePath[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, ["common", ...namespaces])}>{children}</NextIntlClientProvider>;
}
