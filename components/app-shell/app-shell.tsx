import { KeyRound } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { kindsFor } from "@/features/imports/server/find-job";
import { LocaleSwitcher } from "@/features/i18n/components/locale-switcher";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import { PlanSwitcherSlot } from "@/features/plans/components/plan-switcher-slot";
import type { TPermission } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session";
import { getSecuritySettings } from "@/lib/security/settings";
import { IdleWarning } from "./idle-warning";
import { LogoutButton } from "./logout-button";
import { NavLinks, type TNavItem } from "./nav-links";

const TASK_PERMISSIONS: readonly TPermission[] = [
  "task:assign",
  "task:review",
  "task:claim",
  "task:handle",
  "task:staff",
  "progress:log",
];

/** `restricted`: the user must change a manager-set password first, so nothing else is offered. */
export async function AppShell({
  user,
  restricted = false,
  children,
}: {
  user: TSessionUser;
  restricted?: boolean;
  children: React.ReactNode;
}) {
  const t = await getTranslations();
  const items: TNavItem[] = [{ href: "/", label: t("nav.home") }];
  // 三员分立: the three administrators have no task pages.
  if (TASK_PERMISSIONS.some((p) => user.permissions.has(p))) {
    items.push({ href: "/my-tasks", label: t("nav.myTasks") });
    items.push({ href: "/tasks", label: t("nav.tasks") });
  }
  if (user.permissions.has("task:review")) items.push({ href: "/review", label: t("nav.review") });
  if (user.permissions.has("report:read")) items.push({ href: "/completion", label: t("nav.completion") });
  if (user.permissions.has("report:read")) items.push({ href: "/reporting", label: t("reportStatus.nav") });
  if (user.permissions.has("assessment:manage"))
    items.push({ href: "/assessment", label: t("assessment.nav") });
  if (user.permissions.has("objective:read")) items.push({ href: "/objectives", label: t("nav.objectives") });
  if (user.permissions.has("objective:read")) items.push({ href: "/plans", label: t("planList.nav") });
  if (user.permissions.has("org:read")) items.push({ href: "/orgs", label: t("nav.orgs") });
  if (user.permissions.has("user:manage")) items.push({ href: "/users", label: t("nav.users") });
  if (kindsFor(user).length > 0) items.push({ href: "/imports", label: t("imports.nav") });
  if (user.permissions.has("security:manage")) items.push({ href: "/security", label: t("nav.security") });
  if (user.permissions.has("system:admin")) items.push({ href: "/system/jobs", label: t("jobs.nav") });
  if (user.permissions.has("audit:read")) items.push({ href: "/audit", label: t("nav.audit") });
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="print:hidden sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("app.skip")}
      </a>
      <header className="print:hidden sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-3 pt-2 sm:px-6">
          <Link href="/" className="flex min-w-0 items-center gap-2">
            <span
              className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-600 text-sm font-bold text-white"
              aria-hidden
            >
              工
            </span>
            <span className="truncate text-base font-bold text-slate-900 max-[399px]:sr-only">
              {t("app.name")}
            </span>
          </Link>
          <div className="flex shrink-0 items-center gap-1">
            {restricted ? null : <PlanSwitcherSlot user={user} />}
            <div className="hidden sm:block">
              <LocaleSwitcher />
            </div>
            {restricted ? null : <NotificationBell userId={user.id} />}
            <Link
              href="/account/password"
              className="inline-flex items-center gap-1 rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              aria-label={t("nav.password")}
              title={t("nav.password")}
            >
              <KeyRound className="size-4" aria-hidden />
              <span className="hidden lg:inline">{t("nav.password")}</span>
            </Link>
            <LogoutButton label={t("nav.logout")} />
          </div>
        </div>
        <div className="mx-auto flex max-w-6xl items-end justify-between gap-3 px-3 sm:px-6">
          {restricted ? <span /> : <NavLinks items={items} label={t("nav.menu")} />}
          <p className="hidden truncate pb-2.5 text-xs text-slate-500 md:block" aria-label={t("nav.account")}>
            {user.name} · {user.orgName} · {t(`roles.${user.role}`)}
          </p>
        </div>
      </header>
      <main
        id="main"
        className="mx-auto w-full max-w-6xl flex-1 px-3 py-4 sm:px-6 sm:py-6 print:max-w-none print:p-0"
      >
        {children}
      </main>
      <footer className="print:hidden border-t border-slate-200 bg-white py-3 text-center text-xs text-slate-500">
        <div className="mb-1 sm:hidden">
          <div className="inline-flex">
            <LocaleSwitcher />
          </div>
        </div>
        {t("app.tagline")}
      </footer>
      <IdleWarning idleMinutes={(await getSecuritySettings()).sessionIdleMinutes} />
    </div>
  );
}
