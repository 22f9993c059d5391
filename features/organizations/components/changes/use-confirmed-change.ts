"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, UseFormSetError } from "react-hook-form";
import type { TActionResult } from "@/lib/errors";
import { useActionFeedback } from "@/lib/i18n/use-action-result";

/**
 * A change in two steps: the validated form is held for confirmation, then sent. A refusal goes
 * back to the form (field errors on their fields, the rest as a toast); success refreshes the page.
 */
export function useConfirmedChange<F extends FieldValues>(a: {
  setError: UseFormSetError<F>;
  run: (v: F) => Promise<TActionResult<unknown>>;
  onDone: (v: F) => void;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<F | null>(null);
  const [busy, setBusy] = useState(false);
  const feedback = useActionFeedback(a.setError);
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const result = await a.run(pending);
    setBusy(false);
    const sent = pending;
    setPending(null);
    if (!feedback(result)) return;
    a.onDone(sent);
    router.refresh();
  };
  return { pending, hold: setPending, busy, confirm, back: () => setPending(null) };
}
