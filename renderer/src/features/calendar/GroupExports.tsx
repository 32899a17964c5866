import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupDetail } from '../../../../shared/calendar/contract.js';
import { fileNameOf, fileSafe, folderOf, joinPath } from '../../app/paths.js';
import { invoke } from '../../bridge/index.js';
import { currentLanguage } from '../../i18n/index.js';
import { Alert, Button, ExportFileField, showErrorsAndFocus, useErrorText } from '../../ui/index.js';

const exportKinds = ['ics', 'schedulePdf', 'scheduleDocx', 'attendance'] as const;
type ExportKind = (typeof exportKinds)[number];

const extensions: Record<ExportKind, string> = { ics: 'ics', schedulePdf: 'pdf', scheduleDocx: 'docx', attendance: 'xlsx' };

/** "reSTART vår 2027 calendar.ics" in the chosen folder. */
function suggestedFile(folder: string, groupName: string, word: string, kind: ExportKind): string {
  return joinPath(folder, `${fileSafe(`${groupName} ${word}`)}.${extensions[kind]}`);
}

/**
 * The group's exports: the calendar file for Outlook or Google (sessions with theme and room, no
 * member), the printable schedule for members, and the attendance list for the leaders (the only
 * one with members' labels). Saved only where the researcher says.
 */
export function GroupExports({ detail }: { detail: GroupDetail }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<ExportKind>('ics');
  const [target, setTarget] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const groupName = detail.group.name;
  const icsWord = t('calendar.exports.fileWord.ics');

  // Suggested beside the study file, a folder the researcher knows; a path already typed is kept.
  useEffect(() => {
    let current = true;
    invoke('study.state', {}).then(
      (state) => {
        if (!current || state.status !== 'open') return;
        const folder = folderOf(state.study.path);
        setTarget((existing) => existing || suggestedFile(folder, groupName, icsWord, 'ics'));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [groupName, icsWord]);

  function choose(next: ExportKind) {
    setKind(next);
    setDone(null);
    // Our own suggestion follows the choice; a name the researcher typed keeps all but its extension.
    const wordOf = (which: ExportKind) => t(`calendar.exports.fileWord.${which}`);
    setTarget((path) => {
      if (!path) return path;
      const folder = folderOf(path);
      if (path === suggestedFile(folder, groupName, wordOf(kind), kind)) return suggestedFile(folder, groupName, wordOf(next), next);
      return `${path.replace(/\.(ics|pdf|docx|xlsx)$/i, '')}.${extensions[next]}`;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const path = target.trim();
    if (!path) {
      showErrorsAndFocus(formRef.current, () => setFieldError(t('calendar.exports.fileRequired')));
      return;
    }
    setFieldError(null);
    setError(null);
    setDone(null);
    setBusy(true);
    const language = currentLanguage();
    const groupId = detail.group.id;
    try {
      if (kind === 'ics') {
        const answer = await invoke('calendar.export.ics', { groupId, path, language });
        setDone(t('calendar.exports.doneIcs', { name: fileNameOf(answer.path), count: answer.events }));
      } else if (kind === 'attendance') {
        const answer = await invoke('calendar.export.attendance', { groupId, path, language });
        setDone(t('calendar.exports.doneAttendance', { name: fileNameOf(answer.path), members: answer.members, sessions: answer.sessions }));
      } else {
        const answer = await invoke('calendar.export.schedule', { groupId, path, language, format: kind === 'schedulePdf' ? 'pdf' : 'docx' });
        setDone(t('calendar.exports.doneSchedule', { name: fileNameOf(answer.path), count: answer.sessions }));
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="cal-exports-heading">
      <h4 id="cal-exports-heading" className="cal-card-heading">
        {t('calendar.exports.heading')}
      </h4>
      <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="fieldset radio-group">
          <legend>{t('calendar.exports.what')}</legend>
          {exportKinds.map((option) => (
            <div className="radio" key={option}>
              <input type="radio" id={`${id}-${option}`} name={`${id}-kind`} checked={kind === option} onChange={() => choose(option)} aria-describedby={`${id}-${option}-hint`} />
              <div>
                <label htmlFor={`${id}-${option}`}>{t(`calendar.exports.kinds.${option}`)}</label>
                <p className="field__hint" id={`${id}-${option}-hint`}>
                  {t(`calendar.exports.hints.${option}`)}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
        <ExportFileField
          label={t('calendar.exports.file')}
          hint={t('calendar.exports.fileHint')}
          value={target}
          onValueChange={setTarget}
          format={extensions[kind]}
          error={fieldError}
        />
        {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
        {done ? <Alert tone="success">{done}</Alert> : null}
        <div className="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('calendar.exports.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
