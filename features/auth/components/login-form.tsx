"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { safeRedirectPath } from "@/lib/safe-path";
import { ZLogin, type TLogin } from "../schemas";

export function LoginForm() {
  const t = useTranslations("login");
  const fieldError = useFieldError();
  const router = useRouter();
  const params = useSearchParams();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<TLogin>({
    resolver: zodResolver(ZLogin),
    defaultValues: { username: "", password: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const res = await signIn("credentials", { ...values, redirect: false });
    if (!res || res.error || !res.ok) {
      setFormError(t("invalid"));
      return;
    }
    // Only same-origin paths are followed after login (no open redirect).
    router.replace(safeRedirectPath(params.get("callbackUrl")));
    router.refresh();
  });

  const { errors, isSubmitting } = formState;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      <Field id="username" label={t("username")} error={fieldError(errors.username)}>
        <Input
          id="username"
          autoComplete="username"
          autoCapitalize="none"
          aria-invalid={!!errors.username}
          {...register("username")}
        />
      </Field>
      <Field id="password" label={t("password")} error={fieldError(errors.password)}>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!errors.password}
          {...register("password")}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
