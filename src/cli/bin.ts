import { runCli } from './main';

process.exitCode = await runCli(
  process.argv.slice(2),
  { lang: process.env['LANG'] },
  (line) => console.log(line),
  (line) => console.error(line),
);
