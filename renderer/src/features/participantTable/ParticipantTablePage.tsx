import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantTableView } from '../../../../shared/participantTable/contract.js';
import type { TableAttribute } from '../../../../shared/participantTable/definition.js';
import { band } from '../../../../shared/participantTable/engine.js';
import { folderOf, joinPath } from '../../app/paths.js';
import { invoke } from '../../bridge/index.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Alert, Button, ExportFileField, Field, TextField, useErrorText } from '../../ui/index.js';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { draftProblems, fromDraft, toDraft, type ColumnDraft, type RuleKind, type TableDraft } from './draft.js';
import { SelectField } from './SelectField.js';
import { TablePreview } from './TablePreview.js';

const ruleKinds: readonly RuleKind[] = ['asIs', 'bands', 'groups', 'timeBefore', 'leftOut'];
const formats = ['docx', 'xlsx', 'csv'] as const;
type Format = (typeof formats)[number];

interface Props {
  study: StudySummary;
  onDirtyChange: (dirty: boolean) => void;
}

/** The thesis's table 1: choose columns and rules, see the table and its risks, export it. */
export function ParticipantTablePage({ study, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = currentLanguage();
  const [view, setView] = useState<ParticipantTableView | null>(null);
  const [draft, setDraft] = useState<TableDraft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    invoke('participantTable.get', { language }).then((loaded) => {
      setView(loaded);
      setDraft(toDraft(loaded.definition, loaded.attributes));
    }, setError);
  }, [language]);

  function change(next: TableDraft) {
    setDraft(next);
    setSaved(false);
    if (!dirty) {
      setDirty(true);
      onDirtyChange(true);
    }
  }

  function loaded(next: ParticipantTableView) {
    setView(next);
    setDraft(toDraft(next.definition, next.attributes));
    setDirty(false);
    onDirtyChange(false);
  }

  async function save(): Promise<boolean> {
    if (!draft) return false;
    if (Object.keys(draftProblems(draft)).length > 0) {
      setShowProblems(true);
      return false;
    }
    setBusy(true);
    setError(null);
    try {
      loaded(await invoke('participantTable.save', { definition: fromDraft(draft), language }));
      setShowProblems(false);
      setSaved(true);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function reshuffle() {
    setBusy(true);
    setError(null);
    try {
      if (dirty && !(await save())) return;
      loaded(await invoke('participantTable.reshuffle', { language }));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (!view || !draft) {
    return error ? <Alert tone="error">{errorText(error)}</Alert> : <p className="muted">{t('participantTable.loading')}</p>;
  }

  const attributes = new Map(view.attributes.map((attribute) => [attribute.id, attribute]));
  const problems = showProblems ? draftProblems(draft) : {};
  const setColumn = (index: number, changes: Partial<ColumnDraft>) =>
    change({ ...draft, columns: draft.columns.map((column, at) => (at === index ? { ...column, ...changes } : column)) });
  const move = (index: number, by: -1 | 1) => {
    const columns = [...draft.columns];
    const [moved] = columns.splice(index, 1);
    columns.splice(index + by, 0, moved!);
    change({ ...draft, columns });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  return (
    <div className="stack">
      <header>
        <h2>{t('participantTable.heading')}</h2>
        <p className="lead">{t('participantTable.intro')}</p>
      </header>
      <form onSubmit={submit} noValidate className="stack">
        <section className="card" aria-labelledby="table-columns-heading">
          <h3 id="table-columns-heading">{t('participantTable.columns.heading')}</h3>
          <p className="muted">{t('participantTable.columns.hint')}</p>
          {draft.columns.length === 0 ? <p className="muted">{t('participantTable.columns.noAttributes')}</p> : null}
          <div className="stack">
            {draft.columns.map((column, index) => {
              const attribute = attributes.get(column.attributeId);
              if (!attribute) return null;
              return (
                <div key={column.attributeId} className="list-row">
                  <ColumnEditor
                    column={column}
                    attribute={attribute}
                    problem={problems[column.attributeId]}
                    onChange={(changes) => setColumn(index, changes)}
                  />
                  <div className="list-row__remove">
                    <Button variant="quiet" aria-label={t('participantTable.columns.moveUp', { name: attribute.name })} disabled={index === 0} onClick={() => move(index, -1)}>
                      ↑
                    </Button>
                    <Button
                      variant="quiet"
                      aria-label={t('participantTable.columns.moveDown', { name: attribute.name })}
                      disabled={index === draft.columns.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </Button>
                  </div>
                </div>
              );
            })}
          </div>
        </section>

        <section className="card" aria-labelledby="table-options-heading">
          <h3 id="table-options-heading">{t('participantTable.options.heading')}</h3>
          <TextField
            label={t('participantTable.options.caption')}
            hint={t('participantTable.options.captionHint')}
            value={draft.caption}
            onValueChange={(caption) => change({ ...draft, caption })}
            className="input input--wide"
            maxLength={500}
          />
          <SelectField
            label={t('participantTable.options.order')}
            hint={t('participantTable.options.orderHint')}
            value={draft.order}
            onValueChange={(order) =>
              change({ ...draft, order, orderAttributeId: order === 'attribute' ? (draft.orderAttributeId ?? view.attributes[0]?.id ?? null) : draft.orderAttributeId })
            }
            options={(['pseudonym', 'attribute', 'shuffled'] as const).map((value) => ({ value, label: t(`participantTable.options.orders.${value}`) }))}
            after={
              draft.order === 'shuffled' && !dirty ? (
                <Button onClick={() => void reshuffle()} disabled={busy}>
                  {t('participantTable.options.reshuffle')}
                </Button>
              ) : null
            }
          />
          {draft.order === 'attribute' && view.attributes.length > 0 ? (
            <SelectField
              label={t('participantTable.options.orderAttribute')}
              value={String(draft.orderAttributeId ?? view.attributes[0]!.id)}
              onValueChange={(id) => change({ ...draft, orderAttributeId: Number(id) })}
              options={view.attributes.map((attribute) => ({ value: String(attribute.id), label: attribute.name }))}
            />
          ) : null}
          <Checkbox
            label={t('participantTable.options.showPseudonym')}
            hint={t('participantTable.options.showPseudonymHint')}
            checked={draft.showPseudonym}
            onChange={(showPseudonym) => change({ ...draft, showPseudonym })}
          />
        </section>

        <div className="actions actions--sticky">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('participantTable.save')}
          </Button>
          {dirty ? <span className="save-status--dirty">{t('participantTable.unsaved')}</span> : null}
        </div>
        {saved ? <Alert tone="success">{t('participantTable.saved')}</Alert> : null}
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      </form>

      <TablePreview view={view} />
      <TableExport study={study} beforeExport={async () => !dirty || (await save())} disabled={busy} />
    </div>
  );
}

function Checkbox({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={`${id}-hint`} />
      <div>
        <label htmlFor={id}>{label}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      </div>
    </div>
  );
}

interface ColumnEditorProps {
  column: ColumnDraft;
  attribute: TableAttribute;
  problem: 'band' | 'date' | undefined;
  onChange: (changes: Partial<ColumnDraft>) => void;
}

function ColumnEditor({ column, attribute, problem, onChange }: ColumnEditorProps) {
  const { t } = useTranslation();
  const name = attribute.name;
  const example = (() => {
    const width = Number(column.width);
    const start = Number(column.start);
    if (!Number.isInteger(width) || width < 1 || !Number.isInteger(start)) return null;
    return [0, 1, 2].map((step) => band(start + step * width, width, start, currentLanguage())).join(', ');
  })();
  return (
    <div className="stack">
      <div className="field-pair">
        <SelectField
          label={t('participantTable.columns.rule', { name })}
          value={column.rule}
          onValueChange={(rule) => onChange({ rule })}
          options={ruleKinds.map((value) => ({ value, label: t(`participantTable.columns.rules.${value}`) }))}
        />
        {column.rule !== 'leftOut' ? (
          <TextField
            label={t('participantTable.columns.columnHeading', { name })}
            hint={t('participantTable.columns.columnHeadingHint')}
            value={column.heading}
            placeholder={name}
            onValueChange={(heading) => onChange({ heading })}
            maxLength={200}
          />
        ) : null}
      </div>
      {column.rule === 'bands' ? (
        <div className="field-pair">
          <TextField
            label={t('participantTable.columns.bandWidth')}
            value={column.width}
            onValueChange={(width) => onChange({ width })}
            inputMode="numeric"
            className="input input--number"
            error={problem === 'band' ? t('participantTable.invalidBand') : null}
            hint={example ? t('participantTable.columns.bandExample', { example }) : undefined}
          />
          <TextField
            label={t('participantTable.columns.bandStart')}
            value={column.start}
            onValueChange={(start) => onChange({ start })}
            inputMode="numeric"
            className="input input--number"
          />
        </div>
      ) : null}
      {column.rule === 'groups' ? (
        <>
          <Field
            label={t('participantTable.columns.groups', { name })}
            hint={`${t('participantTable.columns.groupsHint')} ${
              attribute.values.length > 0 ? t('participantTable.columns.valuesEntered', { values: attribute.values.join('; ') }) : t('participantTable.columns.noValuesEntered')
            }`}
          >
            {(control) => <textarea {...control} className="textarea" rows={3} value={column.groups} onChange={(event) => onChange({ groups: event.target.value })} />}
          </Field>
          <TextField
            label={t('participantTable.columns.otherLabel')}
            hint={t('participantTable.columns.otherLabelHint')}
            value={column.otherLabel}
            onValueChange={(otherLabel) => onChange({ otherLabel })}
            maxLength={200}
          />
        </>
      ) : null}
      {column.rule === 'timeBefore' ? (
        <TextField
          type="date"
          label={t('participantTable.columns.referenceDate')}
          hint={t('participantTable.columns.referenceDateHint')}
          value={column.referenceDate}
          onValueChange={(referenceDate) => onChange({ referenceDate })}
          className="input input--date"
          error={problem === 'date' ? t('participantTable.invalidDate') : null}
        />
      ) : null}
    </div>
  );
}

function TableExport({ study, beforeExport, disabled }: { study: StudySummary; beforeExport: () => Promise<boolean>; disabled: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [format, setFormat] = useState<Format>('docx');
  const [target, setTarget] = useState(() => joinPath(folderOf(study.path), `${t('participantTable.export.fileName')}.docx`));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ path: string; rows: number; columns: number } | null>(null);
  const [busy, setBusy] = useState(false);

  function chooseFormat(next: Format) {
    setFormat(next);
    // Keep the name the researcher typed; change only the extension we suggested.
    setTarget((current) => current.replace(/\.(docx|xlsx|csv)$/i, `.${next}`));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setError(null);
    if (!target.trim()) {
      setFieldError(t('participantTable.export.fileRequired'));
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      if (!(await beforeExport())) return;
      setDone(await invoke('participantTable.export', { format, path: target.trim(), language: currentLanguage() }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="table-export-heading">
      <h3 id="table-export-heading">{t('participantTable.export.heading')}</h3>
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <SelectField
          label={t('participantTable.export.format')}
          value={format}
          onValueChange={chooseFormat}
          options={formats.map((value) => ({ value, label: t(`participantTable.export.formats.${value}`) }))}
        />
        <ExportFileField
          label={t('participantTable.export.file')}
          hint={t('participantTable.export.fileHint')}
          value={target}
          onValueChange={setTarget}
          format={format}
          error={fieldError}
        />
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy || disabled}>
            {t('participantTable.export.submit')}
          </Button>
        </div>
      </form>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{t('participantTable.export.done', done)}</Alert> : null}
    </section>
  );
}
