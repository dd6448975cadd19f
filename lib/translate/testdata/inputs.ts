import { renderInput } from "./fixtures";
import { meshFeatures } from "./features-mesh";
import { routingFeatures } from "./features-routing";
import { v1Features } from "./features-v1";

/**
 * Every generated golden input: `<name>/input.yaml` and its text. generate-inputs.ts writes them;
 * inputs.test.ts checks they equal the committed files.
 */
export function generatedInputs(): { name: string; text: string }[] {
  return [...routingFeatures, ...meshFeatures, ...v1Features].map((f) => ({ name: f.name, text: renderInput(f.comment, f.objects) }));
}
