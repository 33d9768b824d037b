/**
 * Every kind of entry the audit log shows, grouped as the desk's filter offers them. The names are the source
 * tables' own where there is one (status actions, auth_events kinds), so the API and the CSV use the words
 * the rest of the API does.
 */
export const auditKindGroups = [
  {
    label: "Stories",
    kinds: {
      publish: "Published",
      unpublish: "Unpublished",
      republish: "Republished",
      withdraw: "Withdrawn",
      restore: "Restored",
      schedule: "Scheduled",
      reschedule: "Rescheduled",
      cancel_schedule: "Schedule cancelled",
      hold_schedule: "Schedule held",
      resolve_schedule: "Held schedule settled",
      schedule_ran: "Schedule ran",
      embargo: "Embargoed",
      lift_embargo: "Embargo lifted",
    },
  },
  {
    label: "People",
    kinds: {
      user_added: "Person added",
      role_changed: "Role changed",
      user_deactivated: "Deactivated",
      user_reactivated: "Reactivated",
      password_reset: "Password reset by an admin",
      password_changed: "Password changed",
      signed_out_everywhere: "Signed out everywhere",
    },
  },
  {
    label: "Sign-in",
    kinds: {
      sign_in: "Signed in",
      sign_in_failed: "Failed sign-in",
      second_factor_failed: "Failed second factor",
      factor_added: "Second factor added",
      factor_removed: "Second factor removed",
      factors_reset: "Second factors reset",
      recovery_code_used: "Recovery code used",
      recovery_codes_created: "Recovery codes made",
      sso_provisioned: "Account made by single sign-on",
      sso_refused: "Single sign-on refused",
      device_refused: "Device refused",
      security_policy_changed: "Second-factor policy changed",
    },
  },
  {
    label: "API tokens",
    kinds: {
      token_created: "Token created",
      token_used: "Token used (first use that day)",
      token_revoked: "Token revoked",
    },
  },
  {
    label: "Legal removals",
    kinds: {
      removal_requested: "Removal requested",
      removal_approved: "Removal approved",
      removal_declined: "Removal declined",
      removal_withdrawn: "Removal withdrawn",
    },
  },
] as const;

type Group = (typeof auditKindGroups)[number];
// Distributes over the groups: the union of every group's kind names.
type KindsOf<G> = G extends { kinds: infer Kinds } ? keyof Kinds & string : never;
export type AuditKind = KindsOf<Group>;

export const auditKinds = auditKindGroups.flatMap((group) => Object.keys(group.kinds)) as [
  AuditKind,
  ...AuditKind[],
];

const labels: Record<string, string> = Object.assign({}, ...auditKindGroups.map((group) => group.kinds));

/** "Published", "Token revoked": how the desk and the CSV name a kind. */
export function auditKindLabel(kind: AuditKind): string {
  return labels[kind] ?? kind;
}
