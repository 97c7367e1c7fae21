import { register as registerValidate } from "./commands/validate.js";
import { main } from "./main.js";

// `validate` alone (dist/crm-maturity-validate.cjs), the bundle the boot runs for
// `crm-maturity validate …` (src/boot/bundles.ts): the same program as src/cli/entry.ts for that
// command, without the others' code.
void main(process.argv, [registerValidate]);
