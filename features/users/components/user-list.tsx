import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

type TUserItem = {
  id: number;
  username: string;
  name: string;
  role: string;
  active: boolean;
  org: { name: string };
};

export async function UserList({ items, selfId }: { items: TUserItem[]; selfId: number }) {
  const t = await getTranslations();
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((u) => (
        <li key={u.id}>
          <Link
            href={`/users/${u.id}`}
            className="grid gap-1 px-4 py-3 hover:bg-brand-50 sm:grid-cols-[1fr_10rem_1.5fr_5rem] sm:items-center sm:gap-3"
          >
            <span className="min-w-0">
              <span className="font-medium text-slate-900">{u.name}</span>
              {u.id === selfId ? <span className="text-xs text-slate-500">{t("users.self")}</span> : null}
              <span className="ml-2 font-mono text-xs text-slate-500">{u.username}</span>
            </span>
            <span>
              <Badge tone="blue">{t(`roles.${u.role}`)}</Badge>
            </span>
            <span className="truncate text-sm text-slate-600">{u.org.name}</span>
            <span>
              {u.active ? (
                <Badge tone="green">{t("users.active")}</Badge>
              ) : (
                <Badge>{t("users.inactive")}</Badge>
              )}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
