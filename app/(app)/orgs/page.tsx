import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OrgView } from "@/features/organizations/components/org-view";
import { getOrgInScope } from "@/features/organizations/server/get-org";
import { requirePagePermission } from "@/lib/auth/session";
import { searchText } from "@/lib/input";

export async function generateMetadata() {
  return { title: (await getTranslations("orgs"))("title") };
}

export default async function OrgsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; cursor?: string }>;
}) {
  const user = await requirePagePermission("org:read");
  const org = await getOrgInScope(user, user.orgId);
  if (!org) notFound();
  const sp = await searchParams;
  return <OrgView user={user} org={org} q={searchText(sp.q, 50) ?? ""} cursor={sp.cursor} basePath="/orgs" />;
}
