import { createI18n, detectLocale, translate, type MessageKey } from '../i18n/i18n';
import { FRUSTUM_VERSION } from '../core/version';

/**
 * The headless entry (`npx frustum`): runs in node on the same pure modules as the app. Commands that read
 * and write scene files arrive with the readers; today it answers `help` and `version`.
 */
export function runCli(args: readonly string[], env: { lang?: string }, out: (line: string) => void): number {
  const i18n = createI18n(detectLocale([env.lang?.replace('_', '-') ?? 'en']));
  const t = (key: MessageKey, values?: Record<string, string>) => translate(i18n, key, values);
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
      return 0;
    case 'version':
    case '--version':
    case '-v':
      out(FRUSTUM_VERSION);
      return 0;
    default:
      out(t('cli.unknown', { command }));
      return 2;
  }
}
