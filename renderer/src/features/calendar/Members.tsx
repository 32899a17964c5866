import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { memberLabelMaxLength, type GroupDetail, type Member } from '../../../../shared/calendar/contract.js';
import type { Participant } from '../../../../shared/participants/contract.js';
import { invoke } from '../../bridge/index.js';
import { Alert, Button, ConfirmDialog, Field, FormActions, TextField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';
import { useCalendarFormat } from './format.js';

interface MembersProps {
  detail: GroupDetail;
  onChange: (detail: GroupDetail) => void;
}

/**
 * The group's members by the least identifying label that works (initials or a first name), each
 * optionally linked to a study participant; the programme's capacity; and per member the sessions
 * attended against the completion rule, who completed and when.
 */
export function Members({ detail, onChange }: MembersProps) {
  const { t } = useTranslation();
  const format = useCalendarFormat();
  const errorText = useErrorText();
  const { group, members } = detail;
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [error, setError] = useState<unknown>(null);
  const full = members.length >= group.capacity;
  const completed = members.filter((member) => member.progress.status === 'completed');

  async function remove(member: Member) {
    setRemoving(null);
    setError(null);
    try {
      onChange(await invoke('calendar.members.remove', { id: member.id }));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card" aria-labelledby="cal-members-heading">
      <h4 id="cal-members-heading" className="cal-card-heading">
        {t('calendar.members.heading')}
      </h4>
      <p className="muted">{t('calendar.members.explain')}</p>
      <p>
        <strong>{t('calendar.members.capacity', { count: members.length, capacity: group.capacity })}</strong>
        {members.length > 0 ? <> · {t('calendar.members.completedCount', { count: completed.length, total: members.length })}</> : null}
      </p>
      {full ? <Alert tone="info">{t('calendar.members.full', { capacity: group.capacity })}</Alert> : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}

      {members.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('calendar.members.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.members.columnMember')}</th>
                <th scope="col">{t('calendar.members.columnAttended')}</th>
                <th scope="col">{t('calendar.members.columnStatus')}</th>
                <th scope="col">{t('calendar.members.columnActions')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const progress = member.progress;
                return (
                  <tr key={member.id}>
                    <th scope="row">
                      <strong>{member.label}</strong>
                      {member.participantPseudonym ? <div className="small muted">{t('calendar.members.linkedTo', { pseudonym: member.participantPseudonym })}</div> : null}
                    </th>
                    <td>
                      {t('calendar.members.attended', { attended: progress.attended, total: progress.total })}
                      <div className="small muted">
                        {t('calendar.members.required', { count: progress.required })}
                        {progress.unrecorded > 0 ? ` · ${t('calendar.members.unrecorded', { count: progress.unrecorded })}` : ''}
                      </div>
                    </td>
                    <td>
                      <span className={`cal-status cal-status--${progress.status}`}>
                        {progress.status === 'completed' && progress.completedOn
                          ? t('calendar.members.completedOn', { date: format.date(progress.completedOn) })
                          : t(`calendar.members.status.${progress.status}`)}
                      </span>
                    </td>
                    <td>
                      <div className="row-actions">
                        <Button variant="quiet" aria-label={t('calendar.members.editFor', { label: member.label })} onClick={() => setEditing(member)}>
                          {t('calendar.members.edit')}
                        </Button>
                        <Button variant="quiet" aria-label={t('calendar.members.removeFor', { label: member.label })} onClick={() => setRemoving(member)}>
                          {t('calendar.members.remove')}
                        </Button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('calendar.members.empty')}</p>
      )}

      {editing ? (
        <MemberForm
          key={editing === 'new' ? 'new' : editing.id}
          detail={detail}
          member={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(next) => {
            setEditing(null);
            onChange(next);
          }}
        />
      ) : (
        <div className="actions">
          <Button variant="primary" onClick={() => setEditing('new')} disabled={full}>
            {t('calendar.members.add')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('calendar.members.removeTitle', { label: removing?.label ?? '' })}
        body={t('calendar.members.removeBody')}
        cancelLabel={t('calendar.cancel')}
        confirmLabel={t('calendar.members.removeConfirm')}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && void remove(removing)}
      />
    </section>
  );
}

function MemberForm({ detail, member, onCancel, onSaved }: { detail: GroupDetail; member: Member | null; onCancel: () => void; onSaved: (detail: GroupDetail) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [label, setLabel] = useState(member?.label ?? '');
  const [participantId, setParticipantId] = useState(member?.participantId ? String(member.participantId) : '');
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    invoke('participants.list', {}).then((list) => setParticipants(list.filter((participant) => participant.status !== 'withdrawn')), setError);
    formRef.current?.querySelector('input')?.focus();
  }, []);

  const takenByOthers = new Set(detail.members.filter((other) => other.id !== member?.id && other.participantId !== null).map((other) => other.participantId));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!label.trim()) {
      showErrorsAndFocus(formRef.current, () => setFieldError(t('calendar.members.labelRequired')));
      return;
    }
    setFieldError(null);
    setBusy(true);
    const linked = participantId ? Number(participantId) : null;
    try {
      onSaved(
        member
          ? await invoke('calendar.members.update', { id: member.id, label: label.trim(), participantId: linked })
          : await invoke('calendar.members.add', { groupId: detail.group.id, label: label.trim(), participantId: linked }),
      );
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form cal-subform" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h5 id={`${id}-heading`} className="cal-subheading">
        {member ? t('calendar.members.editHeading', { label: member.label }) : t('calendar.members.addHeading')}
      </h5>
      <TextField
        label={t('calendar.members.label')}
        hint={t('calendar.members.labelHint', { max: memberLabelMaxLength })}
        value={label}
        onValueChange={setLabel}
        error={fieldError}
        maxLength={memberLabelMaxLength}
        autoComplete="off"
        spellCheck={false}
      />
      <Field label={t('calendar.members.participant')} hint={t('calendar.members.participantHint')}>
        {(control) => (
          <select {...control} className="select" value={participantId} onChange={(event) => setParticipantId(event.target.value)}>
            <option value="">{t('calendar.members.noParticipant')}</option>
            {participants.map((participant) => (
              <option key={participant.id} value={participant.id} disabled={takenByOthers.has(participant.id)}>
                {participant.pseudonym}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormActions error={error} submitLabel={member ? t('calendar.save') : t('calendar.members.addSubmit')} cancelLabel={t('calendar.cancel')} onCancel={onCancel} busy={busy} />
    </form>
  );
}
