/**
 * True when answers or results given to questionnaire version `declared` score unchanged with
 * version `current`: the same version, or an earlier minor or patch release of the same major
 * version (a minor release adds — profiles, texts — but keeps every question, as the pack's
 * CHANGELOG promises). Anything else is a different instrument.
 */
export function scoresWithVersion(declared: string, current: string): boolean {
  if (declared === current) return true;
  const parse = (v: string) => /^(\d+)\.(\d+)\.(\d+)$/.exec(v)?.slice(1).map(Number);
  const a = parse(declared);
  const b = parse(current);
  if (!a || !b || a[0] !== b[0]) return false;
  const [, aMinor = 0, aPatch = 0] = a;
  const [, bMinor = 0, bPatch = 0] = b;
  return aMinor < bMinor || (aMinor === bMinor && aPatch <= bPatch);
}
