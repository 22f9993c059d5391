import { formatPercent } from "@/lib/percent";
import { useFormatter, useTranslations } from "next-intl";
import { timelineLines, type TChangeLine } from "../lib/timeline-changes";
import type { TTaskDetail } from "../server/get-task-detail";

/** Every change, oldest first: who, when, what, before → after. */
export function TaskTimeline({ events }: { events: TTaskDetail["events"] }) {
  const t = useTranslations("tasks");
  const p = useTranslations("punct");
  const format = useFormatter();
  const show = (v: unknown, field: string) =>
    v === null || v === undefined || v === ""
      ? "—"
      : field === "state"
        ? t(`state.${v as "NORMAL"}`)
        : field === "progress"
          ? `${typeof v === "number" ? formatPercent(v) : String(v)}%`
          : String(v);
  const line = (c: TChangeLine) =>
    c.kind === "added"
      ? t(`changesAdded.${c.field as "evidence"}`, { count: c.count })
      : c.kind === "change"
        ? `${t(`changes.${c.field}` as "changes.progress")}${p("colon")}${show(c.before, c.field)} → ${show(c.after, c.field)}`
        : t(`extensionLine.${c.kind}`, { date: c.toDue, outcome: c.outcome });
  const lines = timelineLines(events);
  return (
    <ol className="relative ml-4 border-l border-slate-200 py-2" data-testid="timeline">
      {events.map((e, i) => (
        <li key={e.id} className="relative py-2 pr-4 pl-5">
          <span
            className="absolute top-3.5 -left-1.5 size-3 rounded-full border-2 border-white bg-brand-600"
            aria-hidden
          />
          <p className="text-sm">
            <span className="font-medium text-slate-900">{t(`events.${e.type}`)}</span>
            {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? (
              <span className="text-slate-500">
                {p("paren", { text: `${t(`status.${e.fromStatus}`)} → ${t(`status.${e.toStatus}`)}` })}
              </span>
            ) : null}
          </p>
          <p className="text-xs text-slate-500">
            {e.actor ? `${e.actor.name} · ${e.actor.org.name} · ` : ""}
            {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}
          </p>
          {lines[i]!.length ? (
            <ul className="mt-0.5 text-xs text-slate-600">
              {lines[i]!.map((c) => (
                <li key={c.field}>{line(c)}</li>
              ))}
            </ul>
          ) : null}
          {e.message ? (
            <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-sm whitespace-pre-line text-slate-800">
              {e.message}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
