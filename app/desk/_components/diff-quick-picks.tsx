import Link from "next/link";

type Props = {
  slug: string;
  latest: number;
  live: number | null;
  lastSeen: number | null;
  current?: { from: number; to: number };
};

/**
 * One-click comparisons editors reach for most: against the live version, since their last visit, the last
 * step.
 */
export function DiffQuickPicks({ slug, latest, live, lastSeen, current }: Props) {
  const picks = [
    {
      label: "Since last published",
      from: live,
      hint: live === null ? "nothing published yet" : live === latest ? "the newest revision is live" : null,
    },
    {
      label: "Since I last looked",
      from: lastSeen,
      hint:
        lastSeen === null
          ? "you have not opened this story before"
          : lastSeen === latest
            ? "nothing new since"
            : null,
    },
    {
      label: "Previous revision",
      from: latest > 1 ? latest - 1 : null,
      hint: latest > 1 ? null : "only one revision",
    },
  ];
  return (
    <nav className="desk-quick-picks" aria-label="Quick comparisons">
      {picks.map((pick) => {
        const usable = pick.from !== null && pick.from < latest;
        const active = usable && current?.from === pick.from && current.to === latest;
        return usable ? (
          <Link
            key={pick.label}
            className="desk-chip"
            aria-current={active ? "true" : undefined}
            href={`/desk/stories/${slug}/compare?from=${pick.from}&to=${latest}`}
          >
            {pick.label}{" "}
            <span className="desk-muted">
              r{pick.from} → r{latest}
            </span>
          </Link>
        ) : (
          <span key={pick.label} className="desk-chip desk-chip-off">
            {pick.label} <span className="desk-muted">({pick.hint})</span>
          </span>
        );
      })}
    </nav>
  );
}
