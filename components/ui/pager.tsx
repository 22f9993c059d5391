import Link from "next/link";

/** Cursor paging links: "first page" and "next page" keep the other query params. */
export function Pager({
  basePath,
  params,
  nextCursor,
  isFirst,
  labels,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  nextCursor: string | null;
  isFirst: boolean;
  labels: { first: string; next: string };
}) {
  if (!nextCursor && isFirst) return null;
  const href = (cursor?: string) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) sp.set(k, v);
    if (cursor) sp.set("cursor", cursor);
    const s = sp.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return (
    <nav className="flex justify-between gap-2 px-4 py-3 text-sm" aria-label="pagination">
      {isFirst ? (
        <span />
      ) : (
        <Link className="text-brand-700 hover:underline" href={href()}>
          {labels.first}
        </Link>
      )}
      {nextCursor ? (
        <Link className="text-brand-700 hover:underline" href={href(nextCursor)} rel="next">
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
