/** Entry point: `npm start -- [options]` (see config.ts or `--help`). */
import { ConfigError, USAGE, readConfig } from './config.js';
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

const { restconf, url } = await startServer(configOrExit());
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
