import { describe, expect, it } from 'vitest';
import { detectIdentifiers, proposePronouns } from '../../../shared/anonymisation/detector.js';
import { pronounReplacements } from '../../../shared/anonymisation/kinds.js';
import { heldOutFinalTranscripts, heldOutLaterTranscripts, heldOutTranscripts } from './corpus/heldOut.js';
import { measure, parseTranscript, table } from './corpus/gold.js';
import { tuningTranscripts } from './corpus/tuning.js';

/** What the detector proposes in one line, as "kind:text". */
function found(text: string, known?: { original: string; kind: 'name' | 'place' }[]): string[] {
  return detectIdentifiers([{ id: 'l1', text }], { known }).map((hit) => `${hit.kind}:${hit.text}`);
}

describe('detector: names', () => {
  it('finds listed first names and surnames, full names as one hit, in any position', () => {
    expect(found('Jeg snakka med Kari Nordmann i går.')).toEqual(['name:Kari Nordmann']);
    expect(found('Ingrid går i femte.')).toEqual(['name:Ingrid']);
    expect(found('så sa kari at hun ikke orka mer')).toEqual(['name:kari']);
    expect(found('Vi var hos Hansen.')).toEqual(['name:Hansen']);
  });

  it('takes a capitalised word that is not a sentence start and not an everyday word as a name', () => {
    expect(found('Så kom Gunnbjørg inn og satte seg.')).toEqual(['name:Gunnbjørg']);
    expect(found('Det var tante Eldrid som hjalp meg.')).toEqual(['name:Eldrid']);
  });

  it('tells the names that are also words ("Per", "Liv", "Bo") from the words', () => {
    expect(found('Per dag går jeg to turer.')).toEqual([]);
    expect(found('Vi sees en gang per uke.')).toEqual([]);
    expect(found('Per sa at det var greit.')).toEqual(['name:Per']);
    expect(found('Jeg gikk tur med Per og Liv.')).toEqual(['name:Per', 'name:Liv']);
    expect(found('Livet er bedre nå, og jeg vil bo her.')).toEqual([]);
    expect(found('Bo ringte meg i går.')).toEqual(['name:Bo']);
    expect(found('Hans mor var syk.')).toEqual([]);
  });

  it('does not take a sentence start, an everyday word or the programme as a name', () => {
    expect(found('Mamma sa at Jeg måtte komme.')).toEqual([]);
    expect(found('Vi snakka om Drømmen og Tilhørighet i reSTART.')).toEqual([]);
    expect(found('Naboen sa hei. Psykologen var fin.')).toEqual([]);
    expect(found('Jeg så det på Facebook og Instagram.')).toEqual([]);
  });

  it('keeps the genitive s outside the hit, so the replacement reads "[NAVN 1]s"', () => {
    expect(found('Karis mann er snill.')).toEqual(['name:Kari']);
    expect(found('Vi var i Trondheims sentrum.')).toEqual(['place:Trondheim']);
  });

  it('finds a name after "heter" whatever its case', () => {
    expect(found('jeg heter gunnvor og er herfra')).toEqual(['name:gunnvor']);
  });
});

describe('detector: places and organisations', () => {
  it('finds municipalities, towns, districts and places abroad, also in lower case', () => {
    expect(found('Vi flytta fra Bodø til Hamar.')).toEqual(['place:Bodø', 'place:Hamar']);
    expect(found('jeg bodde i trondheim da')).toEqual(['place:trondheim']);
    expect(found('Hun bor på Mo i Rana.')).toEqual(['place:Mo i Rana']);
    expect(found('Det var i Aurskog-Høland, ikke i Nord-Fron.')).toEqual(['place:Aurskog-Høland', 'place:Nord-Fron']);
    expect(found('Han kom fra Eritrea.')).toEqual(['place:Eritrea']);
    expect(found('Vi bodde på Grünerløkka.')).toEqual(['place:Grünerløkka']);
  });

  it('tells places that are also words ("Time", "Sola", "Ski") from the words', () => {
    expect(found('Det tok en time å kjøre.')).toEqual([]);
    expect(found('Sola skinte hele dagen.')).toEqual([]);
    expect(found('Vi bodde på Sola i mange år.')).toEqual(['place:Sola']);
    expect(found('Jeg gikk på ski i helga.')).toEqual([]);
    expect(found('Hun bor i Ski nå.')).toEqual(['place:Ski']);
  });

  it('finds organisations and workplaces by their shape and by name', () => {
    expect(found('Jeg jobba i Ringsaker kommune.')).toEqual(['organisation:Ringsaker kommune']);
    expect(found('Han gikk på Fjellheim skole.')).toEqual(['organisation:Fjellheim skole']);
    expect(found('Veilederen på NAV Grünerløkka var grei.')).toEqual(['organisation:NAV Grünerløkka']);
    expect(found('Jeg var på DPS Nordfjord, så på Jæren DPS.')).toEqual(['organisation:DPS Nordfjord', 'organisation:Jæren DPS']);
    expect(found('Hun jobber i Bakeriet Solsiden AS.')).toEqual(['organisation:Bakeriet Solsiden AS']);
    expect(found('Jeg har søkt på Universitetet i Bergen.')).toEqual(['organisation:Universitetet i Bergen']);
    expect(found('Han jobber på Rema 1000 og var på nav i går.')).toEqual(['organisation:Rema 1000', 'organisation:nav']);
    expect(found('Jeg var innlagt på St. Olavs hospital.')).toEqual(['organisation:St. Olavs hospital']);
  });

  it('leaves generic services alone', () => {
    expect(found('Jeg gikk til DPS-en og sykehuset i kommunen.')).toEqual([]);
  });
});

