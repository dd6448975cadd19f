import { route } from "@/lib/server/api/handler";
import { onShutdown } from "@/lib/server/lifecycle/shutdown";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

/**
 * The one server-sent event stream per tab: `snapshot` events carry the new snapshot version, and the
 * browser invalidates its queries on each. Versions are per replica: a client that reconnects (to this
 * or another replica, after a restart or at shutdown, when the stream is ended so the replica can exit)
 * refetches everything on its first event (lib/client/live-updates.ts), whatever the version.
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
      const close = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      const offShutdown = onShutdown(close);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        offShutdown();
      };
      request.signal.addEventListener("abort", close);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", connection: "keep-alive" } });
});
