import { route } from "@/lib/server/api/handler";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

/**
 * The one server-sent event stream per tab: `snapshot` events carry the new snapshot version, and the
 * browser invalidates its queries on each. The event id is the version, so a reconnecting client (to
 * this or another replica) simply gets the current version and refetches.
 */
export const GET = route({}, ({ request, store }) => {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const sendVersion = (version: number) => send(`id: ${version}\nevent: snapshot\ndata: ${JSON.stringify({ version })}\n\n`);
      send("retry: 1000\n\n");
      sendVersion(store.currentVersion);
      const unsubscribe = store.subscribe(sendVersion);
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", connection: "keep-alive" } });
});
