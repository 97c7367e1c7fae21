import { register as registerBatch, registerMap } from "./commands/batch.js";
import { register as registerCompare } from "./commands/compare.js";
import { register as registerInit } from "./commands/init.js";
import { register as registerInterview } from "./commands/interview.js";
import { register as registerReport } from "./commands/report.js";
import { register as registerRoadmap } from "./commands/roadmap.js";
import { register as registerSchema } from "./commands/schema.js";
import { register as registerScore } from "./commands/score.js";
import { register as registerSurvey } from "./commands/survey.js";
import { register as registerValidate } from "./commands/validate.js";
import { main } from "./main.js";

// The CLI with every command (dist/crm-maturity.cjs; src/boot/bundles.ts), in the order `--help`
// lists them. No top-level await: the bundle is CommonJS (src/boot/code-cache.ts); main() settles
// all errors.
void main(process.argv, [
  registerValidate,
  registerSchema,
  registerInit,
  registerInterview,
  registerScore,
  registerReport,
  registerRoadmap,
  registerCompare,
  registerBatch,
  registerMap,
  registerSurvey,
]);
