/**
 * Whether a value read as plain text (from a row, a form or a URL) is one of a list's members, narrowing it to
 * their type: how a kind or a status is checked against a subset such as `noteRequiredKinds`, without a cast.
 */
export function isOneOf<const Member extends string>(
  list: readonly Member[],
  value: string,
): value is Member {
  return list.some((member) => member === value);
}