describe('detector: details with a shape', () => {
  it('finds Norwegian phone numbers in every common writing, and not years or amounts', () => {
    expect(found('Ring 98765432 eller 987 65 432 eller 98 76 54 32.')).toEqual(['phone:98765432', 'phone:987 65 432', 'phone:98 76 54 32']);
    expect(found('Nummeret er +47 22 33 44 55, eller 0047 98765432, eller +4741234567.')).toEqual([
      'phone:+47 22 33 44 55',
      'phone:0047 98765432',
      'phone:+4741234567',
    ]);
    expect(found('Kontoret har 2233 4455.')).toEqual(['phone:2233 4455']);
    expect(found('Det var fra 2019 2020 og kostet 1500 kroner.')).toEqual([]);
    expect(found('Saksnummer 12345678.')).toEqual([]);
    expect(found('Ring 987.65.432, ikke 25 000 000 kroner.')).toEqual(['phone:987.65.432']);
  });

  it('finds e-mail addresses', () => {
    expect(found('Skriv til kari.nordmann@gmail.com eller post@fjell-heim.no.')).toEqual(['email:kari.nordmann@gmail.com', 'email:post@fjell-heim.no']);
    // As said aloud and typed by the transcriber.
    expect(found('Den er tussa77 krøllalfa hotmail punktum com, tror jeg.')).toEqual(['email:tussa77 krøllalfa hotmail punktum com']);
  });

  it('finds national identity numbers with valid check digits (the validator library), with or without a space', () => {
    expect(found('Fødselsnummeret er 12038310060.')).toEqual(['nationalId:12038310060']);
    expect(found('Det står 030579 10096 på brevet.')).toEqual(['nationalId:030579 10096']);
    // Eleven digits that fail the check are still shown, as something to look at.
    expect(found('Det står 12038310061 på brevet.')).toEqual(['other:12038310061']);
  });

  it('finds street addresses, with and without numbers and postcodes', () => {
    expect(found('Jeg bor i Storgata 12.')).toEqual(['address:Storgata 12']);
    expect(found('Hun bor i Kongens gate 3B, og han i Sandakerveien 24 C.')).toEqual(['address:Kongens gate 3B', 'address:Sandakerveien 24 C']);
    expect(found('Adressen er Thorvald Meyers gate 14, 0555 Oslo.')).toEqual(['address:Thorvald Meyers gate 14, 0555 Oslo']);
    expect(found('Vi bodde i Parkveien da.')).toEqual(['address:Parkveien']);
    expect(found('Brevet kom til Storgt. 7 i fjor.')).toEqual(['address:Storgt. 7']);
  });

  it('finds exact dates, and not months or years on their own', () => {
    expect(found('Det var 12. mars 2019, eller var det 12.03.2019?')).toEqual(['date:12. mars 2019', 'date:12.03.2019']);
    expect(found('Vi begynte mandag 3. mai og sluttet 2019-06-20.')).toEqual(['date:mandag 3. mai', 'date:2019-06-20']);
    expect(found('Jeg ble innlagt 14/2-17, på tolvte mars var jeg ute.')).toEqual(['date:14/2-17', 'date:tolvte mars']);
    expect(found('Det var i mars 2019, tror jeg, eller i 2018.')).toEqual([]);
  });

  it('finds ages, and not durations', () => {
    expect(found('Jeg er 34 år gammel.')).toEqual(['age:34 år gammel']);
    expect(found('jeg er 34 nå, og broren min er trettifire')).toEqual(['age:34', 'age:trettifire']);
    expect(found('Da jeg var 17 år flytta jeg. Han fylte 50 i fjor.')).toEqual(['age:17 år', 'age:50']);
    expect(found('Som 16-åring var jeg sint. Hun er i 40-årene.')).toEqual(['age:16-åring', 'age:40-årene']);
    expect(found('Jeg har hatt angst i 20 år. Det er 5 år siden. Vi var 12 i gruppa.')).toEqual([]);
    expect(found('Klokka var 10 da vi kom.')).toEqual([]);
    expect(found('Jeg har en sønn på 12 og ei jente på sju år.')).toEqual(['age:12', 'age:sju år']);
  });
});

