import type { Metadata } from "next";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { listAllApiTokens, listApiTokens } from "@/lib/auth/api-tokens";
import { can } from "@/lib/auth/permissions";

import { CreateTokenForm } from "./create-token-form";
import { TokenTable } from "./token-table";

import "./tokens.css";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageActor({ permission: "tokens:own", callbackPath: "/desk/tokens" });
  const tokens = await listApiTokens({ actor });
  const everyone = can({ actor, permission: "users:manage" })
    ? (await listAllApiTokens({ actor })).filter((token) => token.owner.id !== actor.userId)
    : null;

  return (
    <>
      <div className="desk-title-row">
        <div>
          <h1>API tokens</h1>
          <p className="desk-lede">
            Tokens let scripts call <code className="desk-mono">/api/v1</code> as you, with your role. Send
            one in the <code className="desk-mono">Authorization: Bearer …</code> header.
          </p>
        </div>
      </div>
      <CreateTokenForm />
      <h2 id="tokens-heading">Your tokens</h2>
      {tokens.length === 0 ? (
        <p className="desk-muted">You have no tokens yet.</p>
      ) : (
        <TokenTable headingId="tokens-heading" testIdPrefix="token-" tokens={tokens} />
      )}
      {everyone ? (
        <>
          <h2 id="everyone-tokens-heading">Everyone else’s tokens</h2>
          <p className="desk-muted">
            As an admin you can revoke any token, for example when a script leaks one or someone leaves.
          </p>
          {everyone.length === 0 ? (
            <p className="desk-muted">Nobody else has a token.</p>
          ) : (
            <TokenTable
              headingId="everyone-tokens-heading"
              testIdPrefix="everyone-token-"
              tokens={everyone}
              showOwner
            />
          )}
        </>
      ) : null}
    </>
  );
}
