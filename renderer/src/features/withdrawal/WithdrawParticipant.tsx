import { useEffect, useId, useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  withdrawalScopes,
  type WithdrawalPlan,
  type WithdrawalReceipt,
  type WithdrawalScope,
} from '../../../../shared/withdrawal/contract.js';
import { invoke } from '../../bridge/index.js';
import { currentLanguage } from '../../i18n/index.js';
import { Alert, Button, Field, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';

export interface WithdrawalProps {
  participantId: number;
  pseudonym: string;
  /** Called after the withdrawal is carried out (or the export saved), e.g. to reload the participant. */
  onDone?: (() => void) | undefined;
}

function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Record a withdrawal: when, how, and what the letter promised; see exactly what will be deleted and
 * kept; confirm by typing the pseudonym. Everything is deleted in one step in the core.
 */
export function WithdrawParticipant({ participantId, pseudonym, onDone }: WithdrawalProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [scope, setScope] = useState<WithdrawalScope>('deleteEverything');
  const [withdrawnOn, setWithdrawnOn] = useState(today);
  const [communicatedHow, setCommunicatedHow] = useState('');
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const [plan, setPlan] = useState<WithdrawalPlan | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<WithdrawalReceipt | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const [planChanged, setPlanChanged] = useState(false);
  // The plan is fetched again whenever focus comes into this card from elsewhere: the researcher may
  // have added details in another card since, and must confirm what is really there.
  const [refresh, setRefresh] = useState(0);
  useEffect(() => {
    let current = true;
    invoke('withdrawal.plan', { participantId, scope }).then(
      (next) => {
        if (current) setPlan(next);
      },
      (caught: unknown) => {
        if (current) setError(caught);
      },
    );
    return () => {
      current = false;
    };
  }, [participantId, scope, receipt, refresh]);

  function focusEntered(event: FocusEvent<HTMLElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setRefresh((count) => count + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (typed.trim() !== pseudonym) {
      showErrorsAndFocus(formRef.current, () => setTypedError(t('withdrawal.confirmRequired')));
      return;
    }
    setTypedError(null);
    setError(null);
    setPlanChanged(false);
    setBusy(true);
    try {
      // Confirm only what was shown: if the list changed meanwhile, show the new one and ask again.
      const fresh = await invoke('withdrawal.plan', { participantId, scope });
      if (JSON.stringify(fresh) !== JSON.stringify(plan)) {
        setPlan(fresh);
        setPlanChanged(true);
        return;
      }
      const done = await invoke('withdrawal.confirm', { participantId, scope, withdrawnOn, communicatedHow, typedPseudonym: typed, language: currentLanguage() });
      setReceipt(done);
      onDone?.();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const heading = <h3 id={`${id}-heading`}>{t('withdrawal.heading', { pseudonym })}</h3>;

  if (receipt) {
    const rows = Object.values(receipt.deleted).reduce((sum, count) => sum + count, 0);
    return (
      <section className="card" aria-labelledby={`${id}-heading`}>
        {heading}
        <Alert tone="success">{t('withdrawal.done', { pseudonym, rows })}</Alert>
        {plan && plan.recordingsOutsideStudy > 0 ? (
          <Alert tone="warning">{t('withdrawal.outside', { count: plan.recordingsOutsideStudy })}</Alert>
        ) : null}
      </section>
    );
  }

  if (plan?.alreadyWithdrawn) {
    return (
      <section className="card" aria-labelledby={`${id}-heading`}>
        {heading}
        <Alert tone="info">{t('withdrawal.alreadyWithdrawn', { pseudonym })}</Alert>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`} onFocus={focusEntered}>
      {heading}
      <p className="muted">{t('withdrawal.intro')}</p>
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="form">
        <Field label={t('withdrawal.date')}>
          {(control) => (
            <input
              {...control}
              type="date"
              className="input input--date"
              required
              value={withdrawnOn}
              onChange={(event) => setWithdrawnOn(event.target.value || today())}
            />
          )}
        </Field>
        <TextField
          label={t('withdrawal.communicated')}
          hint={t('withdrawal.communicatedHint')}
          value={communicatedHow}
          onValueChange={setCommunicatedHow}
          maxLength={500}
          className="input input--wide"
        />
        <fieldset className="fieldset radio-group">
          <legend>{t('withdrawal.scope')}</legend>
          {withdrawalScopes.map((option) => (
            <div className="radio" key={option}>
              <input
                type="radio"
                id={`${id}-scope-${option}`}
                name={`${id}-scope`}
                value={option}
                checked={scope === option}
                onChange={() => setScope(option)}
              />
              <label htmlFor={`${id}-scope-${option}`}>{t(`withdrawal.scopes.${option}`)}</label>
            </div>
          ))}
        </fieldset>

        <h4>{t('withdrawal.planHeading')}</h4>
        {plan ? <PlanTables plan={plan} /> : <p className="muted">{t('withdrawal.planLoading')}</p>}
        {plan && plan.recordingsOutsideStudy > 0 ? (
          <Alert tone="warning">{t('withdrawal.outside', { count: plan.recordingsOutsideStudy })}</Alert>
        ) : null}
        <p className="muted">{t('withdrawal.backupsNote')}</p>

        <TextField
          label={t('withdrawal.confirmLabel', { pseudonym })}
          hint={t('withdrawal.confirmHint')}
          value={typed}
          onValueChange={setTyped}
          error={typedError}
          autoComplete="off"
          spellCheck={false}
          className="input"
        />
        {planChanged ? <Alert tone="warning">{t('withdrawal.planChanged')}</Alert> : null}
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="danger" disabled={busy || !plan}>
            {busy ? t('withdrawal.busy') : t('withdrawal.confirmButton')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** A text whose key is built from data the core sends (a table or column name); falls back to the name. */
type LooseT = (key: string, options: { defaultValue: string; [name: string]: unknown }) => string;

function wordsFor(t: unknown, group: 'tables' | 'because' | 'columns', name: string): string {
  return (t as LooseT)(`withdrawal.${group}.${name}`, { defaultValue: name });
}

/** The plan as two tables: what goes, and what stays with the reason (only what the participant has). */
function PlanTables({ plan }: { plan: WithdrawalPlan }) {
  const { t } = useTranslation();
  const deleted = plan.deleted.filter((item) => item.rows > 0);
  const kept = plan.kept.filter((item) => item.rows > 0);
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('withdrawal.deletedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('withdrawal.columnWhat')}</th>
              <th scope="col" className="table__number">
                {t('withdrawal.columnCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {deleted.map((item) => (
              <tr key={item.table}>
                <th scope="row">{wordsFor(t, 'tables', item.table)}</th>
                <td className="table__number">{item.rows}</td>
              </tr>
            ))}
            {deleted.length === 0 ? (
              <tr>
                <td colSpan={2}>{t('withdrawal.nothingToDelete')}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('withdrawal.keptCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('withdrawal.columnWhat')}</th>
              <th scope="col" className="table__number">
                {t('withdrawal.columnCount')}
              </th>
              <th scope="col">{t('withdrawal.columnWhy')}</th>
            </tr>
          </thead>
          <tbody>
            {kept.map((item) => (
              <tr key={item.table}>
                <th scope="row">{wordsFor(t, 'tables', item.table)}</th>
                <td className="table__number">{item.rows}</td>
                <td>
                  {item.keptBecause ? wordsFor(t, 'because', item.keptBecause) : null}
                  {item.cleared.length > 0
                    ? ` ${t('withdrawal.emptied', {
                        columns: item.cleared
                          .map((column) => wordsFor(t, 'columns', column))
                          .join(', '),
                      })}`
                    : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
