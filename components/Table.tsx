import { type ComponentProps, type ReactNode } from "react";
import { cx } from "./cx";

/** A plain data table; `caption` names it for screen readers (visually hidden unless `showCaption`). */
export function Table({
  caption,
  head,
  children,
  showCaption = false,
}: {
  caption: string;
  head: ReactNode[];
  children: ReactNode;
  showCaption?: boolean;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className={showCaption ? "pb-2 text-left text-sm text-slate-500" : "sr-only"}>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th
                key={i}
                scope="col"
                className="whitespace-nowrap px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-500"
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cx("hover:bg-slate-50/70", className)} {...props} />;
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cx("px-3 py-2.5 align-middle text-slate-700", className)} {...props} />;
}

export function Th({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="row"
      className={cx("px-3 py-2.5 text-left align-middle font-medium text-slate-900", className)}
      {...props}
    />
  );
}
