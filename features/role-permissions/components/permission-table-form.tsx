"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  PERMISSIONS,
  ROLES,
  permissionTableProblem,
  type TPermission,
  type TRole,
} from "@/lib/auth/permissions";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { savePermissionTableAction } from "../actions";

type TTable = Record<TRole, TPermission[]>;

/** The role → permission table as checkboxes; the actor's own role is shown but cannot be changed. */
export function PermissionTableForm({ initial, ownRole }: { initial: TTable; ownRole: TRole }) {
  const t = useTranslations();
  const router = useRouter();
  const feedback = useActionFeedback();
  const [table, setTable] = useState<TTable>(initial);
  const [saving, setSaving] = useState(false);
  const problem = permissionTableProblem(table);

  const toggle = (role: TRole, p: TPermission) =>
    setTable((cur) => ({
      ...cur,
      [role]: cur[role].includes(p) ? cur[role].filter((x) => x !== p) : [...cur[role], p],
    }));

  const save = async () => {
    setSaving(true);
    try {
      const result = await savePermissionTableAction({ table });
      if (!feedback(result)) return;
      toast.success(t("securityAdmin.permissions.saved"));
      router.refresh();
    } finally {
      setSaving(false);
    }
  };

  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[640px] border-collapse text-sm">
          <caption className="sr-only">{t("securityAdmin.permissions.title")}</caption>
          <thead>
            <tr className="border-b border-slate-200 bg-slate-50 text-left">
              <th scope="col" className="sticky left-0 bg-slate-50 px-3 py-2 font-medium">
                {t("securityAdmin.permissions.permission")}
              </th>
              {ROLES.map((r) => (
                <th key={r} scope="col" className="px-2 py-2 text-center font-medium">
                  {t(`roles.${r}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PERMISSIONS.map((p) => (
              <tr key={p} className="border-b border-slate-100">
                <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-normal">
                  {t(`securityAdmin.permissionNames.${p.replace(":", "_")}`)}
                  <span className="block font-mono text-xs text-slate-500">{p}</span>
                </th>
                {ROLES.map((r) => (
                  <td key={r} className="px-2 py-2 text-center">
                    <input
                      type="checkbox"
                      className="size-5 accent-brand-600"
                      checked={table[r].includes(p)}
                      disabled={r === ownRole || saving}
                      onChange={() => toggle(r, p)}
                      aria-label={`${t(`roles.${r}`)} ${p}`}
                      data-testid={`perm-${r}-${p}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 p-4">
        <Button type="button" onClick={save} disabled={saving || !!problem}>
          {t("securityAdmin.permissions.save")}
        </Button>
        <p className="text-sm text-slate-600" role={problem ? "alert" : undefined}>
          {problem
            ? t(`securityAdmin.permissions.problem.${problem.reason}`, { role: t(`roles.${problem.role}`) })
            : t("securityAdmin.permissions.ownRoleLocked", { role: t(`roles.${ownRole}`) })}
        </p>
      </div>
    </div>
  );
}
