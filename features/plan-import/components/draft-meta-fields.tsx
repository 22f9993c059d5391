"use client";
import { useTranslations } from "next-intl";
import { Field, Input, Select } from "@/components/ui/field";
import type { TDraftMeta } from "../schemas";

type TProps = {
  meta: TDraftMeta;
  kinds: readonly string[];
  issuers: { id: number; name: string }[];
  errors: Record<string, string>;
  fieldText: (code: string | undefined) => string | undefined;
  /** `typing`: a text box changed (saved after a pause). */
  onChange: (meta: TDraftMeta, typing: boolean) => void;
};

/** The plan's fields of a draft: title, kind, code prefix, period, issuing org. */
export function DraftMetaFields({ meta, kinds, issuers, errors, fieldText, onChange }: TProps) {
  const t = useTranslations("planImport.preview");
  const tk = useTranslations("planImport.kinds");
  const ti = useTranslations("planImport");
  const set = (patch: Partial<TDraftMeta>, typing = false) => onChange({ ...meta, ...patch }, typing);
  const err = (k: string) => fieldText(errors[`meta.${k}`] ?? errors[k]);
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-2 text-base font-semibold text-slate-800">{t("planFields")}</legend>
      <div className="sm:col-span-2">
        <Field id="meta-title" label={t("planTitle")} error={err("title")}>
          <Input id="meta-title" value={meta.title} onChange={(e) => set({ title: e.target.value }, true)} />
        </Field>
      </div>
      <Field id="meta-kind" label={t("kind")}>
        <Select
          id="meta-kind"
          value={meta.kind}
          onChange={(e) => set({ kind: e.target.value as TDraftMeta["kind"] })}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {tk(k as "OTHER")}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="meta-prefix" label={t("codePrefix")} hint={t("codePrefixHint")} error={err("codePrefix")}>
        <Input
          id="meta-prefix"
          value={meta.codePrefix}
          maxLength={12}
          aria-invalid={!!err("codePrefix")}
          onChange={(e) => set({ codePrefix: e.target.value.toUpperCase() }, true)}
          className="font-mono uppercase"
        />
      </Field>
      <Field id="meta-start" label={t("periodStart")} error={err("periodStart")}>
        <Input
          id="meta-start"
          type="date"
          value={meta.periodStart}
          onChange={(e) => set({ periodStart: e.target.value })}
        />
      </Field>
      <Field id="meta-end" label={t("periodEnd")} error={err("periodEnd")}>
        <Input
          id="meta-end"
          type="date"
          value={meta.periodEnd}
          onChange={(e) => set({ periodEnd: e.target.value })}
        />
      </Field>
      <div className="sm:col-span-2">
        <Field id="meta-issuer" label={ti("issuer")} error={err("issuingOrgId")}>
          <Select
            id="meta-issuer"
            value={String(meta.issuingOrgId)}
            onChange={(e) => set({ issuingOrgId: Number(e.target.value) })}
          >
            {issuers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </fieldset>
  );
}
