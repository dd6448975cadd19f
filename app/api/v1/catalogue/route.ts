import { route } from "@/lib/server/api/handler";
import { derived } from "@/lib/server/store/derived";
import { CATALOGUE } from "@/lib/validate";
import { catalogueView } from "@/lib/views/diagnostics";

/** Every validation code with severity, title, explanation, example and how many diagnostics carry it now. */
export const GET = route({}, ({ store }) => catalogueView(CATALOGUE, derived(store).diagnostics));
