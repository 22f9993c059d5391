"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { renameOrgAction } from "../../actions";
import { ZRenameOrg } from "../../schemas";

/** 更名: one field, the same schema as the server. */
export function RenameOrgForm({ orgId, name, onDone }: { orgId: number; name: string; onDone: () => void }) {
  const t = useTranslations("orgChanges.rename");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<z.input<typeof ZRenameOrg>>({
    resolver: zodResolver(ZRenameOrg),
    defaultValues: { orgId, name },
  });
  const feedback = useActionFeedback(form.setError);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    const result = await renameOrgAction(v);
    if (!feedback(result)) return;
    toast.success(t("done", { name: v.name.trim() }));
    onDone();
    router.refresh();
  });
  return (
    <form noValidate onSubmit={submit} className="grid gap-3">
      <Field id="org-name" label={t("name")} error={fieldError(errors.name)}>
        <Input id="org-name" aria-invalid={!!errors.name} {...form.register("name")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
