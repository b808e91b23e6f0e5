/** The board table's column headers: sortable ones (with aria-sort) and plain ones. */
import { cx } from "@/components/cx";
import type { BoardSortKey, SortDirection } from "@/lib/board/sort-board-rows";

export function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: BoardSortKey;
  sort: { key: BoardSortKey; dir: SortDirection };
  onSort: (key: BoardSortKey) => void;
}) {
  const active = sort.key === sortKey;
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
      className="whitespace-nowrap px-2 py-2 text-xs font-semibold uppercase tracking-wide text-slate-500"
    >
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        className={cx("rounded px-1 uppercase hover:text-slate-900", active && "text-slate-900")}
        data-testid={`board-sort-${sortKey}`}
      >
        {label} {active ? (sort.dir === "asc" ? "↑" : "↓") : ""}
      </button>
    </th>
  );
}

export function Plain({ children }: { children: string }) {
  return (
    <th
      scope="col"
      className="whitespace-nowrap px-2 py-2 text-xs font-semibold uppercase tracking-wide text-slate-500"
    >
      {children}
    </th>
  );
}
