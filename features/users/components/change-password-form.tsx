"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { changeOwnPasswordAction } from "../actions";
import { zChangePassword, type TChangePassword } from "../schemas";

/** 修改密码: current + new + confirm, checked by the same schema as the action (for this username). */
export function ChangePasswordForm({ username }: { username: string }) {
  const t = useTranslations("account");
  const fieldError = useFieldError();
  const router = useRouter();
  const schema = useMemo(() => zChangePassword(username), [username]);
  const form = useForm<TChangePassword>({
    resolver: zodResolver(schema),
    defaultValues: { current: "", password: "", confirm: "" },
  });
  const feedback = useActionFeedback(form.setError);
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    if (!feedback(await changeOwnPasswordAction(values))) return;
    toast.success(t("changed"));
    router.replace("/");
    router.refresh();
  });

  const input = (name: keyof TChangePassword, id: string, autoComplete: string) => (
    <Input
      id={id}
      type="password"
      autoComplete={autoComplete}
      aria-invalid={!!errors[name]}
      {...register(name)}
    />
  );
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4 p-4">
      <Field id="current-password" label={t("current")} error={fieldError(errors.current)}>
        {input("current", "current-password", "current-password")}
      </Field>
      <Field id="new-password" label={t("new")} hint={t("policy")} error={fieldError(errors.password)}>
        {input("password", "new-password", "new-password")}
      </Field>
      <Field id="confirm-password" label={t("confirm")} error={fieldError(errors.confirm)}>
        {input("confirm", "confirm-password", "new-password")}
      </Field>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
