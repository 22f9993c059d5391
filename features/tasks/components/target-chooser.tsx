"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, Select } from "@/components/ui/field";
import type { TTargetLevel } from "../lib/target-levels";
import type { TAssignTasks } from "../schemas";
import { OrgPicker, type TOrgOption } from "./org-picker";

type TTarget = TAssignTasks["target"];
export type TTargetScope = {
  root: TOrgOption;
  children: TOrgOption[];
  /** Only levels below the assigning org's own. */
  levels: TTargetLevel[];
  defaultLevel: TTargetLevel | null;
  parentTaskId?: number;
};

/** 下达对象: every org of a level under the org or one of its children, or orgs chosen one by one. */
export function TargetChooser({
  scope,
  value,
  onChange,
}: {
  scope: TTargetScope;
  value: TTarget;
  onChange: (t: TTarget) => void;
}) {
  const t = useTranslations("tasks.assign");
  const pu = useTranslations("punct");
  const [orgs, setOrgs] = useState<TOrgOption[]>([]);
  const level = scope.defaultLevel ?? scope.levels[0];
  const setMode = (mode: "orgs" | "level") =>
    onChange(
      mode === "orgs" || !level
        ? { mode: "orgs", orgIds: orgs.map((o) => o.id) }
        : { mode, level, underOrgId: scope.root.id },
    );
  const modes = scope.levels.length ? (["level", "orgs"] as const) : (["orgs"] as const);
  return (
    <>
      <div className="mb-3 flex flex-wrap gap-2" role="radiogroup">
        {modes.map((m) => (
          <label
            key={m}
            className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
          >
            <input
              type="radio"
              name="mode"
              checked={value.mode === m}
              onChange={() => setMode(m)}
              className="accent-brand-600"
            />
            {m === "level" ? t("modeLevel") : t("modeOrgs")}
          </label>
        ))}
      </div>
      {value.mode === "level" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="under" label={t("under")}>
            <Select
              id="under"
              value={Number(value.underOrgId)}
              onChange={(e) => onChange({ ...value, underOrgId: Number(e.target.value) })}
            >
              <option value={scope.root.id}>
                {scope.root.name}
                {pu("paren", { text: t("underSelf") })}
              </option>
              {scope.children.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="level" label={t("level")}>
            <Select
              id="level"
              value={value.level}
              onChange={(e) => onChange({ ...value, level: e.target.value as TTargetLevel })}
            >
              {scope.levels.map((l) => (
                <option key={l} value={l}>
                  {t(`levels.${l}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      ) : (
        <OrgPicker
          value={orgs}
          parentTaskId={scope.parentTaskId}
          onChange={(next) => {
            setOrgs(next);
            onChange({ mode: "orgs", orgIds: next.map((o) => o.id) });
          }}
        />
      )}
    </>
  );
}
