import Link from "next/link";

import { DeskTime } from "@/app/_components/desk-time";
import { RemovalMarkedText } from "@/app/_components/removal-marked-text";
import { RevisionKindBadge } from "@/app/desk/_components/revision-kind-badge";
import { StatusBadges } from "@/app/desk/_components/status-badges";
import { plainRemovalMarkers } from "@/lib/legal-removals/removal-marker";
import type { SearchHit, SearchSnippet } from "@/lib/search/search-results";

import { revisionsWord, searchFieldLabels } from "./search-words";

/** One page of search results; each story once, shown by the revision that matched best. */
export function SearchResults(props: { hits: SearchHit[]; scope: "live" | "all" }) {
  return (
    <ol className="desk-search-hits">
      {props.hits.map((hit) => (
        <SearchResult key={hit.story.slug} hit={hit} scope={props.scope} />
      ))}
    </ol>
  );
}

function SearchResult({ hit, scope }: { hit: SearchHit; scope: "live" | "all" }) {
  const { story, revision } = hit;
  return (
    <li className="desk-search-hit">
      <h3>
        <Link href={`/desk/stories/${story.slug}`}>
          <RemovalMarkedText text={story.headline} />
        </Link>
      </h3>
      <p className="desk-search-meta">
        <StatusBadges status={story.status} developing={story.developing} />{" "}
        <span className="desk-mono desk-muted">{story.slug}</span>
      </p>
      <p className="desk-search-meta desk-small">
        Found in{" "}
        <Link
          href={hit.links.revision}
          aria-label={`Revision ${revision.number} of ${plainRemovalMarkers(story.headline)}`}
        >
          revision {revision.number}
        </Link>{" "}
        <RevisionKindBadge kind={revision.kind} /> <DeskTime iso={revision.createdAt} relative={false} /> ·{" "}
        {revision.authorName}
      </p>
      {hit.snippets.length > 0 ? (
        <div className="desk-search-snippets">
          {hit.snippets.map((snippet, index) => (
            <Snippet key={index} snippet={snippet} />
          ))}
        </div>
      ) : null}
      <Whereabouts hit={hit} scope={scope} />
    </li>
  );
}

function Snippet({ snippet }: { snippet: SearchSnippet }) {
  return (
    <p className="desk-search-snippet">
      <span className="desk-search-field">{searchFieldLabels[snippet.field]}</span>{" "}
      {snippet.parts.map((part, index) =>
        part.hit ? (
          <mark key={index}>
            <RemovalMarkedText text={part.text} />
          </mark>
        ) : (
          <RemovalMarkedText key={index} text={part.text} />
        ),
      )}
    </p>
  );
}

/** Where the text is and was: which revisions held it and, when it is gone, the change that took it out. */
function Whereabouts({ hit, scope }: { hit: SearchHit; scope: "live" | "all" }) {
  const slug = hit.story.slug;
  if (hit.gone) {
    const { lastHeldIn, goneIn, goneAt } = hit.gone;
    const diff = hit.links.diff ?? `/desk/stories/${slug}/compare?from=${lastHeldIn}&to=${goneIn}`;
    return (
      <div className="desk-search-where desk-search-gone">
        <p>
          <strong>Not in the current version.</strong> Held in{" "}
          {revisionsWord(hit.heldIn.length > 0 ? hit.heldIn : [lastHeldIn])} · taken out in revision {goneIn},{" "}
          <DeskTime iso={goneAt} relative={false} />
        </p>
        <p className="desk-button-row">
          <Link href={`/desk/stories/${slug}/revisions/${lastHeldIn}`}>See revision {lastHeldIn}</Link>
          <Link href={diff}>
            See the change that took it out ({lastHeldIn} → {goneIn})
          </Link>
        </p>
      </div>
    );
  }
  if (scope === "live" && !hit.links.diff) return null;
  return (
    <div className="desk-search-where">
      {scope === "all" && hit.heldIn.length > 0 ? (
        <p>
          In the current version
          {hit.heldIn.length > 1 || hit.heldIn[0] !== hit.story.latestRevisionNumber
            ? ` · held in ${revisionsWord(hit.heldIn)}`
            : ""}
        </p>
      ) : null}
      {hit.links.diff ? (
        <p className="desk-button-row">
          <Link href={hit.links.diff}>See the change that brought it in</Link>
        </p>
      ) : null}
    </div>
  );
}
