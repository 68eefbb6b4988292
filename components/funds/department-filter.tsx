import Link from "next/link";

/**
 * The department filter, kept in the URL (`?department=<id>`) so a filtered list is a link
 * someone can send. Plain links: choosing one needs no script.
 */
export function DepartmentFilter({ departments, selected }: { departments: Array<{ id: string; name: string }>; selected: string | null }) {
  if (departments.length === 0) return null;
  const choices = [{ id: null, name: "All departments" }, ...departments];
  return (
    <nav aria-label="Filter by department" className="flex flex-wrap gap-2 text-sm">
      {choices.map((d) => {
        const current = d.id === selected;
        return (
          <Link
            key={d.id ?? "all"}
            href={d.id === null ? "/funds" : `/funds?department=${encodeURIComponent(d.id)}`}
            aria-current={current ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${current ? "border-indigo-600 bg-indigo-50 font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200" : "border-line text-fg-muted hover:bg-surface-2"}`}
          >
            {d.name}
          </Link>
        );
      })}
    </nav>
  );
}
