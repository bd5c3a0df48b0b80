export { detectSensitive } from './detect.ts';
export { maskSensitive, maskValue } from './mask.ts';
export type { DetectOptions, SensitiveKind, SensitiveSpan } from './types.ts';
