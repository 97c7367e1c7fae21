import { nearest } from "../text/nearest.js";
import type { IndustryProfile, ProfileSet, SizeProfile } from "./schema.js";
import type { ChosenProfile, ComposedDimension, ProfileSource, Questionnaire } from "./types.js";

/** The industry profiles and size bands a questionnaire declares (empty lists when none). */
export const profilesOf = (questionnaire: Pick<Questionnaire, "profiles">): ProfileSet =>
  questionnaire.profiles ?? { industries: [], sizes: [] };

/** The `--profile` value (and `client.profile`) that asks for the standard weights, no profile. */
export const STANDARD_PROFILE = "standard";

/** What an assessment's client says about itself, as far as profiles are concerned. */
export interface ProfileClient {
  industry?: string | undefined;
  size?: string | undefined;
  employees?: number | undefined;
  profile?: string | undefined;
}

/** A profile asked for by id (`--profile retail,large`), or why it cannot be. */
export type ProfileRequest =
  | { ok: true; industry?: IndustryProfile; size?: SizeProfile; standard: boolean }
  | { ok: false; message: string };

/**
 * Reads a profile request: comma-separated ids, at most one industry profile and one size band,
 * or `standard` alone for the questionnaire's own weights.
 */
export function parseProfileRequest(questionnaire: Questionnaire, value: string): ProfileRequest {
  const ids = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const { industries, sizes } = profilesOf(questionnaire);
  const known = [...industries.map((p) => p.id), ...sizes.map((p) => p.id), STANDARD_PROFILE];
  if (ids.length === 0) {
    return { ok: false, message: `expected a profile id (one of ${known.join(", ")}); found none` };
  }
  if (ids.includes(STANDARD_PROFILE)) {
    return ids.length === 1
      ? { ok: true, standard: true }
      : {
          ok: false,
          message: `expected "${STANDARD_PROFILE}" alone (it means no profile); found ${JSON.stringify(value)}`,
        };
  }
  let industry: IndustryProfile | undefined;
  let size: SizeProfile | undefined;
  for (const id of ids) {
    const i = industries.find((p) => p.id === id);
    const s = sizes.find((p) => p.id === id);
    if (i) {
      if (industry) {
        return {
          ok: false,
          message: `expected at most one industry profile; found ${industry.id} and ${id}`,
        };
      }
      industry = i;
    } else if (s) {
      if (size) {
        return { ok: false, message: `expected at most one size band; found ${size.id} and ${id}` };
      }
      size = s;
    } else {
      const guess = nearest(id, known, 3);
      return {
        ok: false,
        message: `expected a profile of ${questionnaire.id} ${questionnaire.version} (${known.join(", ")}); found ${JSON.stringify(id)}${guess ? ` (did you mean ${guess}?)` : ""}`,
      };
    }
  }
  return {
    ok: true,
    standard: false,
    ...(industry ? { industry } : {}),
    ...(size ? { size } : {}),
  };
}

/**
 * The headcount a client's `size` text states: the largest whole number in it ("600 employees" →
 * 600, "500-1000" → 1000, "20,000+" → 20000); undefined when it names none.
 */
export function employeesFromSize(size: string | undefined): number | undefined {
  if (size === undefined) return undefined;
  const numbers = [...size.replace(/(\d),(?=\d{3}\b)/g, "$1").matchAll(/\d+/g)].map((m) =>
    Number(m[0]),
  );
  const largest = Math.max(...numbers.filter((n) => Number.isSafeInteger(n) && n > 0));
  return Number.isFinite(largest) ? largest : undefined;
}

/** The first industry profile (in declaration order) one of whose words the industry text contains. */
export function industryFor(
  industries: readonly IndustryProfile[],
  industry: string | undefined,
): IndustryProfile | undefined {
  if (!industry) return undefined;
  const text = industry.toLowerCase();
  return industries.find((p) => p.match.some((word) => text.includes(word.toLowerCase())));
}

