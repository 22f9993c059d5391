import { parseId } from "./input";

// Cursor paging over integer ids: fetch one extra row to know whether a next page exists.
export const PAGE_SIZE = 50;

/** A cursor from the URL: a strict id (`parseId`), or undefined (the first page). */
export function parseCursor(raw: string | undefined): number | undefined {
  return parseId(raw) ?? undefined;
}

export function cursorArgs(
  cursor: number | undefined,
  take = PAGE_SIZE,
): { take: number; skip?: number; cursor?: { id: number } } {
  return cursor ? { take: take + 1, skip: 1, cursor: { id: cursor } } : { take: take + 1 };
}

export function toPage<T extends { id: number }>(
  rows: T[],
  take = PAGE_SIZE,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, take);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > take && last ? String(last.id) : null };
}
