import { UsageError } from "../core/diagnostics/errors.js";
import type { ResultsProfile } from "../core/models/results.js";
import {
  applyProfile,
  chooseProfile,
  type ProfileClient,
  parseProfileRequest,
  profileIds,
  profilesOf,
} from "../core/questionnaire/profiles.js";
import type { Questionnaire } from "../core/questionnaire/types.js";
import { TEMPLATE_PLACEHOLDERS } from "../views/answers-template.js";

/**
 * The questionnaire shaped by the profile an assessment's client (or `--profile`) chooses. An
 * unknown `--profile` is a usage error; an unknown `client.profile` has already been reported by
 * the answers check, so the standard weights stand in here.
 */
export function profiledQuestionnaire(
  questionnaire: Questionnaire,
  client: ProfileClient,
  option: string | undefined,
): Questionnaire {
  // `init`'s "Number of employees, e.g. 200-500" names no client's size.
  const filled = {
    ...client,
    industry: placeholderOr(client.industry, TEMPLATE_PLACEHOLDERS.industry),
    size: placeholderOr(client.size, TEMPLATE_PLACEHOLDERS.size),
  };
  const chosen = chooseProfile(questionnaire, filled, option);
  if (chosen.error?.from === "option") throw new UsageError(`--profile: ${chosen.error.message}`);
  return chosen.value ? applyProfile(questionnaire, chosen.value) : questionnaire;
}

function placeholderOr(value: string | undefined, texts: readonly string[]): string | undefined {
  return value !== undefined && texts.includes(value.trim()) ? undefined : value;
}

/** Checks `--profile` against the questionnaire before any input is read (usage error, exit 2). */
export function checkProfileOption(questionnaire: Questionnaire, option: string | undefined): void {
  if (option === undefined) return;
  const request = parseProfileRequest(questionnaire, option);
  if (!request.ok) throw new UsageError(`--profile: ${request.message}`);
}

/**
 * The questionnaire shaped as results read from a file were scored: the same profile, by id.
 * Undefined when the results name a profile the questionnaire does not declare.
 */
export function questionnaireForResults(
  questionnaire: Questionnaire,
  profile: ResultsProfile | undefined,
): Questionnaire | undefined {
  if (!profile) return questionnaire;
  const request = parseProfileRequest(questionnaire, profileIds(profile));
  if (!request.ok || request.standard) return undefined;
  return applyProfile(questionnaire, {
    chosenBy: profile.chosenBy,
    ...(request.industry ? { industry: request.industry } : {}),
    ...(request.size ? { size: request.size } : {}),
  });
}

/** Whether a questionnaire declares any industry profile or size band. */
export function declaresProfiles(questionnaire: Questionnaire): boolean {
  const { industries, sizes } = profilesOf(questionnaire);
  return industries.length + sizes.length > 0;
}
