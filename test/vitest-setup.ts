// Runs before every Vitest file (vitest.config.mts): turns on the checks that only tests run.
import { checkCanonicalOutputs } from "@/lib/translate/emit";

// Translators must hand over canonical outputs (lib/translate/canonical.ts); every translation in the tests checks it.
checkCanonicalOutputs(true);
