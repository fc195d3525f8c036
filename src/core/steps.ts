/** The stages of a scoring run (scoreWorkbook), in order, each reported as it starts. Nothing else here: the pane imports it before the engine loads. */
export const SCORE_STEPS = ['read', 'map', 'score', 'write'] as const;
export type ScoreStep = (typeof SCORE_STEPS)[number];
