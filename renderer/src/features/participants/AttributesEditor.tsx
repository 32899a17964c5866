import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { attributeKinds, type AttributeKind } from '../../../../shared/participants/attributes.js';
import type { Attribute } from '../../../../shared/participants/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, ConfirmDialog, Field, TextField, errorCodeOf, showErrorsAndFocus, useErrorText } from '../../ui/index.js';

/** One value per line; blank lines are left out. */
function choicesFrom(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The attributes every participant can have: define, rename, reorder, delete. */
export function AttributesEditor() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [attributes, setAttributes] = useState<Attribute[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Attribute | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    invoke('attributes.list', {}).then(setAttributes, setError);
  }, []);

  async function run(work: () => Promise<Attribute[]>, done = '') {
    setError(null);
    setStatus('');
    try {
      setAttributes(await work());
      setStatus(done);
    } catch (caught) {
      setError(caught);
    }
  }

  async function move(attribute: Attribute, direction: 'up' | 'down') {
    await run(() => invoke('attributes.move', { id: attribute.id, direction }));
    // Keep the focus on the same button of the moved row, so repeated presses keep moving it.
    requestAnimationFrame(() => document.getElementById(`attribute-${attribute.id}-${direction}`)?.focus());
  }

  const kindText = (attribute: Attribute) =>
    attribute.kind === 'choice'
      ? t('participants.attributes.choicesOf', { choices: attribute.choices.join(', ') })
      : t(`participants.attributes.kinds.${attribute.kind}`);

  return (
    <section className="card" aria-labelledby="attributes-heading">
      <h3 id="attributes-heading">{t('participants.attributes.heading')}</h3>
      <p className="muted">{t('participants.attributes.hint')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <p role="status" className="save-status">
        {status}
      </p>
      {attributes ? (
        <div className="table-wrap">
          <table className="table participants-attributes" aria-label={t('participants.attributes.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('participants.attributes.name')}</th>
                <th scope="col">{t('participants.attributes.kind')}</th>
                <th scope="col">{t('participants.attributes.values')}</th>
                <th scope="col">{t('participants.attributes.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {attributes.map((attribute, index) =>
                editing === attribute.id ? (
                  <tr key={attribute.id}>
                    <td colSpan={4}>
                      <EditAttribute
                        attribute={attribute}
                        onCancel={() => setEditing(null)}
                        onSaved={(list) => {
                          setAttributes(list);
                          setEditing(null);
                        }}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={attribute.id}>
                    <th scope="row">{attribute.name}</th>
                    <td>{kindText(attribute)}</td>
                    <td>{t('participants.attributes.valuesCount', { count: attribute.valueCount })}</td>
                    <td className="participants-attributes__actions">
                      <div>
                        <Button
                          id={`attribute-${attribute.id}-up`}
                          variant="quiet"
                          disabled={index === 0}
                          aria-label={t('participants.attributes.moveUp', { name: attribute.name })}
                          onClick={() => void move(attribute, 'up')}
                        >
                          ↑
                        </Button>
                        <Button
                          id={`attribute-${attribute.id}-down`}
                          variant="quiet"
                          disabled={index === attributes.length - 1}
                          aria-label={t('participants.attributes.moveDown', { name: attribute.name })}
                          onClick={() => void move(attribute, 'down')}
                        >
                          ↓
                        </Button>
                        <Button variant="quiet" aria-label={t('participants.attributes.edit', { name: attribute.name })} onClick={() => setEditing(attribute.id)}>
                          {t('participants.attributes.editShort')}
                        </Button>
                        <Button variant="quiet" aria-label={t('participants.attributes.delete', { name: attribute.name })} onClick={() => setDeleting(attribute)}>
                          {t('participants.attributes.deleteShort')}
                        </Button>
                      </div>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : error ? null : (
        <p role="status">{t('participants.loading')}</p>
      )}
      <AddAttribute onAdded={(list, name) => void run(() => Promise.resolve(list), t('participants.attributes.addedNote', { name }))} />
      <ConfirmDialog
        open={deleting !== null}
        title={t('participants.attributes.deleteTitle', { name: deleting?.name ?? '' })}
        body={t('participants.attributes.deleteBody', { count: deleting?.valueCount ?? 0 })}
        confirmLabel={t('participants.attributes.deleteConfirm')}
        cancelLabel={t('participants.attributes.deleteCancel')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const target = deleting;
          setDeleting(null);
          if (target) void run(() => invoke('attributes.delete', { id: target.id }), t('participants.attributes.deleted', { name: target.name }));
        }}
      />
    </section>
  );
}

function EditAttribute({ attribute, onCancel, onSaved }: { attribute: Attribute; onCancel: () => void; onSaved: (list: Attribute[]) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [name, setName] = useState(attribute.name);
  const [choices, setChoices] = useState(attribute.choices.join('\n'));
  const [errors, setErrors] = useState<{ name?: string; choices?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const found: { name?: string; choices?: string } = {};
    if (!name.trim()) found.name = t('participants.attributes.nameRequired');
    if (attribute.kind === 'choice' && choicesFrom(choices).length === 0) found.choices = t('participants.attributes.choicesRequired');
    if (found.name || found.choices) {
      showErrorsAndFocus(formRef.current, () => setErrors(found));
      return;
    }
    try {
      onSaved(await invoke('attributes.update', { id: attribute.id, name: name.trim(), choices: choicesFrom(choices) }));
    } catch (caught) {
      const code = errorCodeOf(caught);
      if (code === 'attribute.nameTaken') showErrorsAndFocus(formRef.current, () => setErrors({ name: t('errors.attribute.nameTaken') }));
      else if (code === 'attribute.choiceInUse') showErrorsAndFocus(formRef.current, () => setErrors({ choices: t('errors.attribute.choiceInUse') }));
      else setError(caught);
    }
  }

  return (
    <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('participants.attributes.editHeading', { name: attribute.name })}>
      <TextField label={t('participants.attributes.name')} value={name} onValueChange={setName} error={errors.name} inputRef={nameRef} autoComplete="off" />
      {attribute.kind === 'choice' ? (
        <Field label={t('participants.attributes.choices')} hint={t('participants.attributes.choicesHint')} error={errors.choices}>
          {(control) => <textarea {...control} className="textarea" rows={4} value={choices} onChange={(event) => setChoices(event.target.value)} />}
        </Field>
      ) : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary">
          {t('participants.attributes.save')}
        </Button>
        <Button onClick={onCancel}>{t('participants.attributes.cancel')}</Button>
      </div>
    </form>
  );
}

function AddAttribute({ onAdded }: { onAdded: (list: Attribute[], name: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AttributeKind>('text');
  const [choices, setChoices] = useState('');
  const [errors, setErrors] = useState<{ name?: string; choices?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const found: { name?: string; choices?: string } = {};
    if (!name.trim()) found.name = t('participants.attributes.nameRequired');
    if (kind === 'choice' && choicesFrom(choices).length === 0) found.choices = t('participants.attributes.choicesRequired');
    if (found.name || found.choices) {
      showErrorsAndFocus(formRef.current, () => setErrors(found));
      return;
    }
    setErrors({});
    try {
      const list = await invoke('attributes.add', { name: name.trim(), kind, choices: kind === 'choice' ? choicesFrom(choices) : [] });
      onAdded(list, name.trim());
      setName('');
      setChoices('');
      setKind('text');
    } catch (caught) {
      if (errorCodeOf(caught) === 'attribute.nameTaken') showErrorsAndFocus(formRef.current, () => setErrors({ name: t('errors.attribute.nameTaken') }));
      else setError(caught);
    }
  }

  return (
    <form ref={formRef} className="form form-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-attribute-heading">
      <h4 id="add-attribute-heading">{t('participants.attributes.addHeading')}</h4>
      <TextField label={t('participants.attributes.newName')} value={name} onValueChange={setName} error={errors.name} autoComplete="off" />
      <Field label={t('participants.attributes.newKind')}>
        {(control) => (
          <select {...control} className="select" value={kind} onChange={(event) => setKind(event.target.value as AttributeKind)}>
            {attributeKinds.map((option) => (
              <option key={option} value={option}>
                {t(`participants.attributes.kinds.${option}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === 'choice' ? (
        <Field label={t('participants.attributes.choices')} hint={t('participants.attributes.choicesHint')} error={errors.choices}>
          {(control) => <textarea {...control} className="textarea" rows={4} value={choices} onChange={(event) => setChoices(event.target.value)} />}
        </Field>
      ) : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <div className="actions">
        <Button type="submit" variant="primary">
          {t('participants.attributes.add')}
        </Button>
      </div>
    </form>
  );
}
