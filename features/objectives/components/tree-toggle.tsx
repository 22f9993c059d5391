"use client";

/** Opens or closes every <details> inside the element with id `targetId`. */
export function TreeToggle({
  targetId,
  expandLabel,
  collapseLabel,
}: {
  targetId: string;
  expandLabel: string;
  collapseLabel: string;
}) {
  const setAll = (open: boolean) => {
    document
      .getElementById(targetId)
      ?.querySelectorAll("details")
      .forEach((d) => (d.open = open));
  };
  return (
    <div className="flex gap-2 text-sm">
      <button
        type="button"
        className="rounded border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-100"
        onClick={() => setAll(true)}
      >
        {expandLabel}
      </button>
      <button
        type="button"
        className="rounded border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-100"
        onClick={() => setAll(false)}
      >
        {collapseLabel}
      </button>
    </div>
  );
}
