import { Badge } from "@/components/ui/badge";

const TONE = {
  QUEUED: "gray",
  PARSING: "blue",
  PREVIEW: "amber",
  COMMITTING: "blue",
  DONE: "green",
  FAILED: "red",
  CANCELLED: "gray",
} as const;

export function StatusBadge({ status, label }: { status: keyof typeof TONE; label: string }) {
  return <Badge tone={TONE[status]}>{label}</Badge>;
}
