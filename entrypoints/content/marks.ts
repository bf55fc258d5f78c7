// Names of the performance marks the reader leaves in the page's timeline (read by the benchmark).

export const START_MARK = 'gongwen-reader:start';
/** Content script start → panel shown (detection, parsing, phrases, progress restore, UI). */
export const READY_MEASURE = 'gongwen-reader:ready';
/** Content script start → end of its first, synchronous check; on every page. */
export const CHECK_MEASURE = 'gongwen-reader:check';

/** Stages inside `ready`, for the benchmark's breakdown: document found, reader bundle running, state restored. */
export const DETECTED_MARK = 'gongwen-reader:detected';
export const BUNDLE_MARK = 'gongwen-reader:bundle';
export const RESTORED_MARK = 'gongwen-reader:restored';
