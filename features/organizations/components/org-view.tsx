import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { SearchBox } from "@/components/ui/search-box";
import type { TSessionUser } from "@/lib/auth/session";
import { parseCursor } from "@/lib/paging";
import type { getOrgInScope } from "../server/get-org";
import { listChildOrgs, searchOrgs } from "../server/list-orgs";
import { OrgChangesCard } from "./changes/org-changes-card";
import { OrgHistory } from "./changes/org-history";
import { OrgList } from "./org-list";

type TOrg = NonNullable<Awaited<ReturnType<typeof getOrgInScope>>>;

/** An org in scope: its trail, facts, and either its children or search results within it (paged). */
export async function OrgView({
  user,
  org,
  q,
  cursor,
  basePath,
}: {
  user: TSessionUser;
  org: TOrg;
  q: string;
  cursor?: string;
  basePath: string;
}) {
  const t = await getTranslations();
  const c = parseCursor(cursor);
  // An org is changed by the federations above it (never by its own managers), while it is open.
  const canChange = user.permissions.has("org:manage") && org.id !== user.orgId && !org.closedAt;
  const page = q ? await searchOrgs({ orgId: org.id }, q, c) : await listChildOrgs(user, org.id, c);
  return (
    <>
      <Breadcrumb
        label={t("common.breadcrumb")}
        items={org.trail.map((a, i) =>
          i === org.trail.length - 1 ? { label: a.name } : { label: a.name, href: `/orgs/${a.id}` },
        )}
      />
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-bold text-slate-900 sm:text-2xl">{org.name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Badge tone="red">{t(`levels.${org.level}`)}</Badge>
            <span>
              {t("common.code")} <span className="font-mono">{org.code}</span>
            </span>
            {org.closedAt ? (
              <Badge tone="amber">
                {org.successor
                  ? t("orgChanges.status.mergedInto", { org: org.successor.name })
                  : t("orgChanges.status.closed")}
              </Badge>
            ) : null}
            {org.regionCode ? (
              <span>
                {t("orgs.regionCode")} <span className="font-mono">{org.regionCode}</span>
              </span>
            ) : null}
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          <Link href={`/tasks?org=${org.id}`} className="text-sm text-brand-700 hover:underline">
            {t("orgs.viewTasks")}
          </Link>
          {user.permissions.has("user:manage") ? (
            <Link href={`/users?org=${org.code}`} className="text-sm text-brand-700 hover:underline">
              {t("orgs.viewUsers")} · {t("orgs.userCount", { count: org._count.users })}
            </Link>
          ) : null}
        </div>
      </div>
      {org.closedAt ? (
        <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="org-closed">
          {t("orgChanges.closedNote")}
          {org.closeReason ? ` ${org.closeReason}` : ""}
        </p>
      ) : null}
      {canChange ? (
        <OrgChangesCard org={{ id: org.id, name: org.name }} grassroots={org.level === "GRASSROOTS"} />
      ) : null}
      <div className="mb-4">
        <SearchBox
          defaultValue={q}
          placeholder={t("orgs.searchPlaceholder")}
          label={t("orgs.searchLabel")}
          submitLabel={t("common.search")}
        />
      </div>
      <Card>
        <CardHeader
          title={q ? t("orgs.results", { q }) : t("orgs.children")}
          action={
            !q && org._count.children ? (
              <span className="text-xs text-slate-500">
                {t("orgs.childCount", { count: org._count.children })}
              </span>
            ) : null
          }
        />
        {page.items.length ? (
          <OrgList items={page.items} />
        ) : (
          <EmptyState title={q ? t("orgs.noResults", { q }) : t("orgs.noChildren")} />
        )}
        <Pager
          basePath={basePath}
          params={{ q: q || undefined }}
          nextCursor={page.nextCursor}
          isFirst={!c}
          labels={{ first: t("common.first"), next: t("common.next") }}
        />
      </Card>
      <div className="mt-4">
        <OrgHistory orgId={org.id} />
      </div>
    </>
  );
}
