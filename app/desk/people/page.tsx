import type { Metadata } from "next";

import { requirePageActor } from "@/app/_auth/require-page-actor";
import { DeskTime } from "@/app/_components/desk-time";
import { listFactorSummaries, type FactorSummary } from "@/lib/auth/second-factor/factor-summary";
import { readSecondFactorRoles } from "@/lib/auth/second-factor/security-policy";
import { listUsers } from "@/lib/auth/users";

import { AddUserForm } from "./add-user-form";
import {
  ActiveForm,
  PasswordForm,
  ResetFactorsForm,
  RoleForm,
  SignOutEverywhereForm,
} from "./person-controls";
import { SecurityPolicyForm } from "./security-policy-form";

import "./people.css";

export const metadata: Metadata = { title: "People" };

const roleLabels = { admin: "Admin", editor: "Editor", contributor: "Contributor" } as const;

function describeFactors(summary: FactorSummary | undefined): string {
  if (!summary) return "None";
  const parts = summary.totp ? ["Authenticator app"] : [];
  if (summary.passkeys > 0) parts.push(summary.passkeys === 1 ? "1 passkey" : `${summary.passkeys} passkeys`);
  return parts.join(", ");
}

export default async function PeoplePage() {
  const actor = await requirePageActor({ permission: "users:manage", callbackPath: "/desk/people" });
  const [users, factorRoles, factors] = await Promise.all([
    listUsers({ actor }),
    readSecondFactorRoles({ actor }),
    listFactorSummaries({ actor }),
  ]);
  const activeCount = users.filter((user) => user.active).length;

  return (
    <>
      <div className="desk-title-row">
        <div>
          <h1>People</h1>
          <p className="desk-lede">
            {activeCount} active {activeCount === 1 ? "account" : "accounts"}. Role changes, sign-outs and
            deactivations apply at the person’s next click.
          </p>
        </div>
      </div>
      <div className="people-forms">
        <AddUserForm />
        <SecurityPolicyForm roles={factorRoles} />
      </div>
      <h2 id="people-heading">Everyone with an account</h2>
      <div className="desk-table-wrap">
        <table className="desk-table desk-table-stack" aria-labelledby="people-heading">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Second factor</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="visually-hidden">Access</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const self = user.id === actor.userId;
              return (
                <tr key={user.id} data-testid={`person-${user.email}`}>
                  <td className="people-name-cell">
                    <strong className="people-name">{user.name}</strong>
                    {self ? <span className="desk-muted"> (you)</span> : null}
                  </td>
                  <td data-label="Email" className="people-email">
                    {user.email}
                  </td>
                  <td data-label="Role">{self ? roleLabels[user.role] : <RoleForm user={user} />}</td>
                  <td data-label="Status">
                    {user.active ? (
                      <span className="desk-badge desk-badge-live">Active</span>
                    ) : (
                      <span className="desk-badge desk-badge-unpublished">Deactivated</span>
                    )}
                  </td>
                  <td data-label="Second factor" className="desk-small">
                    {describeFactors(factors.get(user.id))}
                  </td>
                  <td data-label="Added" className="desk-small">
                    <DeskTime iso={user.createdAt} relative={false} />
                  </td>
                  <td>
                    <div className="people-access">
                      {self ? null : <ActiveForm user={user} />}
                      {self || !user.active ? null : <SignOutEverywhereForm user={user} />}
                      {/* Shown whatever the person has, so the form (and its toast) outlives the reset. */}
                      {self ? null : <ResetFactorsForm user={user} />}
                      <PasswordForm user={user} />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
