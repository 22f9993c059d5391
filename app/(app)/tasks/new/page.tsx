import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AssignForm } from "@/features/tasks/components/assign-form";
import { getAssignContext } from "@/features/tasks/server/assign-context";
import { requirePagePermission } from "@/lib/auth/session";
import { parseCursor } from "@/lib/paging";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("tasks.assign.title");

export default async function AssignPage({ searchParams }: { searchParams: Promise<{ parent?: string }> }) {
  const user = await requirePagePermission("task:assign");
  const t = await getTranslations("tasks.assign");
  const parentId = parseCursor((await searchParams).parent);
  const ctx = await getAssignContext(user, parentId);
  if (!ctx) notFound();
  return (
    <>
      <PageHeader
        title={ctx.parent ? t("cascadeTitle") : t("title")}
        description={
          ctx.parent ? t("cascadeHint", { objective: `${ctx.parent.code} ${ctx.parent.title}` }) : undefined
        }
      />
      <Card className="p-4">
        <AssignForm
          nodes={ctx.nodes}
          root={ctx.root}
          children={ctx.children}
          today={ctx.today}
          defaultDue={ctx.defaultDue}
          parentTaskId={ctx.parent?.taskId}
          fixedObjectiveId={ctx.parent?.objectiveId}
          maxDue={ctx.parent?.dueDate}
        />
      </Card>
    </>
  );
}
