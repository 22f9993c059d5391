import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { JobList } from "@/features/jobs/components/job-list";
import { getJobsOverview } from "@/features/jobs/server/overview";
import { jobsMode } from "@/features/jobs/server/start";
import { requirePagePermission } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export async function generateMetadata() {
  return { title: (await getTranslations("jobs"))("title") };
}

export default async function JobsPage() {
  await requirePagePermission("system:admin");
  const t = await getTranslations("jobs");
  const jobs = await getJobsOverview();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p className="mb-3 text-sm text-slate-600">
        {jobsMode() === "pgboss" ? t("modePgboss") : t("modeInprocess")}
        {getEnv().JOBS_DISABLED ? ` ${t("disabledHere")}` : ""}
      </p>
      <JobList jobs={jobs} />
    </>
  );
}
