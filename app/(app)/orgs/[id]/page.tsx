import { notFound } from "next/navigation";
import { cache } from "react";
import { OrgView } from "@/features/organizations/components/org-view";
import { getOrgInScope } from "@/features/organizations/server/get-org";
import { requirePagePermission } from "@/lib/auth/session";
import { parseId, searchText } from "@/lib/input";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string; cursor?: string }> };

// Out-of-scope and non-existent orgs are indistinguishable: both are not found.
// Cached per request: the title and the page read the org once.
const loadOrg = cache(async (raw: string) => {
  const user = await requirePagePermission("org:read");
  const id = parseId(raw);
  return id === null ? null : getOrgInScope(user, id);
});

export async function generateMetadata({ params }: TProps) {
  const org = await loadOrg((await params).id);
  return { title: org?.name };
}

export default async function OrgPage({ params, searchParams }: TProps) {
  const user = await requirePagePermission("org:read");
  const org = await loadOrg((await params).id);
  if (!org) notFound();
  const sp = await searchParams;
  return (
    <OrgView
      user={user}
      org={org}
      q={searchText(sp.q, 50) ?? ""}
      cursor={sp.cursor}
      basePath={`/orgs/${org.id}`}
    />
  );
}
