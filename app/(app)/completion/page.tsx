import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { CompletionBody } from "@/features/rollups/components/completion-body";
import { CompletionToolbar } from "@/features/rollups/components/completion-toolbar";
import { ExportLinks } from "@/features/rollups/components/export-links";
import { completionHref, type TCompletionView } from "@/features/rollups/lib/completion-url";
import { ZCompletionQuery } from "@/features/rollups/schemas";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { listObjectiveOptions } from "@/features/rollups/server/objective-scope";
import { requirePagePermission } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("completion"))("title") };
}

export default async function CompletionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePagePermission("report:read");
  const q = ZCompletionQuery.parse(await searchParams);
  const orgId = q.org ?? user.orgId;
  const [data, options, t] = await Promise.all([
    getCompletion(user, { orgId, objective: q.objective }),
    listObjectiveOptions(),
    getTranslations("completion"),
  ]);
  if (!data) notFound();
  const view = (q.view ?? "table") as TCompletionView;
  const national = data.org.level === "NATIONAL";
  if (view === "map" && !national) notFound();
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb")}
        items={data.trail.map((o) => ({
          label: o.name,
          href:
            o.id === data.org.id ? undefined : completionHref({ org: o.id, objective: q.objective, view }),
        }))}
      />
      <PageHeader
        title={`${data.org.name} · ${t("title")}`}
        description={
          data.objective
            ? t("objectiveScope", { code: data.objective.code, title: data.objective.title })
            : t("description", { org: data.org.name })
        }
        actions={<ExportLinks orgId={data.org.id} objective={q.objective} />}
      />
      <CompletionToolbar
        orgId={data.org.id}
        view={view}
        objective={q.objective}
        options={options}
        national={national}
      />
      <CompletionBody user={user} data={data} view={view} objective={q.objective} page={q.page ?? 1} />
    </>
  );
}
