import { useTranslation } from 'react-i18next';
import { useDates } from '../recordings/dates.js';

/** "10 March 2026, 13:30": an interview's local date and time (Norway's clock) as the researcher wrote it. */
export function useHeldAt(): (heldAt: string) => string {
  const { t } = useTranslation();
  const { date } = useDates();
  return (heldAt) => t('interviews.heldAt', { date: date(heldAt.slice(0, 10)), time: heldAt.slice(11, 16) });
}
