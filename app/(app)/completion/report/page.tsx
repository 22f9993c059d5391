import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Bulletin } from "@/features/rollups/components/bulletin";
import { PrintButton } from "@/features/rollups/components/print-button";
import { completionHref } from "@/features/rollups/lib/completion-url";
import { ZCompletionQuery } from "@/features/rollups/schemas";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { requirePagePermission } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("completion"))("report.open") };
}

const chinaDate = (locale: string) =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(new Date());

// 通报: the ranking of the org's child regions as a printable A4 page.
export default async function BulletinPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePagePermission("report:read");
  const q = ZCompletionQuery.parse(await searchParams);
  const [data, t, locale] = await Promise.all([
    getCompletion(user, q.org ?? user.orgId, q.objective),
    getTranslations("completion"),
    getLocale(),
  ]);
  if (!data) notFound();
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link
          href={completionHref({ org: data.org.id, objective: q.objective })}
          className="text-sm text-brand-700 hover:underline"
        >
          ← {t("report.back")}
        </Link>
        <PrintButton label={t("report.print")} />
      </div>
      <Bulletin data={data} date={chinaDate(locale)} />
    </>
  );
}
