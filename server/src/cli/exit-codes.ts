// The command line's exit codes that more than one place returns.

/** Exit code when the checker itself failed on some file (distinct from 1, "problems found"). */
export const INTERNAL_FAILURE = 3;
