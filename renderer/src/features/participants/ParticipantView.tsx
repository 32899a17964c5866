import { Fragment, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { participantStatuses, settableStatuses, type Attribute, type ParticipantDetail, type SettableStatus } from '../../../../shared/participants/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, Field, TextField, UnsavedChangesDialog, errorCodeOf, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import { AccessExport, WithdrawParticipant } from '../withdrawal/index.js';
import { AttributeValuesForm } from './AttributeValuesForm.js';
import { IdentityCard } from './IdentityCard.js';
import { today, useDates } from './dates.js';

interface ParticipantViewProps {
  id: number;
  onBack: () => void;
  /** Whether a form on this page holds changes not yet saved (the study screen asks before leaving). */
  onDirtyChange: (dirty: boolean) => void;
}

type DirtyPart = 'values' | 'identity';

/** One participant: pseudonym, status and its dates, attributes, and (only when asked) identifying details. */
export function ParticipantView({ id, onBack, onDirtyChange }: ParticipantViewProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [detail, setDetail] = useState<ParticipantDetail | null>(null);
  const [attributes, setAttributes] = useState<Attribute[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dirtyParts, setDirtyParts] = useState<Record<DirtyPart, boolean>>({ values: false, identity: false });
  const [askingToLeave, setAskingToLeave] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const dirty = dirtyParts.values || dirtyParts.identity;
  const reportDirty = useMemo(() => {
    const reporter = (part: DirtyPart) => (partDirty: boolean) =>
      setDirtyParts((current) => (current[part] === partDirty ? current : { ...current, [part]: partDirty }));
    return { values: reporter('values'), identity: reporter('identity') };
  }, []);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  const back = () => (dirty ? setAskingToLeave(true) : onBack());

  useEffect(() => {
    invoke('participants.get', { id }).then(setDetail, setError);
    invoke('attributes.list', {}).then(setAttributes, setError);
  }, [id]);
  // After a withdrawal: the status is now 'withdrawn' and the attribute values are gone.
  const reload = () => {
    invoke('participants.get', { id }).then(setDetail, setError);
  };
  const loaded = detail !== null && attributes !== null;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  return (
    <div className="stack">
      <p>
        <Button variant="quiet" onClick={back}>
          <span aria-hidden="true">← </span>
          {t('participants.detail.back')}
        </Button>
      </p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {detail && attributes ? (
        <>
          <h2 className="page-heading" ref={headingRef} tabIndex={-1}>
            {detail.participant.pseudonym}
          </h2>
          <RenameForm detail={detail} onSaved={setDetail} />
          <StatusForm detail={detail} onSaved={setDetail} />
          <AttributeValuesForm
            key={`values-${detail.participant.status}`}
            detail={detail}
            attributes={attributes}
            onSaved={setDetail}
            onDirtyChange={reportDirty.values}
          />
          <IdentityCard key={`identity-${detail.participant.status}`} participantId={id} onDirtyChange={reportDirty.identity} />
          <h3 className="page-heading">{t('participants.detail.dataProtectionHeading')}</h3>
          <AccessExport participantId={id} pseudonym={detail.participant.pseudonym} />
          <WithdrawParticipant participantId={id} pseudonym={detail.participant.pseudonym} onDone={reload} />
        </>
      ) : error ? null : (
        <p role="status">{t('participants.loading')}</p>
      )}
      <UnsavedChangesDialog
        open={askingToLeave}
        onStay={() => setAskingToLeave(false)}
        onDiscard={() => {
          setAskingToLeave(false);
          onDirtyChange(false);
          onBack();
        }}
      />
    </div>
  );
}

interface PartProps {
  detail: ParticipantDetail;
  onSaved: (detail: ParticipantDetail) => void;
}

function RenameForm({ detail, onSaved }: PartProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [pseudonym, setPseudonym] = useState(detail.participant.pseudonym);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    if (!pseudonym.trim()) {
      showErrorsAndFocus(formRef.current, () => setFieldError(t('participants.add.pseudonymRequired')));
      return;
    }
    try {
      const participant = await invoke('participants.rename', { id: detail.participant.id, pseudonym: pseudonym.trim() });
      setFieldError(null);
      setPseudonym(participant.pseudonym);
      onSaved({ ...detail, participant });
      setSaved(true);
    } catch (caught) {
      if (errorCodeOf(caught) === 'participant.pseudonymTaken') {
        showErrorsAndFocus(formRef.current, () => setFieldError(t('errors.participant.pseudonymTaken')));
      } else setError(caught);
    }
  }

  return (
    <form ref={formRef} className="form card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="rename-heading">
      <h3 id="rename-heading">{t('participants.detail.renameHeading')}</h3>
      <TextField
        label={t('participants.add.pseudonym')}
        hint={t('participants.add.pseudonymHint')}
        value={pseudonym}
        onValueChange={(value) => {
          setPseudonym(value);
          setSaved(false);
        }}
        error={fieldError}
        autoComplete="off"
      />
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary">
          {t('participants.detail.savePseudonym')}
        </Button>
        <p role="status" className="save-status">
          {saved ? t('participants.detail.pseudonymSaved') : ''}
        </p>
      </div>
    </form>
  );
}

function StatusForm({ detail, onSaved }: PartProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { date } = useDates();
  const { participant } = detail;
  const next = settableStatuses[Math.min(settableStatuses.indexOf(participant.status as SettableStatus) + 1, settableStatuses.length - 1)];
  const [status, setStatus] = useState<SettableStatus>(next ?? 'asked');
  const [on, setOn] = useState(today());
  const [dateError, setDateError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const withdrawn = participant.status === 'withdrawn';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    if (!on) {
      showErrorsAndFocus(formRef.current, () => setDateError(t('participants.add.dateRequired')));
      return;
    }
    setDateError(null);
    try {
      const changed = await invoke('participants.setStatus', { id: participant.id, status, on });
      onSaved({ ...detail, participant: changed });
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form ref={formRef} className="form card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="status-heading">
      <h3 id="status-heading">{t('participants.detail.statusHeading')}</h3>
      <p>
        {t('participants.detail.currentStatus')}: <strong>{t(`participants.status.${participant.status}`)}</strong>
        {participant.statusDate ? ` (${date(participant.statusDate)})` : null}
      </p>
      <h4>{t('participants.detail.datesHeading')}</h4>
      <dl className="participants-dates">
        {participantStatuses.map((key) =>
          participant.dates[key] ? (
            <Fragment key={key}>
              <dt>{t(`participants.status.${key}`)}</dt>
              <dd>{date(participant.dates[key])}</dd>
            </Fragment>
          ) : null,
        )}
      </dl>
      {withdrawn ? (
        <Alert tone="info">{t('participants.detail.withdrawnNote')}</Alert>
      ) : (
        <>
          <Field label={t('participants.detail.newStatus')} hint={t('participants.detail.withdrawalNote', { pseudonym: participant.pseudonym })}>
            {(control) => (
              <select {...control} className="select" value={status} onChange={(event) => setStatus(event.target.value as SettableStatus)}>
                {settableStatuses.map((option) => (
                  <option key={option} value={option}>
                    {t(`participants.status.${option}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            type="date"
            label={t('participants.detail.statusDate')}
            value={on}
            onValueChange={setOn}
            error={dateError}
            className="input input--date"
          />
          {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
          <div className="actions">
            <Button type="submit" variant="primary">
              {t('participants.detail.changeStatus')}
            </Button>
            <p role="status" className="save-status">
              {saved ? t('participants.detail.statusSaved') : ''}
            </p>
          </div>
        </>
      )}
    </form>
  );
}
