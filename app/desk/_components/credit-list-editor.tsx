"use client";

import { memo } from "react";

import { CreditRole } from "@/lib/db/generated/enums";
import { isOneOf } from "@/lib/validation/one-of";

import { creditRoleLabels, moveItem, rowKey, type CreditDraft } from "./editor-draft";
import { errorProps, FieldError } from "./field-error";

const creditRoles = Object.values(CreditRole);

type Props = {
  credits: CreditDraft[];
  onChange: (credits: CreditDraft[]) => void;
  contributorNames: string[];
  fieldErrors: Record<string, string>;
};

/**
 * Who is credited, in order. The name field suggests existing contributors; a name nobody has yet becomes a
 * new contributor when the revision is saved.
 */
export const CreditListEditor = memo(function CreditListEditor({
  credits,
  onChange,
  contributorNames,
  fieldErrors,
}: Props) {
  const update = (index: number, patch: Partial<CreditDraft>) =>
    onChange(credits.map((credit, at) => (at === index ? { ...credit, ...patch } : credit)));
  return (
    <fieldset className="desk-panel desk-list-editor">
      <legend className="desk-legend">Credits</legend>
      <datalist id="desk-contributor-names">
        {contributorNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {credits.length === 0 ? <p className="desk-hint">Nobody credited yet.</p> : null}
      <ol className="desk-rows">
        {credits.map((credit, index) => {
          const base = `credit-${credit.key}`;
          const nameError = fieldErrors[`credits.${index}.name`] ?? fieldErrors[`credits.${index}`];
          const locationError = fieldErrors[`credits.${index}.location`];
          const label = credit.name.trim() || `credit ${index + 1}`;
          return (
            <li key={credit.key} className="desk-row-card desk-credit-row">
              <div className="desk-field">
                <label htmlFor={`${base}-name`}>Name</label>
                <input
                  id={`${base}-name`}
                  type="text"
                  list="desk-contributor-names"
                  autoComplete="off"
                  value={credit.name}
                  onChange={(event) => update(index, { name: event.target.value })}
                  {...errorProps(`${base}-name-error`, nameError)}
                />
                <FieldError id={`${base}-name-error`} message={nameError} />
              </div>
              <div className="desk-field">
                <label htmlFor={`${base}-role`}>Role</label>
                <select
                  id={`${base}-role`}
                  value={credit.role}
                  onChange={(event) => {
                    const role = event.target.value;
                    if (isOneOf(creditRoles, role)) update(index, { role });
                  }}
                >
                  {creditRoles.map((role) => (
                    <option key={role} value={role}>
                      {creditRoleLabels[role]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="desk-field">
                <label htmlFor={`${base}-location`}>Place</label>
                <input
                  id={`${base}-location`}
                  type="text"
                  placeholder="e.g. Washington, D.C."
                  value={credit.location}
                  onChange={(event) => update(index, { location: event.target.value })}
                  {...errorProps(`${base}-location-error`, locationError)}
                />
                <FieldError id={`${base}-location-error`} message={locationError} />
              </div>
              <div className="desk-button-row desk-credit-actions">
                <button
                  type="button"
                  className="desk-button desk-button-small"
                  disabled={index === 0}
                  onClick={() => onChange(moveItem(credits, index, -1))}
                  aria-label={`Move ${label} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="desk-button desk-button-small"
                  disabled={index === credits.length - 1}
                  onClick={() => onChange(moveItem(credits, index, 1))}
                  aria-label={`Move ${label} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="desk-button desk-button-small desk-button-danger"
                  onClick={() => onChange(credits.filter((_, at) => at !== index))}
                  aria-label={`Remove ${label}`}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="desk-button"
        onClick={() =>
          onChange([...credits, { key: rowKey(), name: "", role: "contributed_reporting", location: "" }])
        }
      >
        + Add credit
      </button>
    </fieldset>
  );
});
