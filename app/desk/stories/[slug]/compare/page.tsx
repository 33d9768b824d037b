import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DiffQuickPicks } from "@/app/desk/_components/diff-quick-picks";
import { ContentDiffView } from "@/app/desk/_components/diff/content-diff-view";
import { orNotFound } from "@/app/desk/_components/or-not-found";
import { ReviewCompareLayout } from "@/app/desk/_components/review/review-compare-layout";
import { StoryHeader } from "@/app/desk/_components/story-header";
import { DeskCompareQueryInput, firstValues } from "@/lib/desk/desk-query-input";
import { getLastSeenRevision } from "@/lib/desk/presence";
import { readReviewView } from "@/lib/review-threads/review-view";
import { diffRevisions } from "@/lib/revisions/diff-revisions";
import { getStoryOrThrow } from "@/lib/stories/story";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Compare · ${(await params).slug}` };
}

function clamp(value: number | undefined, fallback: number, latest: number): number {
  return value !== undefined && value <= latest ? value : fallback;
}

export default async function ComparePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await requirePageActor({
    permission: "desk:read",
    callbackPath: `/desk/stories/${slug}/compare`,
  });
  const query = DeskCompareQueryInput.parse(firstValues(await searchParams));
  const story = await orNotFound(() => getStoryOrThrow({ slug, actor }));
  const latest = story.latestRevisionNumber;
  const from = clamp(query.from, Math.max(1, latest - 1), latest);
  const to = clamp(query.to, latest, latest);
  const view = query.view ?? "inline";
  const [{ diff }, lastSeen, review] = await Promise.all([
    diffRevisions({ actor, slug, from, to }),
    getLastSeenRevision({ slug, actor }),
    readReviewView({ actor, slug, from, to }),
  ]);
  const numbers = Array.from({ length: latest }, (_, index) => latest - index);
  const viewHref = (next: "inline" | "side") =>
    `/desk/stories/${slug}/compare?from=${from}&to=${to}&view=${next}`;

  return (
    <>
      <StoryHeader story={story} current="compare" />
      <DiffQuickPicks
        slug={slug}
        latest={latest}
        live={story.liveRevisionNumber}
        lastSeen={lastSeen}
        current={{ from, to }}
      />
      <form className="desk-filters desk-compare-pick" action={`/desk/stories/${slug}/compare`} method="get">
        <RevisionPicker
          name="from"
          label="From revision"
          value={from}
          numbers={numbers}
          live={story.liveRevisionNumber}
        />
        <RevisionPicker
          name="to"
          label="To revision"
          value={to}
          numbers={numbers}
          live={story.liveRevisionNumber}
        />
        <input type="hidden" name="view" value={view} />
        <button type="submit" className="desk-button">
          Compare
        </button>
      </form>
      <div className="desk-title-row desk-compare-title">
        <h2>
          Revision {from} → revision {to}
        </h2>
        <nav className="desk-segmented" aria-label="Layout">
          <Link href={viewHref("inline")} aria-current={view === "inline" ? "page" : undefined}>
            Inline
          </Link>
          <Link href={viewHref("side")} aria-current={view === "side" ? "page" : undefined}>
            Side by side
          </Link>
        </nav>
      </div>
      <p className="desk-hint desk-diff-legend">
        <ins className="desk-ins">Underlined with a green background</ins> was added;{" "}
        <del className="desk-del">struck through with a red background</del> was removed.{" "}
        <Link href={`/desk/stories/${slug}/revisions/${to}`}>View revision {to}</Link> ·{" "}
        <Link href={`/desk/stories/${slug}/revisions/${from}`}>View revision {from}</Link>
      </p>
      <ReviewCompareLayout slug={slug} from={from} to={to} review={review}>
        <ContentDiffView diff={diff} view={view} review={{ body: review.body }} />
      </ReviewCompareLayout>
    </>
  );
}

function RevisionPicker(props: {
  name: "from" | "to";
  label: string;
  value: number;
  numbers: number[];
  live: number | null;
}) {
  return (
    <div className="desk-field desk-field-narrow">
      <label htmlFor={`compare-${props.name}`}>{props.label}</label>
      <select id={`compare-${props.name}`} name={props.name} defaultValue={String(props.value)}>
        {props.numbers.map((number) => (
          <option key={number} value={number}>
            {number}
            {number === props.live ? " (live)" : ""}
          </option>
        ))}
      </select>
    </div>
  );
}
