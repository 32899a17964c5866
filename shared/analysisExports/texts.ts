import type { CodingTableHeadings, ExportLanguage } from './contract.js';

/** The words the exported files use, in the study's language (the UI's language when exported). */
export interface AnalysisExportTexts {
  codingTable: {
    title: string;
    headings: CodingTableHeadings;
    sheet: string;
    /** Under the title: how many passages from how many interviews, and that only anonymised text is in it. */
    summary: (rows: number, interviews: number) => string;
    rawLeftOut: (passages: number, transcripts: number) => string;
    /** When a participant has more than one transcript: "interview 2". */
    interview: (n: number) => string;
    notRaised: string;
  };
  codebook: {
    title: string;
    sheet: string;
    summary: (focused: number, initial: number, categories: number) => string;
    countsNote: string;
    headings: {
      category: string;
      focusedCode: string;
      initialCode: string;
      code: string;
      level: string;
      definition: string;
      codings: string;
      interviews: string;
      ownCodings: string;
    };
    levels: { initial: string; focused: string };
    unplaced: string;
    notRaised: string;
    noCodes: string;
  };
}

const en: AnalysisExportTexts = {
  codingTable: {
    title: 'Coding table: from excerpt to category',
    headings: { excerpt: 'Excerpt', source: 'Participant, lines', initialCodes: 'Initial codes', focusedCodes: 'Focused codes', category: 'Category' },
    sheet: 'Coding table',
    summary: (rows, interviews) => `${rows} ${rows === 1 ? 'passage' : 'passages'} from ${interviews} ${interviews === 1 ? 'interview' : 'interviews'}. Excerpts are from anonymised transcripts only.`,
    rawLeftOut: (passages, transcripts) =>
      `${passages} coded ${passages === 1 ? 'passage' : 'passages'} in ${transcripts} ${transcripts === 1 ? 'transcript' : 'transcripts'} not yet anonymised ${passages === 1 ? 'is' : 'are'} left out.`,
    interview: (n) => `interview ${n}`,
    notRaised: '',
  },
  codebook: {
    title: 'Codebook',
    sheet: 'Codebook',
    summary: (focused, initial, categories) =>
      `${focused} focused ${focused === 1 ? 'code' : 'codes'}, ${initial} initial ${initial === 1 ? 'code' : 'codes'}, ${categories} ${categories === 1 ? 'category' : 'categories and subcategories'}.`,
    countsNote: 'Codings: passages coded. Interviews: interviews with at least one. For a focused code the counts include the passages of the initial codes it subsumes.',
    headings: {
      category: 'Category',
      focusedCode: 'Focused code',
      initialCode: 'Initial code',
      code: 'Code',
      level: 'Level',
      definition: 'Definition',
      codings: 'Codings',
      interviews: 'Interviews',
      ownCodings: 'Codings of the code itself',
    },
    levels: { initial: 'initial', focused: 'focused' },
    unplaced: 'Focused codes not placed in a category',
    notRaised: 'Initial codes not raised into a focused code',
    noCodes: 'No codes.',
  },
};

const nb: AnalysisExportTexts = {
  codingTable: {
    title: 'Kodingstabell: fra utdrag til kategori',
    headings: { excerpt: 'Utdrag', source: 'Deltaker, linjer', initialCodes: 'Innledende koder', focusedCodes: 'Fokuserte koder', category: 'Kategori' },
    sheet: 'Kodingstabell',
    summary: (rows, interviews) => `${rows} utdrag fra ${interviews} ${interviews === 1 ? 'intervju' : 'intervjuer'}. Utdragene er bare fra anonymiserte transkripsjoner.`,
    rawLeftOut: (passages, transcripts) =>
      `${passages} kodede utdrag i ${transcripts} ${transcripts === 1 ? 'transkripsjon' : 'transkripsjoner'} som ikke er anonymisert ennå, er utelatt.`,
    interview: (n) => `intervju ${n}`,
    notRaised: '',
  },
  codebook: {
    title: 'Kodebok',
    sheet: 'Kodebok',
    summary: (focused, initial, categories) =>
      `${focused} ${focused === 1 ? 'fokusert kode' : 'fokuserte koder'}, ${initial} ${initial === 1 ? 'innledende kode' : 'innledende koder'}, ${categories} ${categories === 1 ? 'kategori' : 'kategorier og underkategorier'}.`,
    countsNote: 'Kodinger: kodede utdrag. Intervjuer: intervjuer med minst én. For en fokusert kode regnes også utdragene til de innledende kodene den omfatter.',
    headings: {
      category: 'Kategori',
      focusedCode: 'Fokusert kode',
      initialCode: 'Innledende kode',
      code: 'Kode',
      level: 'Nivå',
      definition: 'Definisjon',
      codings: 'Kodinger',
      interviews: 'Intervjuer',
      ownCodings: 'Kodinger med selve koden',
    },
    levels: { initial: 'innledende', focused: 'fokusert' },
    unplaced: 'Fokuserte koder som ikke er plassert i en kategori',
    notRaised: 'Innledende koder som ikke er løftet til en fokusert kode',
    noCodes: 'Ingen koder.',
  },
};

export const analysisExportTexts: Record<ExportLanguage, AnalysisExportTexts> = { en, nb };

/** Between a category and its subcategory in a path: "Category › Subcategory". */
export const categoryPathSeparator = ' › ';
