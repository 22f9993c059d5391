import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AssignForm } from "@/features/tasks/components/assign-form";
import { getAssignContext } from "@/features/tasks/server/assign-context";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { parseId } from "@/lib/input";

export const generateMetadata = pageTitle("tasks.assign.title");

type TSearch = { parent?: string; objective?: string };

export default async function AssignPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const user = await requirePagePermission("task:assign");
  const t = await getTranslations("tasks.assign");
  const sp = await searchParams;
  const parentTaskId = sp.parent === undefined ? undefined : parseId(sp.parent);
  // A parent that is not an id is a task that does not exist.
  if (parentTaskId === null) notFound();
  const ctx = await getAssignContext(user, {
    parentTaskId,
    objectiveCode: typeof sp.objective === "string" ? sp.objective : undefined,
  });
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
          levels={ctx.levels}
          defaultLevel={ctx.defaultLevel}
          initialObjectiveIds={ctx.initialObjectiveIds}
          defaults={{ priority: ctx.defaultPriority, note: ctx.defaultNote, due: ctx.defaultDue }}
          today={ctx.today}
          parentTaskId={ctx.parent?.taskId}
          fixedObjectiveId={ctx.parent?.objectiveId}
          maxDue={ctx.parent?.dueDate}
        />
      </Card>
    </>
  );
}
