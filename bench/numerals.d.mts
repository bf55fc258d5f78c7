// Types for numerals.mjs (imported by the TypeScript property tests).
/** 1 → '一', 11 → '十一', 105 → '一百零五', 300 → '三百'; integers 1 … 9999, else RangeError. */
export declare function chineseNumeral(n: number): string;
