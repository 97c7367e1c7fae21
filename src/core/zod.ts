import { z } from "zod";

/*
 * zod as every schema of src/ uses it: import `z` from here, never from "zod"
 * (.dependency-cruiser.cjs). One module, so that zod is configured once, before any schema runs,
 * and so that the build can put zod where a bundle needs it: the validate bundle (src/boot/bundles.ts)
 * loads it from a bundle of its own only when a file fails the precompiled checks (schema-checks.ts),
 * and a valid pack never pays for it (src/boot/side-bundles.ts).
 */

// Each file is parsed once per run, so compiling zod's fast paths costs more than it saves.
z.config({ jitless: true });

export { z };
