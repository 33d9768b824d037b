import { DeskTime } from "@/app/_components/desk-time";
import type { ApiTokenDto, OwnedApiTokenDto } from "@/lib/auth/api-tokens";

import { RevokeTokenButton } from "./revoke-token-button";

type Props =
  | { headingId: string; testIdPrefix: string; tokens: ApiTokenDto[]; showOwner?: false }
  | { headingId: string; testIdPrefix: string; tokens: OwnedApiTokenDto[]; showOwner: true };

const owner = (token: ApiTokenDto | OwnedApiTokenDto) => ("owner" in token ? token.owner : null);

/** One person's tokens, or (with the owner column, for admins) everyone else's. */
export function TokenTable({ headingId, testIdPrefix, tokens, showOwner }: Props) {
  return (
    <div className="desk-table-wrap">
      <table className="desk-table desk-table-stack" aria-labelledby={headingId}>
        <thead>
          <tr>
            {showOwner ? <th scope="col">Owner</th> : null}
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const person = showOwner ? owner(token) : null;
            return (
              <tr key={token.id} data-testid={`${testIdPrefix}${token.name}`}>
                {person ? (
                  <td>
                    <strong>{person.name}</strong>
                    <span className="desk-small desk-muted token-owner-email">{person.email}</span>
                  </td>
                ) : null}
                {person ? (
                  <td data-label="Name">{token.name}</td>
                ) : (
                  <td>
                    <strong>{token.name}</strong>
                  </td>
                )}
                <td data-label="Starts with" className="desk-mono">
                  {token.prefix}…
                </td>
                <td data-label="Created" className="desk-small">
                  <DeskTime iso={token.createdAt} relative={false} />
                </td>
                <td data-label="Last used" className="desk-small">
                  {token.lastUsedAt ? (
                    <DeskTime iso={token.lastUsedAt} />
                  ) : (
                    <span className="desk-muted">Never</span>
                  )}
                </td>
                <td data-label="Status">
                  {token.revokedAt ? (
                    <span className="desk-badge desk-badge-draft">Revoked</span>
                  ) : (
                    <RevokeTokenButton
                      tokenId={token.id}
                      name={person ? `${token.name} of ${person.name}` : token.name}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
