import Form from "next/form";
import Link from "next/link";

import { DayField, DeskField } from "@/app/desk/_components/desk-field";
import { errorProps, FieldError } from "@/app/desk/_components/field-error";
import { revisionKindLabels } from "@/app/desk/_components/revision-kind-badge";
import { RevisionKind, StoryStatus } from "@/lib/db/generated/enums";
import { countSearchFilters, type DeskSearchParams } from "@/lib/desk/desk-search-params";
import type { SearchChoices } from "@/lib/desk/search-choices";

const statusLabels: Record<StoryStatus, string> = {
  draft: "Draft",
  published: "Published",
  unpublished: "Unpublished",
  withdrawn: "Withdrawn",
};

type Option = { value: string; label: string };

/**
 * The desk search form: a GET form, so every search (and every page of results) has an address to share.
 * `errors`: the message for each field search refused, shown under that field.
 */
export function SearchForm(props: {
  input: DeskSearchParams;
  errors: Record<string, string>;
  choices: SearchChoices;
}) {
  const { input, errors, choices } = props;
  const filterCount = countSearchFilters(input);
  const filterErrors = Object.keys(errors).some((name) => name !== "q" && name !== "scope");
  const field = (name: keyof DeskSearchParams) => ({
    id: `search-${name}`,
    name,
    error: errors[name],
    value: input[name] ?? "",
  });
  return (
    // Keyed by the address, so "Clear" and the scope links start the form afresh after a client navigation.
    <Form
      key={JSON.stringify(input)}
      action="/desk/search"
      className="desk-search-form"
      role="search"
      aria-label="Search stories"
    >
      <div className="desk-field desk-search-words">
        <label htmlFor="search-q">Search every story</label>
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={input.q ?? ""}
          data-desk-search=""
          aria-keyshortcuts="/"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={errors.q ? "search-q-error search-q-hint" : "search-q-hint"}
          aria-invalid={errors.q ? true : undefined}
        />
        <FieldError id="search-q-error" message={errors.q} />
        <p className="desk-hint" id="search-q-hint">
          Words, “exact phrases”, -left-out words, and OR between choices. Names forgive typos and accents.
        </p>
      </div>
      <fieldset className="desk-search-scope">
        <legend className="desk-label">Search in</legend>
        <label className="desk-check">
          <input type="radio" name="scope" value="live" defaultChecked={input.scope !== "all"} />
          Current versions
        </label>
        <label className="desk-check">
          <input type="radio" name="scope" value="all" defaultChecked={input.scope === "all"} />
          All revisions
        </label>
        <FieldError id="search-scope-error" message={errors.scope} />
      </fieldset>
      <details className="desk-search-filters" open={filterCount > 0 || filterErrors}>
        <summary>Filters{filterCount > 0 ? ` (${filterCount})` : ""}</summary>
        <div className="desk-row">
          <Choice
            label="Status"
            {...field("status")}
            options={[
              { value: "", label: "Any status" },
              ...Object.values(StoryStatus).map((status) => ({ value: status, label: statusLabels[status] })),
            ]}
          />
          <Choice
            label="Saved by"
            {...field("author")}
            options={[
              { value: "", label: "Anyone" },
              ...choices.people.map((person) => ({ value: person.id, label: person.name })),
            ]}
          />
          <Choice
            label="Credited"
            {...field("contributor")}
            options={[
              { value: "", label: "Anyone" },
              ...choices.contributors.map((person) => ({ value: person.id, label: person.name })),
            ]}
          />
          <Choice
            label="Kind of change"
            {...field("kind")}
            options={[
              { value: "", label: "Any kind" },
              ...Object.values(RevisionKind).map((kind) => ({
                value: kind,
                label: revisionKindLabels[kind],
              })),
            ]}
          />
          <DayField label="Saved on or after" {...field("from")} />
          <DayField label="Saved on or before" {...field("to")} />
          <Choice
            label="Developing"
            {...field("developing")}
            options={[
              { value: "", label: "Either" },
              { value: "yes", label: "Developing" },
              { value: "no", label: "Not developing" },
            ]}
          />
          <Choice
            label="Readers see it"
            {...field("live")}
            options={[
              { value: "", label: "Either" },
              { value: "yes", label: "Live now" },
              { value: "no", label: "Not live" },
            ]}
          />
          <Choice
            label="Correction"
            {...field("correction")}
            options={[
              { value: "", label: "Either" },
              { value: "yes", label: "Has a published correction" },
              { value: "no", label: "No correction" },
            ]}
          />
        </div>
      </details>
      <div className="desk-button-row">
        <button type="submit" className="desk-button desk-button-primary">
          Search
        </button>
        {input.q !== undefined || filterCount > 0 ? (
          <Link className="desk-button" href="/desk/search">
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

function Choice(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  options: Option[];
}) {
  // A value the list does not hold (an id typed into the address) stays visible, so its message makes sense.
  const options = props.options.some((option) => option.value === props.value)
    ? props.options
    : [...props.options, { value: props.value, label: props.value }];
  return (
    <DeskField id={props.id} label={props.label} error={props.error}>
      <select
        id={props.id}
        name={props.name}
        defaultValue={props.value}
        {...errorProps(`${props.id}-error`, props.error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </DeskField>
  );
}
