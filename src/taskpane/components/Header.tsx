/** Title and the language switch (Vietnamese first). */
import { Link, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { Lang } from '../../i18n/format';
import { T } from '../../i18n/ui';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  logo: { width: '32px', height: '32px', flexShrink: 0 },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  subtitle: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  langs: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  help: { fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  // The language buttons above the help link: side by side they left the title a third of the
  // pane at 350 px, and it took three lines.
  side: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', rowGap: tokens.spacingVerticalXXS, flexShrink: 0 },
  // Compact language buttons: Fluent's default minimum width squeezed the title to three lines at 350 px.
  lang: { minWidth: 'auto', paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
});

export function Header({ lang, onLang, t }: { lang: Lang; onLang: (l: Lang) => void; t: T }) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <img className={styles.logo} src="assets/icon-32.png" alt="" width={32} height={32} />
      <div className={styles.titles}>
        <h1 className={styles.title}>{t('appTitle')}</h1>
        <span className={styles.subtitle}>{t('appSubtitle')}</span>
      </div>
      <div className={styles.side}>
        <div className={styles.langs} role="group" aria-label={t('language')}>
          <ToggleButton className={styles.lang} size="small" appearance="subtle" checked={lang === 'vi'} aria-label={t('langVi')} lang="vi" onClick={() => onLang('vi')}>
            VI
          </ToggleButton>
          <ToggleButton className={styles.lang} size="small" appearance="subtle" checked={lang === 'en'} aria-label={t('langEn')} lang="en" onClick={() => onLang('en')}>
            EN
          </ToggleButton>
        </div>
        <Link className={styles.help} href="help.html" target="_blank" rel="noopener" aria-label={t('helpLong')}>
          {t('help')}
        </Link>
      </div>
    </header>
  );
}
