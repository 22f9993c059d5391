import { formatPercent } from "@/lib/percent";
import { LightBadge } from "@/features/lights/components/light-badge";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { AttachmentList } from "@/features/evidence/components/attachment-list";
import { toAttachmentView } from "@/features/evidence/server/attachment-view";
import type { TTaskDetail } from "../server/get-task-detail";
import { StatusBadge } from "./task-badges";

const when = { dateStyle: "medium", timeStyle: "short" } as const;

/** Progress updates (newest first), each with its evidence. */
export function ProgressHistory({ items }: { items: TTaskDetail["progresses"] }) {
  const t = useTranslations("tasks");
  const pu = useTranslations("punct");
  const format = useFormatter();
  if (items.length === 0)
    return <p className="px-4 py-6 text-center text-sm text-slate-500">{t("detail.noProgress")}</p>;
  return (
    <ol className="divide-y divide-slate-100" data-testid="progress-history">
      {items.map((p) => (
        <li key={p.id} className="px-4 py-3">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-semibold tabular-nums">{p.percent}%</span>
            <Badge tone={p.state === "NORMAL" ? "green" : p.state === "LAGGING" ? "amber" : "red"}>
              {t(`state.${p.state}`)}
            </Badge>
            {p.value !== null ? (
              <span className="text-slate-600">
                {t("form.value")}
                {pu("colon")}
                {p.value.toString()}
              </span>
            ) : null}
            <span className="ml-auto text-xs text-slate-500">
              {p.author.name} · {format.dateTime(p.createdAt, when)}
            </span>
          </div>
          <p className="mt-1 text-sm whitespace-pre-line text-slate-800">{p.narrative}</p>
          {p.attachments.length ? (
            <div className="mt-2">
              <AttachmentList items={p.attachments.map(toAttachmentView)} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Completion reports with their review decision. */
export function ReportList({ items }: { items: TTaskDetail["reports"] }) {
  const t = useTranslations("tasks");
  const pu = useTranslations("punct");
  const format = useFormatter();
  return (
    <ol className="divide-y divide-slate-100">
      {items.map((r) => (
        <li key={r.id} className="px-4 py-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            {r.decision ? (
              <Badge tone={r.decision === "APPROVED" ? "green" : r.decision === "WITHDRAWN" ? "gray" : "red"}>
                {t(`detail.decision.${r.decision}`)}
              </Badge>
            ) : (
              <Badge tone="amber">{t("status.SUBMITTED")}</Badge>
            )}
            <span className="ml-auto text-xs text-slate-500">
              {r.submittedBy.name} · {format.dateTime(r.createdAt, when)}
            </span>
          </div>
          <p className="mt-1 whitespace-pre-line text-slate-800">{r.summary}</p>
          {r.decisionNote ? (
            <p className="mt-1 text-slate-600">
              {r.decidedBy?.name}
              {pu("colon")}
              {r.decisionNote}
            </p>
          ) : null}
          {r.attachments.length ? (
            <div className="mt-2">
              <AttachmentList items={r.attachments.map(toAttachmentView)} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function ExtensionList({ items }: { items: TTaskDetail["extensions"] }) {
  const t = useTranslations("tasks");
  const pu = useTranslations("punct");
  return (
    <ol className="divide-y divide-slate-100">
      {items.map((e) => (
        <li key={e.id} className="flex flex-wrap items-center gap-2 px-4 py-3 text-sm">
          <Badge tone={e.status === "APPROVED" ? "green" : e.status === "REJECTED" ? "red" : "amber"}>
            {t(`detail.extStatus.${e.status}`)}
          </Badge>
          <span className="tabular-nums">
            {t("review.ask", {
              from: e.fromDue.toISOString().slice(0, 10),
              to: e.toDue.toISOString().slice(0, 10),
            })}
          </span>
          <span className="w-full text-slate-600">
            {e.requestedBy.name}
            {pu("colon")}
            {e.reason}
            {e.decisionNote ? ` · ${e.decidedBy?.name}${pu("colon")}${e.decisionNote}` : ""}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Tasks passed down from this one (分解). */
export function ChildTasks({
  items,
  counts,
}: {
  items: TTaskDetail["children"];
  counts: Record<string, number>;
}) {
  const t = useTranslations("tasks");
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <div>
      <p className="flex flex-wrap gap-2 px-4 pt-3 text-sm text-slate-600">
        {t("detail.childrenSummary", { count: total })}
        {Object.entries(counts).map(([s, n]) => (
          <span key={s}>
            {t(`status.${s}` as "status.IN_PROGRESS")} {n}
          </span>
        ))}
      </p>
      <ul className="divide-y divide-slate-100">
        {items.map((c) => (
          <li key={c.id}>
            <Link
              href={`/tasks/${c.id}`}
              className="flex items-center gap-2 px-4 py-2 text-sm hover:bg-slate-50"
            >
              <span className="flex-1">{c.org.name}</span>
              <LightBadge light={c.light} />
              <StatusBadge status={c.status} />
              <span className="w-10 text-right tabular-nums">{formatPercent(c.progress)}%</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