/** The size band whose headcount range holds `employees`. */
export function sizeFor(
  sizes: readonly SizeProfile[],
  employees: number | undefined,
): SizeProfile | undefined {
  if (employees === undefined) return undefined;
  return sizes.find(
    (s) =>
      employees >= s.employees.min &&
      (s.employees.max === undefined || employees <= s.employees.max),
  );
}

/**
 * Chooses the profile of an assessment: `--profile` wins, then the answers' `client.profile`,
 * then the client's industry words and headcount (`employees`, else the number in `size`).
 * Undefined means the standard weights. A request naming an unknown id returns its message and
 * where it came from, for the caller to report.
 */
export function chooseProfile(
  questionnaire: Questionnaire,
  client: ProfileClient,
  option?: string,
): { value?: ChosenProfile; error?: { message: string; from: ProfileSource } } {
  const requested: { text: string; from: ProfileSource } | undefined =
    option !== undefined
      ? { text: option, from: "option" }
      : client.profile !== undefined
        ? { text: client.profile, from: "answers" }
        : undefined;
  if (requested) {
    const r = parseProfileRequest(questionnaire, requested.text);
    if (!r.ok) return { error: { message: r.message, from: requested.from } };
    if (r.standard || (!r.industry && !r.size)) return {};
    return {
      value: {
        chosenBy: requested.from,
        ...(r.industry ? { industry: r.industry } : {}),
        ...(r.size ? { size: r.size } : {}),
      },
    };
  }
  const { industries, sizes } = profilesOf(questionnaire);
  const industry = industryFor(industries, client.industry);
  const size = sizeFor(sizes, client.employees ?? employeesFromSize(client.size));
  if (!industry && !size) return {};
  return {
    value: { chosenBy: "answers", ...(industry ? { industry } : {}), ...(size ? { size } : {}) },
  };
}

/** Weeks of a recommendation under a pace factor: whole weeks, at least one. */
export const scaledWeeks = (weeks: number, factor: number): number =>
  Math.max(1, Math.round(weeks * factor));

/**
 * The questionnaire as the chosen profile shapes it: the industry's dimension weights and
 * targets, question weights and the questions left out, and the pace (the industry's months per
 * level, then the size band's factor on it and on every recommendation's weeks). Everything else
 * — anchors, rules, recommendations — stays as declared, so scoring itself is unchanged.
 */
export function applyProfile(questionnaire: Questionnaire, chosen: ChosenProfile): Questionnaire {
  const industry = chosen.industry;
  const factor = chosen.size?.pace.factor ?? 1;
  const excluded = new Set(industry?.exclude ?? []);
  const weeks = <R extends { weeks: number }>(rec: R): R =>
    factor === 1 ? rec : { ...rec, weeks: scaledWeeks(rec.weeks, factor) };
  const dimensions = questionnaire.dimensions.map((d): ComposedDimension => {
    const change = industry?.dimensions[d.id];
    return {
      ...d,
      weight: change?.weight ?? d.weight,
      target: change?.target ?? d.target,
      questions: d.questions
        .filter((q) => !excluded.has(q.id))
        .map((q) => {
          const w = industry?.questions[q.id]?.weight;
          return w === undefined ? q : { ...q, weight: w };
        }),
      recommendations: d.recommendations.map(weeks),
    };
  });
  const monthsPerLevel =
    (industry?.pace?.monthsPerLevel ?? questionnaire.pace.monthsPerLevel) * factor;
  return {
    ...questionnaire,
    pace: { monthsPerLevel },
    dimensions,
    recommendations: questionnaire.recommendations.map(weeks),
    profile: chosen,
  };
}

/** The ids of a profile as `--profile` takes them, comma-separated; `standard` for none. */
export function profileIds(
  profile: { industry?: { id: string }; size?: { id: string } } | undefined,
): string {
  const ids = [profile?.industry?.id, profile?.size?.id].filter(
    (x): x is string => x !== undefined,
  );
  return ids.length > 0 ? ids.join(",") : STANDARD_PROFILE;
}
