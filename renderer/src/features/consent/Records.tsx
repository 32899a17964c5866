import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { maxScanBytes, type ConsentDocument, type ConsentRecord, type DocumentLanguage, type ParticipantConsents } from '../../../../shared/consent/contract.js';
import type { StudySummary } from '../../../../shared/study/contract.js';
import { fileNameOf, folderOf, joinPath } from '../../app/paths.js';
import { invoke, readAsBase64 } from '../../bridge/index.js';
import { useFormat } from '../../i18n/index.js';
import { Alert, Button, ConfirmDialog, ExportFileField, Field, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';

interface RecordsProps {
  study: StudySummary;
  participants: ParticipantConsents[];
  documents: ConsentDocument[];
  onChanged: () => void;
}

/** Today as the researcher's calendar says, `YYYY-MM-DD`. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A calendar date in the user's language. */
function useDate(): (iso: string) => string {
  const { locale } = useFormat();
  const formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return (iso) => {
    const parsed = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) ? iso : formatter.format(parsed);
  };
}

/** The consent records, one row per participant, and recording a new consent. */
export function Records({ study, participants, documents, onChanged }: RecordsProps) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <section className="card" aria-labelledby="consent-records-heading">
      <h3 id="consent-records-heading">{t('consent.recordsHeading')}</h3>
      <p className="muted">{t('consent.recordsIntro')}</p>
      {participants.length === 0 ? <p className="muted">{t('consent.noParticipants')}</p> : null}
      {message ? <Alert tone="success">{message}</Alert> : null}
      {participants.length > 0 && !recording ? (
        <div className="actions">
          <Button variant="primary" onClick={() => setRecording(true)}>
            {t('consent.recordOpen')}
          </Button>
        </div>
      ) : null}
      {recording ? (
        <RecordConsentForm
          participants={participants}
          documents={documents}
          onCancel={() => setRecording(false)}
          onRecorded={(pseudonym) => {
            setRecording(false);
            setMessage(t('consent.recorded', { pseudonym }));
            onChanged();
          }}
        />
      ) : null}
      {participants.length > 0 ? (
        <div className="table-wrap">
          <table className="table consent-table">
            <caption>{t('consent.recordsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consent.columnParticipant')}</th>
                <th scope="col">{t('consent.columnConsent')}</th>
                <th scope="col">{t('consent.columnOptions')}</th>
                <th scope="col">{t('consent.columnScan')}</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((participant) => (
                <ParticipantRow key={participant.participantId} participant={participant} study={study} onChanged={onChanged} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function ParticipantRow({ participant, study, onChanged }: { participant: ParticipantConsents; study: StudySummary; onChanged: () => void }) {
  const { t } = useTranslation();
  const date = useDate();
  const [latest, ...earlier] = participant.consents;
  const withdrawn = participant.status === 'withdrawn';
  return (
    <tr>
      <th scope="row">{participant.pseudonym}</th>
      <td>
        {latest ? (
          <>
            <div>{latest.signedPlace ? t('consent.signedAt', { date: date(latest.signedOn), place: latest.signedPlace }) : t('consent.signedOn', { date: date(latest.signedOn) })}</div>
            <div className="small muted">
              {t(`consent.method.${latest.method}`)} · {t('consent.versions', { letter: latest.letterVersion, form: latest.formVersion, language: t(`consent.languageShort.${latest.language}`) })}
            </div>
            <div className="small muted">{latest.confirmedOn ? t('consent.confirmedOn', { date: date(latest.confirmedOn) }) : t('consent.notConfirmed')}</div>
            {earlier.length > 0 ? <div className="small muted">{t('consent.earlier', { count: earlier.length })}</div> : null}
            {withdrawn ? <div className="small"><strong>{t('consent.withdrawn')}</strong></div> : null}
          </>
        ) : (
          <strong>{withdrawn ? t('consent.withdrawnShort') : t('consent.noConsent')}</strong>
        )}
      </td>
      <td>
        {latest ? (
          <ul className="small">
            <li>{latest.allowsRecording ? t('consent.optionRecording') : t('consent.optionNoRecording')}</li>
            <li>{latest.allowsQuotes ? t('consent.optionQuotes') : t('consent.optionNoQuotes')}</li>
          </ul>
        ) : null}
      </td>
      <td>{latest ? <Scan consent={latest} pseudonym={participant.pseudonym} study={study} onChanged={onChanged} /> : null}</td>
    </tr>
  );
}

function Scan({ consent, pseudonym, study, onChanged }: { consent: ConsentRecord; pseudonym: string; study: StudySummary; onChanged: () => void }) {
  const { t } = useTranslation();
  const { bytes } = useFormat();
  const errorText = useErrorText();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ url: string | null; mediaType: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [copyTarget, setCopyTarget] = useState(() => joinPath(folderOf(study.path), `${pseudonym} ${consent.scan?.fileName ?? 'scan.pdf'}`));
  const scan = consent.scan;

  async function attach(file: File) {
    setError(null);
    setNote(null);
    if (file.size > maxScanBytes) {
      setNote(t('consent.scanTooLarge'));
      return;
    }
    setBusy(true);
    try {
      await invoke('consent.attachScan', { consentId: consent.id, fileName: file.name, content: await readAsBase64(file) });
      setShown(null);
      setNote(t('consent.scanAttached'));
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function show() {
    setError(null);
    try {
      const loaded = await invoke('consent.scan', { consentId: consent.id });
      if (loaded.mediaType === 'application/pdf') {
        setShown({ url: null, mediaType: loaded.mediaType });
        return;
      }
      // A data: URL, held only in memory while shown: renderer/index.html's policy allows data: images, not blob:.
      setShown({ url: `data:${loaded.mediaType};base64,${loaded.content}`, mediaType: loaded.mediaType });
    } catch (caught) {
      setError(caught);
    }
  }

  async function saveCopy(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const written = await invoke('consent.saveScanCopy', { consentId: consent.id, path: copyTarget.trim() });
      setNote(t('consent.scanCopied', { name: fileNameOf(written.path) }));
    } catch (caught) {
      setError(caught);
    }
  }

  async function remove() {
    setConfirming(false);
    setError(null);
    try {
      await invoke('consent.removeScan', { consentId: consent.id });
      setShown(null);
      setNote(t('consent.scanRemoved'));
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <div className="stack">
      <div className="small">{scan ? t('consent.scanInfo', { name: scan.fileName, size: bytes(scan.bytes) }) : t('consent.noScan')}</div>
      <div className="consent-cell-actions">
        <Button variant="quiet" aria-label={t(scan ? 'consent.replaceScanLabel' : 'consent.attachScanLabel', { pseudonym })} disabled={busy} onClick={() => fileRef.current?.click()}>
          {scan ? t('consent.replaceScan') : t('consent.attachScan')}
        </Button>
        <input
          id={inputId}
          ref={fileRef}
          hidden
          tabIndex={-1}
          type="file"
          accept="application/pdf,image/png,image/jpeg"
          aria-label={t(scan ? 'consent.replaceScanLabel' : 'consent.attachScanLabel', { pseudonym })}
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void attach(file);
          }}
        />
      </div>
      {scan ? (
        <div className="consent-cell-actions">
          {shown ? (
            <Button variant="quiet" onClick={() => setShown(null)}>
              {t('consent.hideScan')}
            </Button>
          ) : (
            <Button variant="quiet" aria-label={t('consent.viewScanLabel', { pseudonym })} onClick={() => void show()}>
              {t('consent.viewScan')}
            </Button>
          )}
          <Button variant="quiet" aria-label={t('consent.removeScanLabel', { pseudonym })} onClick={() => setConfirming(true)}>
            {t('consent.removeScan')}
          </Button>
        </div>
      ) : null}
      {shown?.url ? <img className="consent-scan-image" src={shown.url} alt={t('consent.scanImageAlt', { pseudonym })} /> : null}
      {shown && !shown.url ? (
        <form className="form" onSubmit={(event) => void saveCopy(event)} noValidate>
          <p className="small muted">{t('consent.scanPdfNote')}</p>
          <ExportFileField
            label={t('consent.scanCopyFile')}
            value={copyTarget}
            onValueChange={setCopyTarget}
            format={scan?.mediaType === 'image/png' ? 'png' : scan?.mediaType === 'image/jpeg' ? 'jpg' : 'pdf'}
          />
          <div className="actions">
            <Button type="submit">{t('consent.saveScanCopy')}</Button>
          </div>
        </form>
      ) : null}
      {note ? <p className="small" role="status">{note}</p> : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <ConfirmDialog
        open={confirming}
        title={t('consent.removeScanTitle')}
        body={t('consent.removeScanBody', { pseudonym })}
        confirmLabel={t('consent.removeScanConfirm')}
        cancelLabel={t('consent.cancel')}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

interface RecordConsentFormProps {
  participants: ParticipantConsents[];
  documents: ConsentDocument[];
  onCancel: () => void;
  onRecorded: (pseudonym: string) => void;
}

function RecordConsentForm({ participants, documents, onCancel, onRecorded }: RecordConsentFormProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const selectable = participants.filter((participant) => participant.status !== 'withdrawn');
  const firstWithout = selectable.find((participant) => participant.consents.length === 0);
  const [participantId, setParticipantId] = useState<string>(firstWithout ? String(firstWithout.participantId) : '');
  // The language of the consent recorded last, else the language of the app.
  const lastLanguage = participants
    .flatMap((participant) => participant.consents)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]?.language;
  const [language, setLanguage] = useState<DocumentLanguage>(lastLanguage ?? (i18n.language === 'en' ? 'en' : 'nb'));
  const versionsOf = (kind: 'letter' | 'form', chosen: DocumentLanguage) =>
    documents.filter((document) => document.kind === kind && document.language === chosen).sort((a, b) => b.version - a.version);
  const [letterId, setLetterId] = useState(() => String(versionsOf('letter', language)[0]?.id ?? ''));
  const [formId, setFormId] = useState(() => String(versionsOf('form', language)[0]?.id ?? ''));
  const [signedOn, setSignedOn] = useState(today);
  const [signedPlace, setSignedPlace] = useState('');
  const [method, setMethod] = useState<'paper' | 'digital'>('paper');
  const [allowsRecording, setAllowsRecording] = useState(true);
  const [allowsQuotes, setAllowsQuotes] = useState(true);
  const [confirmed, setConfirmed] = useState(true);
  const [confirmedOn, setConfirmedOn] = useState(today);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  function chooseLanguage(chosen: DocumentLanguage) {
    setLanguage(chosen);
    setLetterId(String(versionsOf('letter', chosen)[0]?.id ?? ''));
    setFormId(String(versionsOf('form', chosen)[0]?.id ?? ''));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!participantId) found.participant = t('consent.participantRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(signedOn)) found.signedOn = t('consent.dateRequired');
    if (confirmed && !/^\d{4}-\d{2}-\d{2}$/.test(confirmedOn)) found.confirmedOn = t('consent.dateRequired');
    if (Object.keys(found).length > 0) {
      showErrorsAndFocus(formRef.current, () => setErrors(found));
      return;
    }
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      const recorded = await invoke('consent.record', {
        participantId: Number(participantId),
        letterId: Number(letterId),
        formId: Number(formId),
        signedOn,
        signedPlace: signedPlace.trim(),
        method,
        allowsRecording,
        allowsQuotes,
        confirmedOn: confirmed ? confirmedOn : null,
      });
      onRecorded(participants.find((participant) => participant.participantId === recorded.participantId)?.pseudonym ?? '');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const versionSelect = (kind: 'letter' | 'form', value: string, set: (value: string) => void) => (
    <Field label={kind === 'letter' ? t('consent.letterVersion') : t('consent.formVersion')}>
      {(control) => (
        <select {...control} className="select" value={value} onChange={(event) => set(event.target.value)}>
          {versionsOf(kind, language).map((document, index) => (
            <option key={document.id} value={document.id}>
              {index === 0 ? t('consent.versionOptionLatest', { version: document.version }) : t('consent.versionOption', { version: document.version })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form ref={formRef} className="form form-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t('consent.recordHeading')}
      </h4>
      <Field label={t('consent.participant')} error={errors.participant}>
        {(control) => (
          <select {...control} className="select" value={participantId} onChange={(event) => setParticipantId(event.target.value)}>
            <option value="">{t('consent.chooseParticipant')}</option>
            {selectable.map((participant) => (
              <option key={participant.participantId} value={participant.participantId}>
                {participant.consents.length > 0 ? t('consent.participantHasConsent', { pseudonym: participant.pseudonym }) : participant.pseudonym}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="fieldset radio-group">
        <legend>{t('consent.documentLanguage')}</legend>
        {(['nb', 'en'] as const).map((option) => (
          <div className="radio" key={option}>
            <input type="radio" id={`${id}-language-${option}`} name={`${id}-language`} checked={language === option} onChange={() => chooseLanguage(option)} />
            <label htmlFor={`${id}-language-${option}`}>{t(`consent.language.${option}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field-pair">
        {versionSelect('letter', letterId, setLetterId)}
        {versionSelect('form', formId, setFormId)}
      </div>
      <div className="field-pair">
        <Field label={t('consent.signedOnLabel')} error={errors.signedOn}>
          {(control) => <input {...control} type="date" className="input input--date" value={signedOn} onChange={(event) => setSignedOn(event.target.value)} />}
        </Field>
        <TextField label={t('consent.signedPlace')} hint={t('consent.signedPlaceHint')} value={signedPlace} onValueChange={setSignedPlace} maxLength={200} />
      </div>
      <fieldset className="fieldset radio-group">
        <legend>{t('consent.methodLabel')}</legend>
        {(['paper', 'digital'] as const).map((option) => (
          <div className="radio" key={option}>
            <input type="radio" id={`${id}-method-${option}`} name={`${id}-method`} checked={method === option} onChange={() => setMethod(option)} />
            <label htmlFor={`${id}-method-${option}`}>{option === 'paper' ? t('consent.methodPaper') : t('consent.methodDigital')}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('consent.optionsLabel')}</legend>
        <div className="checkbox">
          <input id={`${id}-recording`} type="checkbox" checked={allowsRecording} onChange={(event) => setAllowsRecording(event.target.checked)} aria-describedby={`${id}-recording-hint`} />
          <div>
            <label htmlFor={`${id}-recording`}>{t('consent.allowsRecording')}</label>
            <p className="field__hint" id={`${id}-recording-hint`}>
              {t('consent.allowsRecordingHint')}
            </p>
          </div>
        </div>
        <div className="checkbox">
          <input id={`${id}-quotes`} type="checkbox" checked={allowsQuotes} onChange={(event) => setAllowsQuotes(event.target.checked)} />
          <label htmlFor={`${id}-quotes`}>{t('consent.allowsQuotes')}</label>
        </div>
      </fieldset>
      <div className="checkbox">
        <input id={`${id}-confirmed`} type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
        <label htmlFor={`${id}-confirmed`}>{t('consent.confirmed')}</label>
      </div>
      {confirmed ? (
        <Field label={t('consent.confirmedOnLabel')} error={errors.confirmedOn}>
          {(control) => <input {...control} type="date" className="input input--date" value={confirmedOn} onChange={(event) => setConfirmedOn(event.target.value)} />}
        </Field>
      ) : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('consent.recordSave')}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('consent.cancel')}
        </Button>
      </div>
    </form>
  );
}
