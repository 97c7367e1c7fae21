import type { Issue } from "./issue.js";

/** Wrong flags, arguments or environment: exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Input the user owns is invalid: exit code 1, with the located issues to print. */
export class InputError extends Error {
  override name = "InputError";
  constructor(
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}
