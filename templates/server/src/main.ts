/** Entry point: `npm start -- [options]` (see config.ts or `--help`). */
import { ConfigError, type ServerConfig, USAGE, readConfig } from './config.js';
import { startServer } from './server.js';

function configOrExit() {
  try {
    const config = readConfig(process.argv.slice(2), process.env);
    if (config) return config;
    process.stdout.write(USAGE);
    process.exit(0);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`error: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

/** A file that cannot be read, a bad certificate or a port in use is reported in one line, without a stack trace. */
async function startOrExit(config: ServerConfig) {
  try {
    return await startServer(config);
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

const { restconf, url } = await startOrExit(configOrExit());
console.log(`RESTCONF server listening on ${url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // Closing waits for the datastore's last commit to reach the disk.
    restconf.close().then(
      () => process.exit(0),
      (err) => {
        console.error('error while closing:', err);
        process.exit(1);
      },
    );
  });
}
