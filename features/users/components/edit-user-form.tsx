"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { TRole } from "@/lib/auth/permissions";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { updateUserAction } from "../actions";
import { ZUpdateUser, type TUpdateUser } from "../schemas";
import { RoleSelect } from "./role-select";

export function EditUserForm({
  user,
  roles,
  roleLocked,
}: {
  user: TUpdateUser;
  roles: readonly TRole[];
  roleLocked: boolean;
}) {
  const t = useTranslations("users");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<TUpdateUser>({
    resolver: zodResolver(ZUpdateUser),
    defaultValues: { ...user, phone: user.phone ?? "" },
  });
  const feedback = useActionFeedback(form.setError);
  const {
    register,
    formState: { errors, isSubmitting, isDirty },
  } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    if (!feedback(await updateUserAction(values))) return;
    toast.success(t("saved"));
    form.reset(values);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 p-4 sm:grid-cols-2">
      <Field id="name" label={t("name")} error={fieldError(errors.name)}>
        <Input id="name" aria-invalid={!!errors.name} {...register("name")} />
      </Field>
      <Field
        id="role"
        label={t("role")}
        error={fieldError(errors.role)}
        hint={roleLocked ? t("cannotEditSelf") : undefined}
      >
        <RoleSelect id="role" roles={roles} disabled={roleLocked} {...register("role")} />
      </Field>
      <Field id="phone" label={t("phone")} error={fieldError(errors.phone)}>
        <Input id="phone" type="tel" inputMode="tel" aria-invalid={!!errors.phone} {...register("phone")} />
      </Field>
      <div className="flex items-end">
        <Button type="submit" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
