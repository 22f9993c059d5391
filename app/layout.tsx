import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { Toaster } from "sonner";
import { ZodJitless } from "@/components/zod-jitless";
import { clientMessages } from "@/lib/i18n/client-messages";
import { toLocale } from "@/lib/i18n/config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#c0262d" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <ZodJitless />
        <NextIntlClientProvider messages={clientMessages(toLocale(locale))}>
          {children}
          {/* At the bottom: a toast at the top would cover the sticky header and its navigation. */}
          <Toaster position="bottom-center" richColors closeButton />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
