import { useTranslation } from 'react-i18next';
import type { ParticipantTableView } from '../../../../shared/participantTable/contract.js';
import { Alert } from '../../ui/index.js';

/** The table as it will be exported, with the rows that could identify someone marked. */
export function TablePreview({ view }: { view: ParticipantTableView }) {
  const { t } = useTranslation();
  const { table } = view;
  const risky = table.rows.filter((row) => row.uniqueBy !== null).length;
  return (
    <section className="card" aria-labelledby="table-preview-heading">
      <h3 id="table-preview-heading">{t('participantTable.preview.heading')}</h3>
      {view.withdrawnLeftOut > 0 ? <p className="muted">{t('participantTable.withdrawnLeftOut', { count: view.withdrawnLeftOut })}</p> : null}
      {table.rows.length === 0 ? (
        <p className="muted">{t('participantTable.preview.empty')}</p>
      ) : table.columns.length === 0 ? (
        <p className="muted">{t('participantTable.preview.noColumns')}</p>
      ) : (
        <>
          {risky > 0 ? (
            <Alert tone="warning">{t('participantTable.preview.warning', { count: risky })}</Alert>
          ) : (
            <Alert tone="info">{t('participantTable.preview.noRisk')}</Alert>
          )}
          <div className="table-wrap">
            <table className="table participant-table">
              {table.caption.trim() ? <caption>{table.caption}</caption> : null}
              <thead>
                <tr>
                  <th scope="col">{table.labelHeading}</th>
                  {table.columns.map((column, index) => (
                    <th scope="col" key={index}>
                      {column.heading}
                    </th>
                  ))}
                  <th scope="col" className="participant-table__risk">
                    {t('participantTable.preview.riskColumn')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.label} className={row.uniqueBy ? 'participant-table__unique' : undefined}>
                    <th scope="row">{row.label}</th>
                    {row.cells.map((cell, index) => (
                      <td key={index}>{cell.text}</td>
                    ))}
                    <td className="participant-table__risk">{row.uniqueBy ? t('participantTable.preview.uniqueOn', { columns: row.uniqueBy.join(', ') }) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
