import { linesOfText } from '../../../shared/transcripts/lines.js';
import type { StudyWriter } from '../db/connection.js';
import { completeTranscript, createTranscript } from './transcripts.js';

/**
 * The demo's transcripts, invented from start to end: Deltaker 1's interview anonymised and
 * complete (its identifiers already replaced, as the review leaves them), and Deltaker 2's still
 * raw, with the kind of details a review has yet to catch.
 */

const anonymised = `[00:00:05] I: Takk for at du ville være med. Kan du begynne med å fortelle litt om hvordan hverdagen din ser ut nå?
[00:00:14] D: Nå, ja. Den er roligere enn før. Jeg står opp omtrent samme tid hver dag, og det er nytt for meg.
Før kunne jeg ligge til langt på dag uten å vite hvorfor.
[00:00:41] I: Hva tror du har gjort at det er annerledes?
[00:00:46] D: Gruppa, tror jeg. Ikke bare den, men den var starten. Vi snakket mye om hva som er viktig for oss, og jeg skrev det ned.
Det hang på kjøleskapet i flere måneder.
[00:01:20] I: Husker du hva du skrev?
[00:01:23] D: At jeg ville være en som holder avtaler. Og at jeg ville ha noen å gå tur med.
[00:01:40] I: Hvordan var det å komme i gruppa første gang?
[00:01:45] D: Skummelt. Jeg satt nesten ved døra. Men [NAVN 1], erfaringsmedarbeideren, fortalte om sin egen vei, og da senket skuldrene seg litt.
Det var ingen som spurte hva som var galt med meg. De spurte hva som betydde noe.
[00:02:30] I: Du sier at de spurte hva som betydde noe. Hva gjorde det med deg?
[00:02:36] D: Jeg ble litt stille. Jeg hadde ikke tenkt på det på lenge. Det var liksom bare sykdommen som fantes.
[00:03:02] I: Var det noe av arbeidet i gruppa som var vanskelig?
[00:03:07] D: Drømmen. Den delen der vi skulle tenke på hva vi drømte om. Jeg syntes det var flaut. Men jeg skrev at jeg ville jobbe med noe praktisk igjen.
Nå er jeg i arbeidstrening [to] dager i uka i [BEDRIFT].
[00:03:48] I: Hvordan er det?
[00:03:50] D: Slitsomt. Men det er en god slitenhet, hvis du skjønner.
[00:04:05] I: Er det noe du vil legge til før vi avslutter?
[00:04:09] D: Bare at det tok tid. Folk må få lov til at det tar tid.`;

const raw = `I: Da er opptakeren på. Hvordan har du hatt det siden gruppa sluttet?
D: Litt opp og ned, ærlig talt. Jeg flyttet til Storvika i vår, og det var mye på en gang.
Men jeg har holdt kontakten med Trine fra gruppa. Vi ringes hver søndag.
I: Hva betyr det for deg, den kontakten?
D: At noen vet hvordan det er. Jeg trenger ikke forklare alt.
Hun jobber på bakeriet ved torget, så noen ganger tar jeg en kaffe der.
I: Du nevnte at det var opp og ned. Kan du si litt mer om det?
D: Det er dager der jeg ikke kommer meg ut. Da bruker jeg kortet vi laget i gruppa, det med tre små ting jeg kan gjøre.
Vaske en kopp, åpne vinduet, sende en melding.
I: Hjelper det?
D: Noen ganger. Det viktigste er at jeg ikke gir meg selv skylda like mye som før.
I: Hva tenker du om tida fremover?
D: Jeg har søkt på et kurs i høst. Jeg har ikke sagt det til så mange. Du er nesten den første.`;

export function addDemoTranscripts(writer: StudyWriter): void {
  const interviewOf = (pseudonym: string) =>
    writer
      .query<{ id: number }>('SELECT i.id FROM interview i JOIN participant p ON p.id = i.participant_id WHERE p.pseudonym = ? ORDER BY i.held_at LIMIT 1')
      .get(pseudonym)?.id;
  const first = interviewOf('Deltaker 1');
  const second = interviewOf('Deltaker 2');
  if (first !== undefined) {
    const id = createTranscript(writer, first, 'docx', linesOfText(anonymised));
    const date = writer.query<{ held_at: string }>('SELECT held_at FROM interview WHERE id = ?').get(first)!.held_at.slice(0, 10);
    writer
      .statement("UPDATE transcript SET state = 'anonymised', anonymised_at = ?, title = 'Intervju 1', interviewer_label = 'I', participant_label = 'D1' WHERE id = ?")
      .run(`${date}T16:00:00.000Z`, id);
    completeTranscript(writer, id, date);
  }
  if (second !== undefined) createTranscript(writer, second, 'txt', linesOfText(raw));
}
