/** "Chỉ đơn vị của tôi" and the filters by responsible party and standard. */
import { Button, Field, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { Lang } from '../../i18n/format';
import { T } from '../../i18n/ui';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  mine: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  row: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  select: { minWidth: 0, width: '100%' },
  shown: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface FilterBarProps {
  lang: Lang;
  t: T;
  parties: string[];
  standards: Array<{ code: string; title: string; titleEn: string }>;
  party: string;
  standard: string;
  onParty: (p: string) => void;
  onStandard: (s: string) => void;
  onlyMine: boolean;
  myParty: string;
  onOnlyMine: (on: boolean) => void;
  onMyParty: (p: string) => void;
  filtered: boolean;
  onClear: () => void;
}

export function FilterBar(p: FilterBarProps) {
  const styles = useStyles();
  const { t, lang } = p;
  return (
    <section className={styles.root} aria-label={t('filtersTitle')} data-section="filters">
      <div className={styles.mine}>
        <Switch label={t('myDept')} checked={p.onlyMine} onChange={(_, d) => p.onOnlyMine(d.checked)} data-my-dept-switch />
        {p.onlyMine || p.myParty ? (
          <Field label={t('myDeptPick')} size="small">
            <Select className={styles.select} value={p.myParty} onChange={(_, d) => p.onMyParty(d.value)} data-my-dept-select>
              <option value="">{t('myDeptPlaceholder')}</option>
              {p.parties.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>
      <div className={styles.row}>
        <Field label={t('filterParty')} size="small">
          <Select className={styles.select} value={p.onlyMine ? p.myParty : p.party} disabled={p.onlyMine} onChange={(_, d) => p.onParty(d.value)} data-filter="party">
            <option value="">{t('allParties')}</option>
            {p.parties.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('filterStandard')} size="small">
          <Select className={styles.select} value={p.standard} onChange={(_, d) => p.onStandard(d.value)} data-filter="standard">
            <option value="">{t('allStandards')}</option>
            {p.standards.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} {lang === 'en' ? s.titleEn : s.title}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.shown}>
        {p.filtered ? (
          <Button size="small" appearance="transparent" onClick={p.onClear}>
            {t('clearFilters')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
