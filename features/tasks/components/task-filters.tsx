import Link from "next/link";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";
import { TASK_FILTER_STATUSES, type TTaskFilters } from "../schemas";
import { LightFilter } from "@/features/lights/components/light-filter";

/** A plain GET form: works without JavaScript and keeps every filter in the URL. */
export function TaskFilters({
  filters,
  mainTasks,
  orgName,
  children,
}: {
  filters: TTaskFilters;
  mainTasks: { id: number; code: string; title: string }[];
  orgName?: string;
  children: { id: number; name: string }[];
}) {
  const orgInList = !filters.org || children.some((c) => c.id === filters.org);
  const t = useTranslations("tasks");
  const p = useTranslations("punct");
  return (
    <form
      method="get"
      className="grid grid-cols-2 gap-2 border-b border-slate-100 p-4 sm:grid-cols-6"
      aria-label={t("filters.label")}
    >
      {filters.org && !orgInList ? <input type="hidden" name="org" value={filters.org} /> : null}
      {filters.batch ? <input type="hidden" name="batch" value={filters.batch} /> : null}
      {filters.objective ? <input type="hidden" name="objective" value={filters.objective} /> : null}
      {filters.counted ? <input type="hidden" name="counted" value="1" /> : null}
      <label className="col-span-2 sm:col-span-2">
        <span className="sr-only">{t("filters.q")}</span>
        <input
          type="search"
          name="q"
          defaultValue={filters.q}
          placeholder={t("filters.qPlaceholder")}
          maxLength={50}
          className="h-10 w-full rounded-md border border-slate-300 px-3 text-sm"
        />
      </label>
      <label>
        <span className="sr-only">{t("filters.status")}</span>
        <Select name="status" defaultValue={filters.status ?? ""} aria-label={t("filters.status")}>
          <option value="">
            {t("filters.status")}
            {p("colon")}
            {t("filters.all")}
          </option>
          {TASK_FILTER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </Select>
      </label>
      <LightFilter value={filters.light} />
      <label>
        <span className="sr-only">{t("filters.kind")}</span>
        <Select name="kind" defaultValue={filters.kind ?? ""} aria-label={t("filters.kind")}>
          <option value="">
            {t("filters.kind")}
            {p("colon")}
            {t("filters.all")}
          </option>
          <option value="ASSIGNED">{t("kind.ASSIGNED")}</option>
          <option value="CLAIMED">{t("kind.CLAIMED")}</option>
        </Select>
      </label>
      <label className="col-span-2 sm:col-span-2">
        <span className="sr-only">{t("filters.main")}</span>
        <Select
          name="main"
          defaultValue={filters.main ? String(filters.main) : ""}
          aria-label={t("filters.main")}
        >
          <option value="">
            {t("filters.main")}
            {p("colon")}
            {t("filters.all")}
          </option>
          {mainTasks.map((m) => (
            <option key={m.id} value={m.id}>
              {m.code} {m.title.slice(0, 24)}
            </option>
          ))}
        </Select>
      </label>
      {children.length ? (
        <label className="col-span-2 sm:col-span-2">
          <span className="sr-only">{t("filters.org")}</span>
          <Select
            name="org"
            defaultValue={orgInList && filters.org ? String(filters.org) : ""}
            aria-label={t("filters.org")}
          >
            <option value="">
              {t("filters.org")}
              {p("colon")}
              {t("filters.all")}
            </option>
            {children.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </label>
      ) : null}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="overdue"
          value="1"
          defaultChecked={filters.overdue === "1"}
          className="size-4 accent-brand-600"
        />
        {t("filters.overdue")}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="mine"
          value="1"
          defaultChecked={filters.mine === "1"}
          className="size-4 accent-brand-600"
        />
        {t("filters.mine")}
      </label>
      <div className="col-span-2 flex items-center gap-2 sm:col-span-4 sm:justify-end">
        {orgName && !orgInList ? (
          <span className="rounded bg-slate-100 px-2 py-1 text-xs">
            {t("filters.org")}
            {p("colon")}
            {orgName}
          </span>
        ) : null}
        {filters.batch ? (
          <span className="rounded bg-slate-100 px-2 py-1 text-xs">{t("filters.batch")}</span>
        ) : null}
        {filters.objective ? (
          <span className="rounded bg-slate-100 px-2 py-1 text-xs">
            {t("filters.objective", { code: filters.objective })}
          </span>
        ) : null}
        <Link
          href="/tasks"
          className="h-10 rounded-md px-3 text-sm leading-10 text-slate-600 hover:bg-slate-100"
        >
          {t("filters.reset")}
        </Link>
        <button
          type="submit"
          className="h-10 rounded-md bg-slate-800 px-4 text-sm font-medium text-white hover:bg-slate-900"
        >
          {t("filters.apply")}
        </button>
      </div>
    </form>
  );
}
