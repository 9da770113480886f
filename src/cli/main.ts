import { createI18n, detectLocale, translate, type MessageKey } from '../i18n/i18n';
import { FRUSTUM_VERSION } from '../core/version';
import { EXPORT_FORMATS } from '../formats/labels/label-formats';
import { agreeFiles, formatAgreement, parseAgreeArgs } from './agree';
import { convert, parseConvertArgs } from './convert';
import { fitFile, formatFitResult, parseFitArgs } from './fit';
import { errorLine } from './error-line';
import { inspectPath } from './inspect-path';
import { lintPath, parseLintArgs } from './lint';
import { formatScaffoldSummary, parseManifestArgs, writeManifestScaffold } from './manifest';
import { parseValidateArgs, validateFile } from './validate';
import { parsePrelabelArgs, prelabelFolder } from './prelabel';

/** Where the CLI writes: `out` for results (stdout), `err` for one-line failures (stderr). */
export type CliWriter = (line: string) => void;

/**
 * The headless entry (`npx frustum`): runs in node on the same pure modules as the app. Answers `help`,
 * `version`, `inspect <file-or-folder>`, `fit <file> --at x,y [--class id]`, `convert <input> --to <format>
 * -o <out>`, `validate <file.json>`, `lint <input>`, `agree <a> <b>`, `manifest <folder>` and `prelabel <folder> -o <labels.json>`. Resolves to the
 * exit code: 0 done, 1 unreadable input (or nothing to fit at the click, a file that breaks the OpenLABEL schema,
 * a lint finding of severity error, a manifest that would replace a file without --force), 2 misuse.
 */
export async function runCli(
  args: readonly string[],
  env: { lang?: string },
  out: CliWriter,
  err: CliWriter = out,
): Promise<number> {
  const locale = detectLocale([env.lang?.replace('_', '-') ?? 'en']);
  const i18n = createI18n(locale);
  const t = (key: MessageKey, values?: Record<string, string>) => translate(i18n, key, values);
  // A failure in English as thrown; in another language, said by its code where it has one.
  const oneLine = (error: unknown) => errorLine(error, locale, i18n);
  const [command = 'help'] = args;
  switch (command) {
    case 'help':
    case '--help':
    case '-h':
      out(`frustum ${FRUSTUM_VERSION}`);
      out(t('cli.usage'));
      out('');
      out(t('cli.commands'));
      out(`  ${t('cli.help')}`);
      out(`  ${t('cli.version')}`);
      out(`  ${t('cli.inspect')}`);
      out(`  ${t('cli.fit')}`);
      out(`  ${t('cli.convert')}`);
      out(`  ${t('cli.validate')}`);
      out(`  ${t('cli.lint')}`);
      out(`  ${t('cli.agree')}`);
      out(`  ${t('cli.manifest')}`);
      out(`  ${t('cli.prelabel')}`);
      return 0;
    case 'version':
    case '--version':
    case '-v':
      out(FRUSTUM_VERSION);
      return 0;
    case 'inspect': {
      const rest = args.slice(1).filter((a) => a !== '--verbose');
      const target = rest[0];
      if (!target || rest.length > 1 || target.startsWith('-')) {
        err(t('cli.inspectUsage'));
        return 2;
      }
      try {
        out(JSON.stringify(await inspectPath(target, rest.length < args.length - 1), null, 2));
        return 0;
      } catch (error) {
        // One line, whatever the error held (a manifest error lists one violation a line).
        err(t('cli.failed', { command, message: oneLine(error) }));
        return 1;
      }
    }
    case 'fit': {
      const fit = parseFitArgs(args.slice(1));
      if (!fit) {
        err(t('cli.fitUsage'));
        return 2;
      }
      try {
        const result = await fitFile(fit);
        if (!result) {
          err(t('cli.failed', { command, message: t('cli.fitNothing', { at: `${fit.at.x},${fit.at.y}` }) }));
          return 1;
        }
        out(formatFitResult(result));
        return 0;
      } catch (error) {
        err(t('cli.failed', { command, message: oneLine(error) }));
        return 1;
      }
    }
    case 'convert': {
      const request = parseConvertArgs(args.slice(1));
      if (!request) {
        err(t('cli.convertUsage', { formats: Object.keys(EXPORT_FORMATS).join('|') }));
        return 2;
      }
      try {
        out(JSON.stringify(await convert(request), null, 2));
        return 0;
      } catch (error) {
        err(t('cli.failed', { command, message: oneLine(error) }));
        return 1;
      }
    }
    case 'validate': {
      const request = parseValidateArgs(args.slice(1));
      if (!request) {
        err(t('cli.validateUsage'));
        return 2;
      }
      try {
        const violations = await validateFile(request);
        // One line per violation, each naming the file and the JSON path.
        violations.forEach((line) => err(line));
        if (violations.length === 0) out(t('cli.validateOk', { file: request.file }));
        return violations.length === 0 ? 0 : 1;
      } catch (error) {
        err(t('cli.failed', { command, message: oneLine(error) }));
        return 1;
      }
    }
    case 'prelabel': {
      const request = parsePrelabelArgs(args.slice(1));
      if (!request) {
        err(t('cli.prelabelUsage'));
        return 2;
      }
      try {
        out(JSON.stringify(await prelabelFolder(request), null, 2));
        return 0;
      } catch (error) {
        err(t('cli.failed', { command, message: oneLine(error) }));
        return 1;
      }
    }
    case 'lint': {
      const request = parseLintArgs(args.slice(1));
      if (!request) {
        err(t('cli.lintUsage'));
        return 2;
      }
      try {
        const report = await lintPath(request);
        out(JSON.stringify(report, null, 2));
        // Exit 1 while an error-severity finding is left (dismissed ones do not count): a pipeline's gate.
        return report.counts.error > 0 ? 1 : 0;
      } catch (error) {
        err(t('cli.failed', { command, message: oneLine(error) }));
        return 1;
      }
    }
    case 'agree': {
      const request = parseAgreeArgs(args.slice(1));
      if (!request) {
        err(t('cli.agreeUsage'));
        return 2;
      }
      try {
        out(formatAgreement(await agreeFiles(request)));
        return 0;
      } catch (error) {
        err(t('cli.failed', { command, message: oneLine(error) }));
        return 1;
      }
    }
    case 'manifest': {
      const request = parseManifestArgs(args.slice(1));
      if (!request) {
        err(t('cli.manifestUsage'));
        return 2;
      }
      try {
        const { file, scaffold } = await writeManifestScaffold(request);
        formatScaffoldSummary(file, scaffold).forEach((line) => out(line));
        return 0;
      } catch (error) {
        err(t('cli.failed', { command, message: oneLine(error) }));
        return 1;
      }
    }
    default:
      err(t('cli.unknown', { command }));
      return 2;
  }
}
