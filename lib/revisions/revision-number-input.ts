import { wholeNumberText } from "@/lib/validation/whole-number-text";

/** A revision number as it arrives in a URL segment: digits only ("1e2" is not revision 100). */
export const RevisionNumberInput = wholeNumberText({ example: "3" });
