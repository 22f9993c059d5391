"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { resetPasswordAction } from "../actions";
import { ZResetPassword, type TResetPassword } from "../schemas";

export function ResetPasswordForm({ id }: { id: number }) {
  const t = useTranslations("users");
  const fieldError = useFieldError();
  const form = useForm<TResetPassword>({
    resolver: zodResolver(ZResetPassword),
    defaultValues: { id, password: "", confirm: "" },
  });
  const feedback = useActionFeedback(form.setError);
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    if (!feedback(await resetPasswordAction(values))) return;
    toast.success(t("passwordReset"));
    form.reset({ id, password: "", confirm: "" });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 p-4 sm:grid-cols-2">
      <Field
        id="new-password"
        label={t("newPassword")}
        hint={t("passwordHint")}
        error={fieldError(errors.password)}
      >
        <Input
          id="new-password"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!errors.password}
          {...register("password")}
        />
      </Field>
      <Field id="confirm-password" label={t("confirmPassword")} error={fieldError(errors.confirm)}>
        <Input
          id="confirm-password"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!errors.confirm}
          {...register("confirm")}
        />
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("resetPassword")}
        </Button>
      </div>
    </form>
  );
}
