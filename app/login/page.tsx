import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { LoginForm } from "@/features/auth/components/login-form";
import { LocaleSwitcher } from "@/features/i18n/components/locale-switcher";
import { getSession } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage() {
  if (await getSession()) redirect("/");
  const t = await getTranslations();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-700 to-brand-800 px-4 py-10">
      <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow-xl">
        <div className="mb-6 text-center">
          <div
            className="mx-auto mb-3 flex size-12 items-center justify-center rounded-full bg-brand-600 text-xl font-bold text-white"
            aria-hidden
          >
            工
          </div>
          <h1 className="text-2xl font-bold text-slate-900">{t("app.name")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("app.tagline")}</p>
        </div>
        <Suspense>
          <LoginForm />
        </Suspense>
        <p className="mt-4 text-center text-xs text-slate-500">{t("login.demoHint")}</p>
      </div>
      <div className="mt-4 text-white">
        <LocaleSwitcher tone="dark" />
      </div>
    </main>
  );
}
