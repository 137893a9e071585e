// 個人資料蒐集、處理及利用告知同意書 (ACC-1, SYS-3): the text an applicant reads and agrees to when registering.
// Written to the items of 個人資料保護法 §8 I (蒐集機關, 目的, 類別, 期間/地區/對象/方式, §3 權利, 不提供之影響).
// The version is stamped on the form and stored with the registration's audit row; change the text → new version.
import type { Locale } from '../../platform/i18n/i18n.ts';

export const CONSENT_VERSION = 'consent-v1';

export interface ConsentSection {
  heading: string;
  paragraphs: string[];
}

const ZH: ConsentSection[] = [
  {
    heading: '前言',
    paragraphs: [
      '行政院人事行政總處（以下簡稱本總處）為辦理「不須具公務人員任用資格職缺應徵平台」（以下簡稱本平台）之帳號註冊、履歷填寫及職缺應徵，依個人資料保護法（以下簡稱個資法）第 8 條規定，告知您下列事項。請您詳細閱讀後，勾選「同意」並按「確定」完成註冊。',
    ],
  },
  {
    heading: '一、蒐集機關',
    paragraphs: ['行政院人事行政總處。您應徵職缺時，該職缺之徵才機關於辦理甄選所需範圍內，亦為您履歷資料之利用機關。'],
  },
  {
    heading: '二、蒐集之目的',
    paragraphs: [
      '002 人事管理（包含甄選、通知面試及錄取）、135 資（通）訊服務、136 資（通）訊與資料庫管理、157 調查、統計與研究分析（僅以去識別化之統計方式為之）。',
    ],
  },
  {
    heading: '三、個人資料之類別',
    paragraphs: [
      'C001 辨識個人者（姓名、電子郵件信箱、聯絡電話、通訊地址、帳號）、C003 政府資料中之辨識者（身分證統一編號或居留證號碼）、C011 個人描述（性別、出生日期）、C051 學校紀錄（學歷）、C052 資格或技術（證照）、C061 現行之受僱情形及 C064 工作經驗（經歷）、C054 職業專長（專長、語文能力）、C056 著作（作品附件），以及使用本平台時之登入時間與來源 IP 位址等紀錄。',
    ],
  },
  {
    heading: '四、個人資料利用之期間、地區、對象及方式',
    paragraphs: [
      '（一）期間：自您註冊帳號起，至您註銷帳號或本平台停止提供服務止；每筆應徵紀錄保存至該職缺有效期間屆滿後 12 個月；依檔案法或其他法令須保存者，依其規定。',
      '（二）地區：中華民國境內。',
      '（三）對象：本總處，以及您所應徵職缺之徵才機關；法令另有規定者，依其規定。',
      '（四）方式：以自動化機器或其他非自動化方式，於上述目的範圍內蒐集、處理及利用，包括以電子郵件寄送帳號啟用、密碼重設、應徵、面試及錄取等通知；您應徵職缺時，經您另行授權，始將完整履歷提供該職缺之徵才機關調閱。',
    ],
  },
  {
    heading: '五、您依個資法第 3 條得行使之權利及方式',
    paragraphs: [
      '您得就您的個人資料：（一）查詢或請求閱覽；（二）請求製給複製本；（三）請求補充或更正；（四）請求停止蒐集、處理或利用；（五）請求刪除。您可登入本平台自行查閱、修正或刪除履歷資料，或以電子郵件向本總處提出請求。本總處依個資法第 10 條、第 11 條規定，得於執行職務或業務所必須時，拒絕部分請求。',
    ],
  },
  {
    heading: '六、不提供個人資料之影響',
    paragraphs: ['您可自由選擇是否提供個人資料。若您不同意本同意書，或不提供、未提供完整或正確之資料，將無法註冊帳號、填寫履歷或應徵職缺。'],
  },
  {
    heading: '七、同意',
    paragraphs: ['您勾選「同意」並按「確定」，即表示您已閱讀、瞭解並同意本總處依本同意書蒐集、處理及利用您的個人資料。本同意書如有修正，將於本平台公告並請您重新同意。'],
  },
];

const EN: ConsentSection[] = [
  {
    heading: 'Introduction',
    paragraphs: [
      'The Directorate-General of Personnel Administration (DGPA) runs this platform for jobs that do not require civil-service qualification. Under Article 8 of the Personal Data Protection Act (PDPA) it informs you of the following before you register. Please read it, tick 「同意」 (I agree) and press 「確定」 (Confirm).',
    ],
  },
  { heading: '1. Who collects the data', paragraphs: ['The DGPA. When you apply for a job, the hiring agency of that job also uses your resume, as far as its selection requires.'] },
  {
    heading: '2. Purposes',
    paragraphs: ['002 Personnel management (selection, interview and offer notices), 135 information services, 136 information and database management, 157 statistics and research (de-identified only).'],
  },
  {
    heading: '3. Categories of data',
    paragraphs: [
      'Identification (name, email, telephone, address, account), government identifiers (national ID or resident certificate number), personal description (gender, date of birth), education, qualifications, employment and experience, skills and languages, works (attachments), and records of your use of the platform such as sign-in times and IP addresses.',
    ],
  },
  {
    heading: '4. Period, area, recipients and manner of use',
    paragraphs: [
      '(1) Period: from registration until the account is closed or the platform ends; each application is kept until 12 months after the job’s validity ends, or longer where the law requires.',
      '(2) Area: within the Republic of China (Taiwan).',
      '(3) Recipients: the DGPA and the hiring agencies of the jobs you apply for, and others only where the law provides.',
      '(4) Manner: automated or manual processing within the purposes above, including email notices (activation, password reset, applications, interviews, offers). Your full resume goes to a hiring agency only after you authorise it when applying.',
    ],
  },
  {
    heading: '5. Your rights (PDPA Article 3)',
    paragraphs: [
      'You may ask to see your data, to get a copy, to supplement or correct it, to stop its collection, processing or use, and to delete it. You can view, correct or delete your resume yourself after signing in, or write to the DGPA. Some requests may be refused where PDPA Articles 10 and 11 allow.',
    ],
  },
  { heading: '6. If you do not provide the data', paragraphs: ['Providing data is your choice; without it (or without this consent) you cannot register, write a resume or apply for jobs.'] },
  { heading: '7. Consent', paragraphs: ['By ticking 「同意」 and pressing 「確定」 you confirm that you have read, understood and agree to this notice. When it changes, you will be asked to agree again.'] },
];

export function consentSections(locale: Locale): ConsentSection[] {
  return locale === 'en' ? EN : ZH;
}
