import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AssignForm } from "@/features/tasks/components/assign-form";
import { getAssignContext } from "@/features/tasks/server/assign-context";
import { getAssignIndicators } from "@/features/indicators/server/assign-indicators";
import { getCurrentPlan } from "@/features/plans/server/current-plan";
import { requirePagePermission } from "@/lib/auth/session";
import { planPrefixOf } from "@/lib/objective-code";
import { pageTitle } from "@/lib/i18n/page-title";
import { parseId } from "@/lib/input";

export const generateMetadata = pageTitle("tasks.assign.title");

type TSearch = { parent?: string; objective?: string; plan?: string };

export default async function AssignPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const user = await requirePagePermission("task:assign");
  const t = await getTranslations("tasks.assign");
  const sp = await searchParams;
  const parentTaskId = sp.parent === undefined ? undefined : parseId(sp.parent);
  // A parent that is not an id is a task that does not exist.
  if (parentTaskId === null) notFound();
  const objectiveCode = typeof sp.objective === "string" ? sp.objective : undefined;
  // The current plan's measures (an objective's 下达 button names its own plan).
  const { current } = await getCurrentPlan(user, sp.plan ?? (objectiveCode && planPrefixOf(objectiveCode)));
  const ctx = await getAssignContext(user, { parentTaskId, objectiveCode, planId: current?.id });
  if (!ctx) notFound();
  const indicators = await getAssignIndicators({
    measureIds: ctx.parent
      ? [ctx.parent.objectiveId]
      : ctx.nodes.filter((n) => n.level === "MEASURE").map((n) => n.id),
    parentTaskId: ctx.parent?.taskId,
  });
  return (
    <>
      <PageHeader
        title={ctx.parent ? t("cascadeTitle") : t("title")}
        description={
          ctx.parent
            ? t("cascadeHint", { objective: `${ctx.parent.code} ${ctx.parent.title}` })
            : current
              ? (await getTranslations("planList"))("scopeNote", { title: current.title })
              : undefined
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
          indicators={indicators}
        />
      </Card>
    </>
  );
}
