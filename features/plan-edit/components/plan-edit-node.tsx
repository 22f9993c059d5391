"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { usePlanErrorText } from "@/features/plan-import/components/use-plan-error";
import type { TEditNode } from "../server/get-plan-for-edit";
import { planEditAddMeasureAction, planEditRenameAction } from "../actions";
import { RetireDialog } from "./retire-dialog";
import { MeasureIndicators } from "@/features/indicators/components/measure-indicators";

const DEPTH = { PLAN: 0, MAIN_TASK: 1, SUB_ITEM: 2, MEASURE: 3 } as const;

/** One objective of a published plan: rename; a sub-item adds measures; a measure can be retired or assigned. */
export function PlanEditNode({ node }: { node: TEditNode }) {
  const t = useTranslations("planEdit");
  const levels = useTranslations("planImport.levels");
  const errorText = usePlanErrorText();
  const router = useRouter();
  const [panel, setPanel] = useState<null | "rename" | "add">(null);
  const [text, setText] = useState("");
  const depth = DEPTH[node.level];

  async function submit() {
    const r =
      panel === "rename"
        ? await planEditRenameAction({ objectiveId: node.id, title: text })
        : await planEditAddMeasureAction({ parentId: node.id, title: text });
    if (!r.ok) return toast.error(errorText(r.code));
    toast.success(
      panel === "rename" ? t("renamed") : t("added", { code: (r.data as { code: string }).code }),
    );
    setPanel(null);
    router.refresh();
  }

  return (
    <li data-testid="plan-node" data-code={node.code}>
      <div
        className={`rounded-md border p-2 ${node.retired ? "border-slate-200 bg-slate-50 opacity-70" : "border-slate-200 bg-white"}`}
      >
        <div className="flex flex-wrap items-center gap-2">
          {depth > 0 ? (
            <Badge tone={depth === 3 ? "green" : depth === 1 ? "red" : "blue"}>
              {levels(String(depth) as "1")}
            </Badge>
          ) : null}
          <span className="font-mono text-xs text-slate-500">{node.code}</span>
          {node.retired ? <Badge tone="gray">{t("retired")}</Badge> : null}
          {node.openTasks > 0 ? (
            <Badge tone="amber">{t("openTasks", { count: node.openTasks })}</Badge>
          ) : null}
        </div>
        <p
          className={`mt-1 text-sm font-medium break-words ${node.retired ? "line-through" : "text-slate-800"}`}
        >
          {node.title}
        </p>
        {node.retired ? null : (
          <div className="mt-2 flex flex-wrap gap-2">
            <Button size="sm" variant="secondary" onClick={() => (setPanel("rename"), setText(node.title))}>
              {t("rename")}
            </Button>
            {node.level === "SUB_ITEM" ? (
              <Button size="sm" variant="secondary" onClick={() => (setPanel("add"), setText(""))}>
                {t("addMeasure")}
              </Button>
            ) : null}
            {node.level === "MEASURE" ? (
              <>
                <Button size="sm" variant="secondary" asChild>
                  <Link href={`/tasks/new?objective=${encodeURIComponent(node.code)}`}>{t("assign")}</Link>
                </Button>
                <RetireDialog id={node.id} code={node.code} openTasks={node.openTasks} />
              </>
            ) : null}
          </div>
        )}
        {node.level === "MEASURE" ? <MeasureIndicators measureId={node.id} retired={node.retired} /> : null}
        {panel ? (
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <input
              aria-label={panel === "rename" ? t("rename") : t("newMeasure")}
              placeholder={panel === "add" ? t("newMeasure") : undefined}
              value={text}
              onChange={(e) => setText(e.target.value)}
              className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
            />
            <Button size="sm" onClick={submit} disabled={!text.trim()}>
              {panel === "rename" ? t("save") : t("add")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setPanel(null)}>
              {t("cancel")}
            </Button>
          </div>
        ) : null}
      </div>
      {node.children.length > 0 ? (
        <ul className="mt-2 ml-3 grid gap-2 border-l border-slate-200 pl-2 md:ml-6 md:pl-3">
          {node.children.map((c) => (
            <PlanEditNode key={c.id} node={c} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
