// The automatic part of ADM-1: on 送出 the vacancy's text is checked for limits the source documents forbid
// (age limits above all: 一、資格條件 「惟不宜限制應徵者年齡」). A hit holds the vacancy back as 待審核 with the reason;
// otherwise it is 審核通過 at once. Pure: text in, verdict out.

export interface CheckVerdict {
  readonly status: 'approved' | 'flagged';
  /** The reasons (zh-TW, quoting the matched words); empty when approved. */
  readonly reasons: readonly string[];
}

interface Rule {
  readonly pattern: RegExp;
  readonly reason: string;
}

const DIGITS = '[0-9０-９一二三四五六七八九十]+';

/** Age limits and other discriminatory limits (gender by wording, marital status, appearance, birthplace). */
const RULES: readonly Rule[] = [
  { pattern: new RegExp(`${DIGITS}\\s*(歲|足歲)\\s*(以下|以上|以內|之間|至|~|～|-)`), reason: '年齡限制' },
  { pattern: new RegExp(`(未滿|未逾|不超過|不得超過|不逾|逾|滿|超過|年滿)\\s*${DIGITS}\\s*(歲|足歲)`), reason: '年齡限制' },
  { pattern: /年齡(限|上限|下限|須|需|應|在|以|不得|不超過|未滿)/, reason: '年齡限制' },
  { pattern: /限\s*年齡/, reason: '年齡限制' },
  { pattern: new RegExp(`(民國|西元)?\\s*${DIGITS}\\s*年\\s*(\\d+\\s*月\\s*(\\d+\\s*日)?\\s*)?(以後|以前|之後|之前|後|前)\\s*(出生|生)`), reason: '以出生年限制年齡' },
  { pattern: /(青年|年輕|壯年)(者|人|優先|尤佳)|限應屆/, reason: '年齡限制' },
  { pattern: /(未婚|已婚|婚姻狀況)/, reason: '婚姻狀況限制' },
  { pattern: /(身高|體重|容貌|五官端正|外貌)/, reason: '容貌或身材限制' },
  { pattern: /(限|僅限)\s*(男性|女性|男生|女生)/, reason: '以文字限制性別（請以「性別」欄位表示）' },
  { pattern: /(籍貫|出生地)\s*(限|須|需)/, reason: '籍貫限制' },
];

/** The texts checked: the title and the four free-text sections. */
export interface CheckedText {
  title: string;
  workQuality: string;
  workItem: string;
  workAddress: string;
  contactMethod: string;
}

/** ADM-1 (automatic): flags the first hit of every rule, quoting the words found. */
export function checkVacancyText(v: CheckedText): CheckVerdict {
  const text = [v.title, v.workQuality, v.workItem, v.workAddress, v.contactMethod].join('\n').normalize('NFKC');
  const reasons: string[] = [];
  for (const r of RULES) {
    const m = r.pattern.exec(text);
    if (m) {
      const reason = `${r.reason}：「${m[0].trim()}」`;
      if (!reasons.includes(reason)) reasons.push(reason);
    }
  }
  return reasons.length ? { status: 'flagged', reasons } : { status: 'approved', reasons: [] };
}

/** What 審核結果 shows for a review status. */
export function reviewLabel(status: string): string {
  return status === 'approved' ? '審核通過' : status === 'flagged' ? '待審核' : status === 'rejected' ? '審核不通過' : status;
}
