/** Taiwan-specific formats and rules: IDs, ROC dates, phone numbers, the password rule. */
export * from './id-number.ts';
export * from './roc-date.ts';
export * from './phone.ts';
export * from './password-rule.ts';
