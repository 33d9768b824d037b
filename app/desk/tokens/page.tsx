import type { Metadata } from "next";
import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DeskTime } from "@/app/_components/desk-time";
import { listAllApiTokens, listApiTokens } from "@/lib/auth/api-tokens";
import { can } from "@/lib/auth/permissions";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";
import "./tokens.css";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageActor({ permission: "tokens:own", callbackPath: "/desk/tokens" });
  const tokens = await listApiTokens({ actor });
  const everyone = can({ actor, permission: "users:manage" }) ? (await listAllApiTokens({ actor })).filter((token) => token.owner.id !== actor.userId) : null;

  return (
    <>
      <div className="desk-title-row">
        <div>
          <h1>API tokens</h1>
          <p className="desk-lede">
            Tokens let scripts call <code className="desk-mono">/api/v1</code> as you, with your role. Send one in the{" "}
            <code className="desk-mono">Authorization: Bearer …</code> header.
          </p>
        </div>
      </div>
      <CreateTokenForm />
      <h2 id="tokens-heading">Your tokens</h2>
      {tokens.length === 0 ? (
        <p className="desk-muted">You have no tokens yet.</p>
      ) : (
        <div className="desk-table-wrap">
          <table className="desk-table desk-table-stack" aria-labelledby="tokens-heading">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} data-testid={`token-${token.name}`}>
                  <td>
                    <strong>{token.name}</strong>
                  </td>
                  <td data-label="Starts with" className="desk-mono">
                    {token.prefix}…
                  </td>
                  <td data-label="Created" className="desk-small">
                    <DeskTime iso={token.createdAt} relative={false} />
                  </td>
                  <td data-label="Last used" className="desk-small">
                    {token.lastUsedAt ? <DeskTime iso={token.lastUsedAt} /> : <span className="desk-muted">Never</span>}
                  </td>
                  <td data-label="Status">
                    {token.revokedAt ? (
                      <span className="desk-badge desk-badge-draft">Revoked</span>
                    ) : (
                      <RevokeTokenButton tokenId={token.id} name={token.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {everyone ? (
        <>
          <h2 id="everyone-tokens-heading">Everyone else’s tokens</h2>
          <p className="desk-muted">As an admin you can revoke any token, for example when a script leaks one or someone leaves.</p>
          {everyone.length === 0 ? (
            <p className="desk-muted">Nobody else has a token.</p>
          ) : (
            <div className="desk-table-wrap">
              <table className="desk-table desk-table-stack" aria-labelledby="everyone-tokens-heading">
                <thead>
                  <tr>
                    <th scope="col">Owner</th>
                    <th scope="col">Name</th>
                    <th scope="col">Starts with</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {everyone.map((token) => (
                    <tr key={token.id} data-testid={`everyone-token-${token.name}`}>
                      <td>
                        <strong>{token.owner.name}</strong>
                        <span className="desk-small desk-muted token-owner-email">{token.owner.email}</span>
                      </td>
                      <td data-label="Name">{token.name}</td>
                      <td data-label="Starts with" className="desk-mono">
                        {token.prefix}…
                      </td>
                      <td data-label="Created" className="desk-small">
                        <DeskTime iso={token.createdAt} relative={false} />
                      </td>
                      <td data-label="Last used" className="desk-small">
                        {token.lastUsedAt ? <DeskTime iso={token.lastUsedAt} /> : <span className="desk-muted">Never</span>}
                      </td>
                      <td data-label="Status">
                        {token.revokedAt ? (
                          <span className="desk-badge desk-badge-draft">Revoked</span>
                        ) : (
                          <RevokeTokenButton tokenId={token.id} name={`${token.name} of ${token.owner.name}`} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
