/** "Revision 6" / "Revisions 6, 7 and 9", to start a sentence. Pure, for the desk too. */
export function revisionListWords(numbers: readonly number[]): string {
  if (numbers.length === 1) return `Revision ${numbers[0]}`;
  return `Revisions ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}
