import { buildApp } from "./app.js";
import { ConfigError, configFromEnv } from "./config.js";

/**
 * The process entry: configuration from `SHOOTPLAN_*` variables, listen, and a
 * graceful shutdown on SIGINT/SIGTERM (stop accepting, end event streams, give
 * running solves `SHOOTPLAN_SHUTDOWN_GRACE_SECONDS`, keep the rest queued in the
 * store). A second signal exits at once.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = configFromEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`shootplan server: ${error.message}\n`);
    process.exit(2);
  }
  const app = buildApp({ config });
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      app.log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, "shutting down");
    // Past the grace period plus a margin something is stuck: exit rather than hang.
    setTimeout(() => process.exit(1), (config.shutdownGraceSeconds + 15) * 1000).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await app.listen({ host: config.host, port: config.port });
}

await main();
