import type { z as Zod } from "zod";
import { loadSideBundle } from "./side-bundles.js";

let real: typeof Zod | undefined;

/**
 * The validate bundle's `z`, in place of src/core/zod.ts (src/boot/side-bundles.ts): zod from its
 * side bundle, loaded and configured there the first time a schema asks for it.
 */
export const z: typeof Zod = new Proxy({} as typeof Zod, {
  get: (_, key) => {
    real ??= (loadSideBundle("zod") as { z: typeof Zod }).z;
    return real[key as keyof typeof Zod];
  },
});
