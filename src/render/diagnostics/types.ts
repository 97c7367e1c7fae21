import type { Issue } from "../../core/diagnostics/issue.js";

/** What a formatter needs besides the issues; the CLI fills it in. */
export interface FormatContext {
  /** Paths are shown relative to this directory. */
  cwd: string;
  /** Whether to colour the output (only `stylish` uses colour). */
  color: boolean;
  /** How many files were validated, for summaries. */
  filesChecked: number;
  /** The crm-maturity version, for machine-readable reports. */
  toolVersion: string;
  /** The terminal columns text listings are laid out in (only `stylish` wraps). */
  width: number;
}

/** Renders validation issues in one output format; pure and deterministic for a given input. */
export type Formatter = (issues: readonly Issue[], ctx: FormatContext) => string;
