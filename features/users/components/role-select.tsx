import { forwardRef, type SelectHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";
import type { TRole } from "@/lib/auth/permissions";

export const RoleSelect = forwardRef<
  HTMLSelectElement,
  SelectHTMLAttributes<HTMLSelectElement> & { roles: readonly TRole[] }
>(function RoleSelect({ roles, ...props }, ref) {
  const t = useTranslations("roles");
  return (
    <Select ref={ref} {...props}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(r)}
        </option>
      ))}
    </Select>
  );
});
