"use client";
import { Download } from "lucide-react";
import { useRouter } from "next/navigation";

/** The one download of the 初始密码单; the page then shows that it is gone. */
export function PasswordSheetLink({ jobId, label }: { jobId: number; label: string }) {
  const router = useRouter();
  return (
    <a
      href={`/api/imports/${jobId}/password-sheet`}
      download
      onClick={() => setTimeout(() => router.refresh(), 1500)}
      className="inline-flex h-9 items-center gap-1.5 rounded-md bg-brand-600 px-3 text-sm font-medium text-white hover:bg-brand-700"
    >
      <Download className="size-4" aria-hidden />
      {label}
    </a>
  );
}
