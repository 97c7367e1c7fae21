/**
 * Why a file could not be written, told apart so that each place can say it in its own words
 * (the command line's diagnostics, the interview in the consultant's language) and say what to
 * do about it. A failure not told apart keeps the system's own code (e.g. EBUSY).
 */
export type WriteFailure =
  | "folder-missing"
  | "cannot-create"
  | "not-a-folder"
  | "is-a-folder"
  | "permission"
  | "read-only"
  | "no-space"
  | "quota"
  | "too-large"
  | "name-too-long"
  | "link-loop"
  | "io-error"
  | "pipe-closed";
