// Texts of the applicant-access pages that other parts take by key (the archive password's rule lines).
import type { PasswordRuleTexts } from '../../platform/views/form-parts.tsx';

const zh: PasswordRuleTexts = {
  'rule.length': '長度至少 8 個字元',
  'rule.upper': '至少 1 個大寫英文字母（A-Z）',
  'rule.lower': '至少 1 個小寫英文字母（a-z）',
  'rule.digit': '至少 1 個數字（0-9）',
  'rule.special': '至少 1 個特殊符號（例如 !@#$%&*，空白不算）',
};
const en: PasswordRuleTexts = {
  'rule.length': 'At least 8 characters',
  'rule.upper': 'An upper-case letter (A-Z)',
  'rule.lower': 'A lower-case letter (a-z)',
  'rule.digit': 'A digit (0-9)',
  'rule.special': 'A symbol (e.g. !@#$%&*; a space does not count)',
};

export function passwordRuleTexts(locale: string): PasswordRuleTexts {
  return locale === 'en' ? en : zh;
}
