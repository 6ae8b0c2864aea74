import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { QueryProvider } from "@/components/providers/query-provider";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  return { title: { default: t("product"), template: `%s · ${t("product")}` }, description: t("tagline") };
}

// Client components get `common` here; a page whose client components say more wraps them in
// its own <ClientMessages namespaces={[…]}>.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <ClientMessages namespaces={[]}>
          <QueryProvider>{children}</QueryProvider>
        </ClientMessages>
      </body>
    </html>
  );
}
