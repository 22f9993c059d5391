"use client";
import { useLinkStatus } from "next/link";
import { cn } from "./cn";

/**
 * Inside a <Link>: a thin bar along its bottom edge while the page it opens loads. Pages render
 * before they are sent (no segment-wide loading boundary), so that notFound() answers with a real
 * 404; this is the feedback meanwhile.
 */
export function LinkPending({ className }: { className?: string }) {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden
      data-testid="link-pending"
      data-pending={pending}
      className={cn(
        "absolute inset-x-2 bottom-0 h-0.5 bg-brand-600 transition-opacity",
        pending ? "animate-pulse opacity-100" : "opacity-0",
        className,
      )}
    />
  );
}
