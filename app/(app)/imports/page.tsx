import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { JobList } from "@/features/imports/components/job-list";
import { UploadForm } from "@/features/imports/components/upload-form";
import { MAX_IMPORT_BYTES } from "@/features/imports/schemas";
import { kindsFor } from "@/features/imports/server/find-job";
import { importExporter } from "@/features/imports/server/kinds";
import { listImportJobs } from "@/features/imports/server/list-jobs";
import { requireUser } from "@/lib/auth/session";
import { parseCursor } from "@/lib/paging";

export async function generateMetadata() {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function ImportsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const user = await requireUser();
  const kinds = kindsFor(user);
  if (kinds.length === 0) redirect("/forbidden");
  const t = await getTranslations();
  const cursor = parseCursor((await searchParams).cursor);
  const page = await listImportJobs(user, cursor);
  return (
    <>
      <PageHeader title={t("imports.title")} description={t("imports.list.intro")} />
      <Card className="mb-4">
        <CardHeader title={t("imports.upload.title")} />
        <UploadForm
          kinds={kinds}
          maxMb={MAX_IMPORT_BYTES / 1024 / 1024}
          exportKinds={kinds.filter((k) => importExporter(k) !== null)}
        />
      </Card>
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title={t("imports.list.empty")} />
        ) : (
          <>
            <JobList jobs={page.items} />
            <Pager
              basePath="/imports"
              params={{}}
              nextCursor={page.nextCursor}
              isFirst={!cursor}
              labels={{ first: t("common.first"), next: t("common.next") }}
            />
          </>
        )}
      </Card>
    </>
  );
}
