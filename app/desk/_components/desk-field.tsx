import type { ReactNode } from "react";

import { errorProps, FieldError } from "./field-error";

/**
 * A labelled field of a desk form, with the server's message for it underneath. The control inside spreads
 * `errorProps(`${id}-error`, error)` so the message is announced with it.
 */
export function DeskField(props: {
  id: string;
  label: string;
  error: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={props.className ? `desk-field ${props.className}` : "desk-field"}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      <FieldError id={`${props.id}-error`} message={props.error} />
    </div>
  );
}

/** A newsroom day (YYYY-MM-DD). A bad one sent in the address is shown as typed: a date input would show it blank. */
export function DayField(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  className?: string;
}) {
  return (
    <DeskField id={props.id} label={props.label} error={props.error} className={props.className}>
      <input
        id={props.id}
        type={props.error ? "text" : "date"}
        name={props.name}
        defaultValue={props.value}
        {...errorProps(`${props.id}-error`, props.error)}
      />
    </DeskField>
  );
}
