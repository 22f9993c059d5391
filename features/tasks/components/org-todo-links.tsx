import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * On 我的任务: what the user's org waits for the user to sign or review. 我的待办 on the home page
 * counts these too (get-task-summary.ts#myTodoWhere), so its link leads to all of it.
 */
export function OrgTodoLinks({
  orgId,
  toSign,
  toReview,
}: {
  orgId: number;
  toSign: number;
  toReview: number;
}) {
  const t = useTranslations("tasks.my");
  const links = [
    ...(toSign > 0
      ? [{ href: `/tasks?org=${orgId}&status=PENDING_SIGN`, text: t("toSign", { count: toSign }) }]
      : []),
    ...(toReview > 0 ? [{ href: "/review", text: t("toReview", { count: toReview }) }] : []),
  ];
  if (!links.length) return null;
  return (
    <ul className="mb-3 grid gap-2 sm:grid-cols-2" data-testid="org-todo">
      {links.map((l) => (
        <li key={l.href}>
          <Link
            href={l.href}
            className="flex min-h-11 items-center justify-between rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 hover:border-amber-500"
          >
            <span>{l.text}</span>
            <span aria-hidden>→</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
