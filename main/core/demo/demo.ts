import fs from 'node:fs';
import path from 'node:path';
import type { StudyPage, StudySummary } from '../../../shared/study/contract.js';
import { demoPassphrase } from '../../../shared/study/demo.js';
import { recordAudit } from '../audit/audit.js';
import { removeStudyFiles } from '../db/open.js';
import { addDemoParticipants } from '../participants/demo.js';
import { addDemoConsents } from '../consent/demo.js';
import { addDemoRecordings } from '../recordings/demo.js';
import { addDemoInterviews } from '../interviews/demo.js';
import { addDemoTranscripts } from '../transcripts/demo.js';
import { addDemoCoding } from '../coding/demo.js';
import { addDemoMemosAndQuotes } from '../memos/demo.js';
import { addDemoRequests } from '../requests/demo.js';
import { addDemoGroups } from '../calendar/demo.js';
import { writeStudyPage } from '../study/page.js';
import type { StudySession } from '../study/session.js';
import { writeStudySettings } from '../study/settings.js';

/**
 * The demo study: a fictional master's project, made anew each time it is opened so a newcomer
 * always starts from the same living example. Every person, place and reference in it is invented.
 * Later features add their own fictional material here.
 */
export const demoStudyPage: StudyPage = {
  title: 'Å finne fotfeste igjen: erfaringer fra en recoverygruppe',
  researchQuestions: [
    'Hvordan beskriver tidligere deltakere hva gruppen betydde for hverdagen deres?',
    'Hvilke sider ved gruppearbeidet opplevde de som viktige i egen endringsprosess?',
  ],
  institution: 'Høgskolen i Fjordvik (oppdiktet), Institutt for helse og samfunn',
  researcher: { name: 'Mari Lindseth (oppdiktet)', contact: 'telefon 400 00 000, mari.lindseth@fjordvik.example' },
  dataProtectionOfficer: 'Personvernombudet, personvern@fjordvik.example',
  supervisors: [
    { name: 'Ingrid Solvang (oppdiktet)', affiliation: 'Hovedveileder, Høgskolen i Fjordvik' },
    { name: 'Tarjei Myrvold (oppdiktet)', affiliation: 'Biveileder, Fjordvik kommune, psykisk helse' },
  ],
  ethics: { decision: 'notRequired', reference: 'REK 000000 (eksempel)', date: '2026-01-12' },
  sikt: { reference: 'Sikt 000000 (eksempel)', date: '2026-02-03' },
  dataManagementNotes:
    'Lydopptak på diktafon, oppbevart i låst skap. Transkriberes samme eller neste dag og slettes da. ' +
    'Ingen navn eller fødselsnummer lagres sammen med intervjuene. Koblingsnøkkelen oppbevares adskilt.',
  plannedEndDate: '2027-06-30',
  endOfStudyAction: 'delete',
  // The plan above: deleted once transcribed, the same or the next day.
  recordingDeletionDays: 1,
};

export function openDemoStudy(session: StudySession, userDataDir: string): StudySummary {
  const folder = path.join(userDataDir, 'demo');
  const file = path.join(folder, 'Demo study.groundwork');
  const backups = path.join(folder, 'backups');
  session.close();
  removeStudyFiles(file);
  fs.rmSync(backups, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });

  session.create({ title: demoStudyPage.title, path: file, passphrase: demoPassphrase, isDemo: true });
  const open = session.require();
  open.db.write((writer) => {
    writeStudyPage(writer, demoStudyPage);
    writeStudySettings(writer, { backupFolder: backups });
    addDemoParticipants(writer);
    addDemoConsents(writer);
    addDemoRecordings(writer);
    addDemoInterviews(writer);
    addDemoTranscripts(writer);
    addDemoCoding(writer);
    addDemoMemosAndQuotes(writer);
    addDemoRequests(writer);
    addDemoGroups(writer);
    recordAudit(writer, 'study.pageUpdated');
  });
  return open.summary;
}
