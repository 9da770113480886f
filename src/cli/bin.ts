import { runCli } from './main';

process.exitCode = runCli(process.argv.slice(2), { lang: process.env['LANG'] }, (line) => console.log(line));
