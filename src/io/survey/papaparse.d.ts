// The part of PapaParse's API the CSV reader uses (the package ships no types): its synchronous
// string parser, fed one chunk at a time.
declare module "papaparse" {
  interface PapaParserConfig {
    delimiter: string;
    newline: "\n" | "\r" | "\r\n";
    quoteChar: string;
  }
  interface PapaParseResult {
    data: string[][];
    errors: { code: string; index: number }[];
    /** Where the rows returned end: the start of the partial last row left out. */
    meta: { cursor: number };
  }
  interface PapaParser {
    /** With `ignoreLastRow`, the row after the last newline is left for the next call. */
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): PapaParseResult;
  }
  const Papa: { Parser: new (config: PapaParserConfig) => PapaParser };
  export default Papa;
}
