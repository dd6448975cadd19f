/** Starts the cluster watches when the server boots, not on the first request; SIGTERM shuts down gracefully. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./lib/server/boot");
  const { installShutdownHandlers } = await import("./lib/server/lifecycle/shutdown");
  installShutdownHandlers();
  await bootServer();
}
