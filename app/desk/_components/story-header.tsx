import Link from "next/link";

import { RemovalMarkedText } from "@/app/_components/removal-marked-text";
import type { StoryDto } from "@/lib/stories/story";

import { StatusBadges } from "./status-badges";
import { StoryStatusControl } from "./story-status-control";

type Section = "edit" | "history" | "compare" | "preview";

/** Title, status and the story's own tabs: Edit, History, Compare, Preview, and the public page when live. */
export function StoryHeader({
  story,
  current,
  canChangeStatus = false,
  canRequestRemoval = false,
}: {
  story: StoryDto;
  current: Section;
  canChangeStatus?: boolean;
  /** Admins: the way to the legal removal request form. */
  canRequestRemoval?: boolean;
}) {
  const base = `/desk/stories/${story.slug}`;
  const tabs: { section: Section; href: string; label: string }[] = [
    { section: "edit", href: base, label: "Edit" },
    { section: "history", href: `${base}/history`, label: "History" },
    { section: "compare", href: `${base}/compare`, label: "Compare" },
    { section: "preview", href: `${base}/revisions/${story.latestRevisionNumber}`, label: "Preview" },
  ];
  return (
    <>
      <p className="desk-crumbs">
        <Link href="/desk">Stories</Link> / <span className="desk-mono">{story.slug}</span>
      </p>
      <div className="desk-title-row">
        <div>
          <h1>
            <RemovalMarkedText text={story.headline} />
          </h1>
          <p className="desk-story-meta">
            <StatusBadges status={story.status} developing={story.developing} />{" "}
            <span className="desk-muted">Newest revision {story.latestRevisionNumber}</span>
            <span className="desk-muted">
              {" "}
              ·{" "}
              {story.liveRevisionNumber === null
                ? "nothing live yet"
                : `live: revision ${story.liveRevisionNumber}`}
            </span>
          </p>
        </div>
        <div className="desk-button-row">
          {story.status === "published" ? (
            <a className="desk-button" href={`/stories/${story.slug}`} target="_blank" rel="noreferrer">
              View public page<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : null}
          {canChangeStatus ? (
            <StoryStatusControl key={story.status} slug={story.slug} status={story.status} />
          ) : null}
          {canRequestRemoval ? (
            <Link className="desk-button" href={`${base}/legal-removal`}>
              Legal removal…
            </Link>
          ) : null}
        </div>
      </div>
      <nav className="desk-subnav" aria-label="Story">
        {tabs.map((tab) => (
          <Link key={tab.section} href={tab.href} aria-current={tab.section === current ? "page" : undefined}>
            {tab.label}
          </Link>
        ))}
      </nav>
    </>
  );
}
