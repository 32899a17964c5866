import { useTranslation } from 'react-i18next';
import { daysUntil, urgencyOf } from '../../../../shared/recordings/deadlines.js';
import { useDates } from './dates.js';

interface DeadlineProps {
  due: string;
  today: string;
}

/**
 * A deadline in words ("Overdue by 3 days") and as a date. Overdue and due-today carry a symbol
 * and words, not only a colour.
 */
export function Deadline({ due, today }: DeadlineProps) {
  const { t } = useTranslation();
  const { shortDate } = useDates();
  const urgency = urgencyOf(due, today);
  const days = daysUntil(due, today);
  let label: string;
  if (urgency === 'overdue') label = t('recordings.urgency.overdue', { count: -days });
  else if (urgency === 'dueToday') label = t('recordings.urgency.dueToday');
  else if (urgency === 'dueSoon') label = t('recordings.urgency.dueSoon', { count: days });
  else label = t('recordings.urgency.later', { count: days });
  const pressing = urgency === 'overdue' || urgency === 'dueToday';
  return (
    <span className={`deadline deadline--${urgency}`}>
      <strong className="deadline__label">
        {pressing ? (
          <span aria-hidden="true" className="deadline__mark">
            !
          </span>
        ) : null}
        {label}
      </strong>
      <span className="deadline__date">{shortDate(due)}</span>
    </span>
  );
}
