/** ESLint's convention: 0 clean, 1 problems in the text, 2 the run itself went wrong. */
export const EXIT = {
  ok: 0,
  problems: 1,
  /** Usage, configuration (broken lexicon pack) or input (unreadable file) error. */
  usage: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
