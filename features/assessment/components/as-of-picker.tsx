import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

/** The assessment day of a live view: a plain GET form (?asOf=YYYY-MM-DD), works without script. */
export function AsOfPicker({ asOf, max }: { asOf: string; max: string }) {
  const t = useTranslations("assessmentResults");
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" data-testid="assess-asof-form">
      <label className="grid gap-1 text-sm font-medium text-slate-700">
        {t("asOf")}
        <Input type="date" name="asOf" defaultValue={asOf} max={max} className="w-44" required />
      </label>
      <Button type="submit" variant="secondary">
        {t("show")}
      </Button>
    </form>
  );
}
