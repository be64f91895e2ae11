#!/usr/bin/env node
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { registerBuildCommand } from './commands/build.js';
import { registerCheckCommand } from './commands/check.js';
import { registerLspCommand } from './commands/lsp.js';
import { registerServeCommand } from './commands/serve.js';
import { registerServerCommand } from './commands/server.js';
import { attachBooleanFlagValues, registerSwaggerCommands } from './commands/swagger.js';
import { registerTreeCommand } from './commands/tree.js';
import { registerTypesCommand } from './commands/types.js';
import { registerValidateCommand } from './commands/validate.js';
import { CliError, UsageError } from './options.js';

const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

// A reader that stops early (`yangkit swagger m.yang | head`) is not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

const program = new Command('yangkit')
  .description('Compile YANG modules and generate API documents, TypeScript types and RESTCONF servers')
  .version(version)
  .showHelpAfterError()
  .addOption(new Option('--debug', 'show stack traces of internal errors').hideHelp());

registerCheckCommand(program);
registerValidateCommand(program);
registerTreeCommand(program);
registerSwaggerCommands(program);
registerTypesCommand(program);
registerServeCommand(program);
registerServerCommand(program);
registerBuildCommand(program);
registerLspCommand(program);

program.parseAsync(attachBooleanFlagValues(process.argv)).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`yangkit: error: ${message}\n`);
  const expected = err instanceof UsageError || err instanceof CliError;
  if (!expected && program.opts().debug && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(err instanceof UsageError ? 2 : 1);
});
