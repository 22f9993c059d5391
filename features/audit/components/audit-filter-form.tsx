import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { AUDIT_OUTCOMES, type TAuditFilter } from "../schemas";
import { actionLabel } from "./action-label";

/** A plain GET form: the filter lives in the URL, so paging and export links carry it. */
export async function AuditFilterForm({ filter }: { filter: TAuditFilter }) {
  const t = await getTranslations("audit");
  return (
    <form method="get" action="/audit" className="grid gap-3 p-4 sm:grid-cols-3 lg:grid-cols-6">
      <Field id="from" label={t("filter.from")}>
        <Input id="from" name="from" type="date" defaultValue={filter.from ?? ""} />
      </Field>
      <Field id="to" label={t("filter.to")}>
        <Input id="to" name="to" type="date" defaultValue={filter.to ?? ""} />
      </Field>
      <Field id="action" label={t("filter.action")}>
        <Select id="action" name="action" defaultValue={filter.action ?? ""}>
          <option value="">{t("filter.any")}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {actionLabel(t, a)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="outcome" label={t("filter.outcome")}>
        <Select id="outcome" name="outcome" defaultValue={filter.outcome ?? ""}>
          <option value="">{t("filter.any")}</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcomes.${o}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="actor" label={t("filter.actor")}>
        <Input id="actor" name="actor" autoCapitalize="none" defaultValue={filter.actor ?? ""} />
      </Field>
      <Field id="target" label={t("filter.target")} hint={t("filter.targetHint")}>
        <Input id="target" name="target" defaultValue={filter.target ?? ""} />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-3 lg:col-span-6">
        <Button type="submit">{t("filter.apply")}</Button>
        <Link href="/audit" className="text-sm text-brand-700 hover:underline">
          {t("filter.clear")}
        </Link>
      </div>
    </form>
  );
}
