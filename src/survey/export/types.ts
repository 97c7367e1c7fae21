/** A file a survey writer produces, named relative to the output folder. */
export interface SurveyFile {
  name: string;
  data: string | Uint8Array;
}
