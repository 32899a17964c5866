import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideVersion } from '../../../../shared/guide/contract.js';
import type { Interview, InterviewCandidate, InterviewSummary } from '../../../../shared/interviews/contract.js';
import { invoke } from '../../bridge/index.js';
import { currentLanguage } from '../../i18n/index.js';
import { Alert, Button, useErrorText } from '../../ui/index.js';
import { Checklist } from './Checklist.js';
import { useHeldAt } from './heldAt.js';
import { InterviewForm } from './InterviewForm.js';
import '../guide/guide.css';

interface InterviewsPageProps {
  navigate: (section: string) => void;
  onDirtyChange: (dirty: boolean) => void;
}

type Open = { kind: 'register' } | { kind: 'edit'; id: number } | { kind: 'checklist'; id: number } | null;

async function load() {
  const [interviews, candidates, versions] = await Promise.all([
    invoke('interviews.list', {}),
    invoke('interviews.candidates', {}),
    invoke('guide.versions', { language: currentLanguage() }),
  ]);
  return { interviews, candidates, versions };
}

/** The interviews: register, change, and the checklist of the guide's questions. */
export function InterviewsPage({ navigate, onDirtyChange }: InterviewsPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [interviews, setInterviews] = useState<InterviewSummary[] | null>(null);
  const [candidates, setCandidates] = useState<InterviewCandidate[]>([]);
  const [versions, setVersions] = useState<GuideVersion[]>([]);
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(
    () =>
      load().then((loaded) => {
        setInterviews(loaded.interviews);
        setCandidates(loaded.candidates);
        setVersions(loaded.versions);
      }),
    [],
  );
  useEffect(() => {
    reload().catch(setError);
  }, [reload]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  function close(message: string | null) {
    onDirtyChange(false);
    setOpen(null);
    setDone(message);
    reload().catch(setError);
  }

  if (!interviews) return error ? <Alert tone="error">{errorText(error)}</Alert> : <p role="status">{t('app.loading')}</p>;

  return (
    <div className="stack">
      <h2 className="page-heading">{t('interviews.heading')}</h2>
      <p className="lead">{t('interviews.intro')}</p>
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}

      {open?.kind === 'register' || open?.kind === 'edit' ? (
        <InterviewForm
          key={open.kind === 'edit' ? open.id : 'new'}
          id={open.kind === 'edit' ? open.id : null}
          candidates={candidates}
          versions={versions}
          navigate={navigate}
          onDirtyChange={onDirtyChange}
          onCancel={() => close(null)}
          onSaved={(interview: Interview, created: boolean) =>
            close(created ? t('interviews.registered', { pseudonym: interview.pseudonym }) : t('interviews.savedChanges'))
          }
          onDeleted={(pseudonym) => close(t('interviews.deleted', { pseudonym }))}
        />
      ) : (
        <div className="actions">
          <Button
            variant="primary"
            onClick={() => {
              setDone(null);
              setOpen({ kind: 'register' });
            }}
          >
            {t('interviews.registerOpen')}
          </Button>
        </div>
      )}

      {open?.kind === 'checklist' ? <Checklist key={open.id} id={open.id} onClose={() => close(null)} /> : null}

      {interviews.length === 0 ? (
        <p className="muted">{t('interviews.empty')}</p>
      ) : (
        <InterviewsTable
          interviews={interviews}
          onOpen={(next) => {
            setDone(null);
            setOpen(next);
          }}
        />
      )}
    </div>
  );
}

function InterviewsTable({ interviews, onOpen }: { interviews: InterviewSummary[]; onOpen: (open: Open) => void }) {
  const { t } = useTranslation();
  const heldAt = useHeldAt();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('interviews.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('interviews.columnParticipant')}</th>
            <th scope="col">{t('interviews.columnWhen')}</th>
            <th scope="col">{t('interviews.columnWhere')}</th>
            <th scope="col">{t('interviews.columnGuide')}</th>
            <th scope="col">{t('interviews.columnChecklist')}</th>
            <th scope="col">{t('interviews.columnActions')}</th>
          </tr>
        </thead>
        <tbody>
          {interviews.map((interview) => {
            const label = { pseudonym: interview.pseudonym, when: heldAt(interview.heldAt) };
            return (
              <tr key={interview.id}>
                <th scope="row" className="nowrap">
                  {interview.pseudonym}
                </th>
                <td>
                  {heldAt(interview.heldAt)}
                  <div className="small">
                    {[
                      interview.lengthMinutes !== null ? t('interviews.minutes', { count: interview.lengthMinutes }) : null,
                      interview.recordings > 0 ? t('interviews.recordingCount', { count: interview.recordings }) : t('interviews.noRecordings'),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                </td>
                <td>{interview.setting === 'other' && interview.settingOther ? interview.settingOther : t(`interviews.settings.${interview.setting}`)}</td>
                <td>{interview.guideVersion !== null ? t('interviews.versionShort', { version: interview.guideVersion }) : <span className="muted">{t('interviews.noGuide')}</span>}</td>
                <td>
                  {interview.guideVersion !== null ? (
                    t('interviews.covered', { covered: interview.covered, questions: interview.questions })
                  ) : (
                    <span className="muted">{t('interviews.noChecklist')}</span>
                  )}
                </td>
                <td>
                  <div className="row-actions">
                    <Button variant="secondary" aria-label={t('interviews.checklistLabel', label)} onClick={() => onOpen({ kind: 'checklist', id: interview.id })}>
                      {t('interviews.checklist')}
                    </Button>
                    <Button variant="quiet" aria-label={t('interviews.editLabel', label)} onClick={() => onOpen({ kind: 'edit', id: interview.id })}>
                      {t('interviews.edit')}
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
