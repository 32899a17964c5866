import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../../../shared/participants/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, TextField, useErrorText } from '../../ui/index.js';
import { useDates } from './dates.js';

interface IdentityCardProps {
  participantId: number;
  /** Whether the shown details hold changes not yet saved. */
  onDirtyChange: (dirty: boolean) => void;
}

const fields = ['name', 'phone', 'email', 'address'] as const;

/**
 * Name, phone, e-mail and address: hidden until the researcher asks (each showing is audited), and
 * gone from the screen again when they hide them or leave the participant (the state dies with it).
 */
export function IdentityCard({ participantId, onDirtyChange }: IdentityCardProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { day } = useDates();
  const [deletedAt, setDeletedAt] = useState<string | null | undefined>(undefined);
  const [identity, setIdentity] = useState<Identity | null>(null);
  // What is stored, as last read or saved: the form is dirty when it differs.
  const [storedIdentity, setStoredIdentity] = useState<Identity | null>(null);
  const dirty = identity !== null && storedIdentity !== null && fields.some((field) => identity[field] !== storedIdentity[field]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const showRef = useRef<HTMLButtonElement>(null);
  const firstFieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    invoke('participants.identityStatus', {}).then((status) => setDeletedAt(status.deletedAt), setError);
  }, []);
  const shown = identity !== null;
  useEffect(() => {
    if (shown) firstFieldRef.current?.focus();
  }, [shown]);

  async function show() {
    setError(null);
    try {
      const read = await invoke('participants.identity', { id: participantId });
      setIdentity(read);
      setStoredIdentity(read);
    } catch (caught) {
      setError(caught);
    }
  }

  function hide() {
    setIdentity(null);
    setStoredIdentity(null);
    setSaved(false);
    // Focus goes back to the button that shows them again, after it has rendered.
    requestAnimationFrame(() => showRef.current?.focus());
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!identity) return;
    setError(null);
    try {
      const written = await invoke('participants.updateIdentity', { id: participantId, identity });
      setIdentity(written);
      setStoredIdentity(written);
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="notice" aria-labelledby="identity-heading">
      <h3 id="identity-heading" className="notice__title">
        {t('participants.identity.heading')}
      </h3>
      <p>{t('participants.identity.marker')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {deletedAt ? (
        <Alert tone="info">{t('participants.identity.deletedOn', { date: day(deletedAt) })}</Alert>
      ) : deletedAt === undefined ? null : identity === null ? (
        <>
          <p className="muted small">{t('participants.identity.viewedNote')}</p>
          <div className="actions">
            <button ref={showRef} type="button" className="button button--secondary" onClick={() => void show()}>
              {t('participants.identity.show')}
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={(event) => void save(event)} noValidate aria-label={t('participants.identity.heading')}>
          {fields.map((field, index) => (
            <TextField
              key={field}
              label={t(`participants.identity.${field}`)}
              value={identity[field]}
              onValueChange={(value) => {
                setIdentity({ ...identity, [field]: value });
                setSaved(false);
              }}
              type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
              autoComplete="off"
              spellCheck={false}
              className="input input--wide"
              inputRef={index === 0 ? firstFieldRef : undefined}
            />
          ))}
          <div className="actions">
            <Button type="submit" variant="primary">
              {t('participants.identity.save')}
            </Button>
            <Button onClick={hide}>{t('participants.identity.hide')}</Button>
            <p role="status" className="save-status">
              {saved ? t('participants.identity.saved') : ''}
            </p>
          </div>
        </form>
      )}
    </section>
  );
}
