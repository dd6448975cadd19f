import { route } from "@/lib/server/api/handler";
import { prometheusText } from "@/lib/server/metrics";

export const dynamic = "force-dynamic";

/** Prometheus text exposition of Meshpane's own figures (README, "Install in a cluster"). */
export const GET = route({ auth: "public" }, async () => {
  const { text, contentType } = await prometheusText();
  return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
