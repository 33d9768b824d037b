import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DeskTime } from "@/app/_components/desk-time";
import { getReviewRules } from "@/lib/reviews/review-rules";

import { ReviewRulesForm } from "./rules-form";

export const metadata: Metadata = { title: "Review rules" };

export default async function ReviewRulesPage() {
  const actor = await requirePageActor({ permission: "review:rules", callbackPath: "/desk/reviews/rules" });
  const rules = await getReviewRules({ actor });
  return (
    <>
      <p className="desk-crumbs">
        <Link href="/desk/reviews">Reviews</Link> / Rules
      </p>
      <div className="desk-title-row">
        <div>
          <h1>Review rules</h1>
          <p className="desk-lede">
            What must be approved before it reaches readers. Publishing past a rule is refused on the desk and
            in the API alike.
            {rules.updatedBy ? (
              <>
                {" "}
                Last changed by {rules.updatedBy.name}, <DeskTime iso={rules.updatedAt} />.
              </>
            ) : null}
          </p>
        </div>
      </div>
      <ReviewRulesForm
        contributorsNeedApproval={rules.contributorsNeedApproval}
        correctionsNeedSecondEditor={rules.correctionsNeedSecondEditor}
      />
    </>
  );
}
