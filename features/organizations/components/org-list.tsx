import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

type TOrgItem = {
  id: number;
  code: string;
  name: string;
  level: string;
  closedAt?: Date | null;
  _count: { children: number };
};

export async function OrgList({ items }: { items: TOrgItem[] }) {
  const t = await getTranslations();
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((o) => (
        <li key={o.id}>
          <Link href={`/orgs/${o.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-brand-50">
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium text-slate-900">{o.name}</p>
              <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <Badge>{t(`levels.${o.level}`)}</Badge>
                {o.closedAt ? <Badge tone="amber">{t("orgChanges.status.closed")}</Badge> : null}
                <span className="font-mono">{o.code}</span>
                {o._count.children > 0 ? (
                  <span>{t("orgs.childCount", { count: o._count.children })}</span>
                ) : null}
              </p>
            </div>
            <ChevronRight className="size-4 shrink-0 text-slate-400" aria-hidden />
          </Link>
        </li>
      ))}
    </ul>
  );
}
