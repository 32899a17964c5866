import type { StudyPage, StudySummary } from '../../../shared/study/contract.js';
import type { StudyReader, StudyWriter } from '../db/connection.js';

interface StudyRow {
  study_id: string;
  title: string;
  created_at: string;
  is_demo: number;
  institution: string;
  researcher_name: string;
  researcher_contact: string;
  data_protection_officer: string;
  ethics_decision: StudyPage['ethics']['decision'];
  ethics_reference: string;
  ethics_date: string | null;
  sikt_reference: string;
  sikt_date: string | null;
  data_management_notes: string;
  planned_end_date: string | null;
  end_of_study_action: StudyPage['endOfStudyAction'];
  recording_deletion_days: number;
}

function studyRow(reader: StudyReader): StudyRow {
  const row = reader.query<StudyRow>('SELECT * FROM study WHERE id = 1').get();
  if (!row) throw new Error('The study row is missing');
  return row;
}

export function readStudySummary(reader: StudyReader, file: { path: string; fileName: string }): StudySummary {
  const row = studyRow(reader);
  return {
    id: row.study_id,
    title: row.title,
    createdAt: row.created_at,
    isDemo: row.is_demo === 1,
    path: file.path,
    fileName: file.fileName,
  };
}

export function readStudyPage(reader: StudyReader): StudyPage {
  const row = studyRow(reader);
  return {
    title: row.title,
    researchQuestions: reader
      .query<{ text: string }>('SELECT text FROM research_question ORDER BY position')
      .all()
      .map((question) => question.text),
    institution: row.institution,
    researcher: { name: row.researcher_name, contact: row.researcher_contact },
    dataProtectionOfficer: row.data_protection_officer,
    supervisors: reader.query<{ name: string; affiliation: string }>('SELECT name, affiliation FROM supervisor ORDER BY position').all(),
    ethics: { decision: row.ethics_decision, reference: row.ethics_reference, date: row.ethics_date },
    sikt: { reference: row.sikt_reference, date: row.sikt_date },
    dataManagementNotes: row.data_management_notes,
    plannedEndDate: row.planned_end_date,
    endOfStudyAction: row.end_of_study_action,
    recordingDeletionDays: row.recording_deletion_days,
  };
}

export function insertStudy(
  writer: StudyWriter,
  study: { id: string; title: string; createdAt: string; isDemo: boolean },
): void {
  writer
    .statement('INSERT INTO study (id, study_id, title, created_at, is_demo) VALUES (1, ?, ?, ?, ?)')
    .run(study.id, study.title, study.createdAt, study.isDemo ? 1 : 0);
}

export function writeStudyPage(writer: StudyWriter, page: StudyPage): void {
  writer
    .statement(
      `UPDATE study SET title = @title, institution = @institution,
        researcher_name = @researcherName, researcher_contact = @researcherContact,
        data_protection_officer = @dataProtectionOfficer,
        ethics_decision = @ethicsDecision, ethics_reference = @ethicsReference, ethics_date = @ethicsDate,
        sikt_reference = @siktReference, sikt_date = @siktDate,
        data_management_notes = @dataManagementNotes, planned_end_date = @plannedEndDate,
        end_of_study_action = @endOfStudyAction, recording_deletion_days = @recordingDeletionDays
      WHERE id = 1`,
    )
    .run({
      title: page.title,
      institution: page.institution,
      researcherName: page.researcher.name.trim(),
      researcherContact: page.researcher.contact.trim(),
      dataProtectionOfficer: page.dataProtectionOfficer.trim(),
      ethicsDecision: page.ethics.decision,
      ethicsReference: page.ethics.reference,
      ethicsDate: page.ethics.date,
      siktReference: page.sikt.reference,
      siktDate: page.sikt.date,
      dataManagementNotes: page.dataManagementNotes,
      plannedEndDate: page.plannedEndDate,
      endOfStudyAction: page.endOfStudyAction,
      recordingDeletionDays: page.recordingDeletionDays,
    });
  writer.statement('DELETE FROM research_question').run();
  const question = writer.statement('INSERT INTO research_question (position, text) VALUES (?, ?)');
  page.researchQuestions.forEach((text, position) => question.run(position, text));
  writer.statement('DELETE FROM supervisor').run();
  const supervisor = writer.statement('INSERT INTO supervisor (position, name, affiliation) VALUES (?, ?, ?)');
  page.supervisors.forEach((person, position) => supervisor.run(position, person.name, person.affiliation));
}
