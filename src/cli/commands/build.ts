import type { Command } from 'commander';
import { resolve } from 'node:path';
import { CONFIG_FILE, ConfigError } from '../../incremental/config.js';
import { emitterNames } from '../../incremental/emitters.js';
import { UsageError } from '../options.js';

interface BuildFlags {
  config: string;
  watch?: boolean;
}

const FORMAT = `
Config (paths relative to the config file):
  {
    "cacheDir": ".yangkit-cache",            (optional; false: no disk cache)
    "jobs": [{
      "name": "jukebox",                      (optional)
      "inputs": ["models/example-jukebox.yang"],  (files, or folders of .yang files)
      "searchPaths": ["models"],              (optional; searched recursively)
      "features": { "example-jukebox": [] },  (optional; default: all enabled)
      "emit": [{ "emitter": "tree", "out": "out/tree", "options": {} }]
    }]
  }
Emitters: ${emitterNames().join(', ')}. Exit status: 1 when a job has errors, 2 for an unusable config.`;

export function registerBuildCommand(program: Command): void {
  program
    .command('build')
    .description(`run the jobs of ${CONFIG_FILE}: compile, then write the outputs whose inputs changed`)
    .option('-c, --config <file>', 'the config file', CONFIG_FILE)
    .option('-w, --watch', 'keep running and rebuild on every change to the models or the config')
    .addHelpText('after', FORMAT)
    .action(async (flags: BuildFlags) => {
      const options = { configFile: resolve(flags.config), out: process.stdout, err: process.stderr };
      const { build, watchBuild } = await import('../../incremental/build.js');
      try {
        if (!flags.watch) {
          process.exitCode = await build(options);
          return;
        }
        const stop = new AbortController();
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
        await watchBuild({ ...options, signal: stop.signal });
      } catch (err) {
        if (err instanceof ConfigError) throw new UsageError(err.message);
        throw err;
      }
    });
}
