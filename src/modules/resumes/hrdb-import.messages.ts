// Texts of RES-4 從公務人力資料庫帶入相關資料 (seed 000 步驟五), zh-TW first with the English twin.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const hrdbImportMessages = defineMessages(
  {
    'button.import': '從公務人力資料庫帶入相關資料',
    'notice.imported': '已從公務人力資料庫帶入基本資料、學歷及經歷，請確認後按「儲存履歷」。',
    'refused.no-request': '請在「履歷填寫」輸入身分證統一編號後，點選「從公務人力資料庫帶入相關資料」。',
    'refused.resume-saved': '您已儲存過履歷；「從公務人力資料庫帶入相關資料」僅適用於初次填寫履歷。',
    'refused.not-verified': '人事服務網身分驗證未完成或已逾時（10 分鐘），未帶入任何資料。請再點選「從公務人力資料庫帶入相關資料」。',
    'refused.different-person': '人事服務網驗證的身分與履歷上的身分證統一編號不是同一人，未帶入任何資料。',
    'refused.not-eligible': '公務人力資料庫中沒有您曾任聘用或約僱人員的資料，未帶入任何資料。',
  },
  {
    'button.import': 'Bring in data from the civil-service HR database',
    'notice.imported': 'Your basic data, education and experience were brought in from the civil-service HR database. Check them, then choose “Save resume”.',
    'refused.no-request': 'Type your ID number in the resume form, then choose “Bring in data from the civil-service HR database”.',
    'refused.resume-saved': 'You have already saved a resume; bringing in data from the civil-service HR database is for a first resume only.',
    'refused.not-verified': 'The eCPA identity check was not completed or is older than 10 minutes; nothing was brought in. Choose “Bring in data from the civil-service HR database” again.',
    'refused.different-person': 'The person verified through eCPA is not the person of the ID number on the resume; nothing was brought in.',
    'refused.not-eligible': 'The civil-service HR database has no record of you as a former contract or temporary employee; nothing was brought in.',
  },
);
