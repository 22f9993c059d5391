import { notFound } from "next/navigation";
import { OrgView } from "@/features/organizations/components/org-view";
import { getOrgInScope } from "@/features/organizations/server/get-org";
import { requirePagePermission } from "@/lib/auth/session";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string; cursor?: string }> };

export default async function OrgPage({ params, searchParams }: TProps) {
  const user = await requirePagePermission("org:read");
  const { id } = await params;
  // Out-of-scope and non-existent orgs are indistinguishable: both are not found.
  const org = await getOrgInScope(user, Number(id));
  if (!org) notFound();
  const sp = await searchParams;
  return (
    <OrgView user={user} org={org} q={sp.q?.trim() ?? ""} cursor={sp.cursor} basePath={`/orgs/${org.id}`} />
  );
}