describe('detector: what the key already knows', () => {
  it('finds every occurrence of a known original in any case, before anything else', () => {
    expect(found('Liv og liv og LIV, og Livs bil.', [{ original: 'Liv', kind: 'name' }])).toEqual(['name:Liv', 'name:liv', 'name:LIV', 'name:Liv']);
    expect(found('Vi møttes på Kafé Kaos i sentrum.', [{ original: 'Kafé Kaos', kind: 'place' }])).toEqual(['place:Kafé Kaos']);
  });
});

describe('detector: pronouns', () => {
  it('proposes the study pronoun for every other third-person pronoun, keeping the capital', () => {
    const proposals = proposePronouns([{ id: 'l1', text: 'Han sa at hans mor ringte ham. Hun var glad.' }], pronounReplacements('hun'));
    expect(proposals.map((proposal) => `${proposal.text}→${proposal.replacement}`)).toEqual(['Han→Hun', 'hans→hennes', 'ham→henne']);
  });
});

describe('detector: the fictional corpus', () => {
  const prepare = (set: { title: string; text: string }[], prefix: string) => set.map((transcript, index) => parseTranscript(transcript.title, transcript.text, `${prefix}${index}`));

  it('flags ≥ 95 % of names, places and workplaces and every phone number, e-mail and identity number (tuning part)', () => {
    const transcripts = prepare(tuningTranscripts, 't');
    const figures = measure(transcripts, detectIdentifiers(transcripts.flatMap((transcript) => transcript.lines)));
    console.log(table(`Tuning corpus: ${transcripts.length} transcripts, ${transcripts.reduce((sum, t) => sum + t.lines.length, 0)} lines`, figures));
    const of = (kind: string) => figures.find((row) => row.kind === kind)!;
    for (const kind of ['name', 'place', 'organisation']) expect(of(kind).recall, `${kind} missed: ${of(kind).missed.join(', ')}`).toBeGreaterThanOrEqual(0.95);
    for (const kind of ['phone', 'email', 'nationalId']) expect(of(kind).recall, `${kind} missed: ${of(kind).missed.join(', ')}`).toBe(1);
    for (const row of figures) if (row.proposed > 0) expect(row.precision, `${row.kind} wrongly: ${row.wrong.join(', ')}`).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['held-out corpus', heldOutTranscripts, 'h'],
    ['later held-out corpus', heldOutLaterTranscripts, 'x'],
    ['final held-out corpus (written after every change, reported as it came out)', heldOutFinalTranscripts, 'f'],
  ] as const)('reports the %s against the same targets', (label, set, prefix) => {
    const transcripts = prepare([...set], prefix);
    const figures = measure(transcripts, detectIdentifiers(transcripts.flatMap((transcript) => transcript.lines)));
    console.log(table(`${label}: ${transcripts.length} transcripts, ${transcripts.reduce((sum, t) => sum + t.lines.length, 0)} lines`, figures));
    for (const row of figures) if (row.missed.length > 0) console.log(`  ${label}, ${row.kind} missed: ${row.missed.join(', ')}`);
    const of = (kind: string) => figures.find((row) => row.kind === kind)!;
    for (const kind of ['name', 'place', 'organisation']) expect(of(kind).recall).toBeGreaterThanOrEqual(0.95);
    for (const kind of ['phone', 'email', 'nationalId']) expect(of(kind).recall).toBe(1);
  });
});
