"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { TRole } from "@/lib/auth/permissions";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { createUserAction } from "../actions";
import { ZCreateUser, type TCreateUser } from "../schemas";
import { OrgSelect, type TOrgChoice } from "./org-select";
import { RoleSelect } from "./role-select";

/**
 * `rolesOwn`: the roles the actor gives in its own org (`defaultOrg`); `rolesBelow`: in orgs below it
 * (a manager makes managers only there). The choice follows the chosen org; the server checks again.
 */
export function CreateUserForm({
  rolesOwn,
  rolesBelow,
  defaultOrg,
}: {
  rolesOwn: readonly TRole[];
  rolesBelow: readonly TRole[];
  defaultOrg: TOrgChoice;
}) {
  const t = useTranslations("users");
  const fieldError = useFieldError();
  const router = useRouter();
  const [org, setOrg] = useState<TOrgChoice>(defaultOrg);
  const roles = org.id === defaultOrg.id ? rolesOwn : rolesBelow;
  const form = useForm<TCreateUser>({
    resolver: zodResolver(ZCreateUser),
    defaultValues: {
      username: "",
      name: "",
      role: roles.at(-1) ?? "STAFF",
      orgId: defaultOrg.id,
      phone: "",
      password: "",
    },
  });
  const feedback = useActionFeedback(form.setError);
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createUserAction(values);
    if (!feedback(result)) return;
    toast.success(t("created"));
    router.push("/users");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      <Field id="username" label={t("username")} hint={t("usernameHint")} error={fieldError(errors.username)}>
        <Input
          id="username"
          autoCapitalize="none"
          autoComplete="off"
          aria-invalid={!!errors.username}
          {...register("username")}
        />
      </Field>
      <Field id="name" label={t("name")} error={fieldError(errors.name)}>
        <Input id="name" aria-invalid={!!errors.name} {...register("name")} />
      </Field>
      <Field id="role" label={t("role")} error={fieldError(errors.role)}>
        <RoleSelect id="role" roles={roles} aria-invalid={!!errors.role} {...register("role")} />
      </Field>
      <Field id="phone" label={t("phone")} error={fieldError(errors.phone)}>
        <Input id="phone" type="tel" inputMode="tel" aria-invalid={!!errors.phone} {...register("phone")} />
      </Field>
      <Field
        id="password"
        label={t("password")}
        hint={t("initialPasswordHint")}
        error={fieldError(errors.password)}
      >
        <Input
          id="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!errors.password}
          {...register("password")}
        />
      </Field>
      <div className="sm:col-span-2">
        <Field id="org" label={t("org")} hint={t("orgHint")} error={fieldError(errors.orgId)}>
          <Controller
            control={form.control}
            name="orgId"
            render={({ field }) => (
              <OrgSelect
                id="org"
                value={org}
                invalid={!!errors.orgId}
                onChange={(o) => {
                  setOrg(o);
                  field.onChange(o.id);
                  const next = o.id === defaultOrg.id ? rolesOwn : rolesBelow;
                  if (!next.includes(form.getValues("role"))) form.setValue("role", next.at(-1) ?? "STAFF");
                }}
              />
            )}
          />
        </Field>
      </div>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("new")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
