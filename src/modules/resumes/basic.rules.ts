// 基本資料 (RES-1, RES-2): every field required except 英文姓名 (and the photo, handled with the files);
// the ID checksum-validated; 性別 taken from the ID unless changed with 確定; 出生日期 in ROC form, not after
// today; 聯絡電話 a Taiwan number; 通訊地址 a known 3-digit 郵遞區號 plus the street.
import type { FieldErrors } from '../../platform/http/forms.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { parseIdNumber } from '../../platform/tw/id-number.ts';
import { parsePhone } from '../../platform/tw/phone.ts';
import { isEmailAddress } from '../accounts/index.ts';
import { parseDateField } from './date.rules.ts';
import { FIELD_MAX, type RuleContext } from './resume.limits.ts';
import { IDENTITY_MARKS, type BasicData, type BasicForm, type IdentityMark } from './resume.types.ts';
import { cleanLine, charCount } from './text.rules.ts';
import { findZipcode, streetWithoutArea } from './zipcodes.ts';

export function validateBasic(f: BasicForm, c: RuleContext): { data: BasicData | null; errors: FieldErrors } {
  const { m, e } = c;
  const errors: FieldErrors = {};
  const line = (name: keyof typeof FIELD_MAX, raw: string, label: string, required: boolean): string => {
    const v = cleanLine(raw);
    if (required && v === '') errors[name] = fill(e.required, { label });
    else if (charCount(v) > FIELD_MAX[name]) errors[name] = fill(e.tooLong, { label, max: FIELD_MAX[name] });
    return v;
  };

  const chineseName = line('chineseName', f.chineseName, m['label.chineseName'], true);
  const englishName = line('englishName', f.englishName.normalize('NFKC'), m['label.englishName'], false);
  if (englishName && !errors.englishName && !/^[A-Za-z][A-Za-z ,.'-]*$/u.test(englishName)) errors.englishName = e.englishName;

  const id = parseIdNumber(f.idNumber);
  if (f.idNumber.trim() === '') errors.idNumber = fill(e.required, { label: m['label.idNumber'] });
  else if (!id.ok) errors.idNumber = id.reason === 'format' ? e.idFormat : e.idChecksum;

  const chosen = f.gender.trim();
  let gender: 'M' | 'F' | null = null;
  if (chosen !== '' && chosen !== 'M' && chosen !== 'F') errors.gender = fill(e.option, { label: m['label.gender'] });
  else if (chosen === '') gender = id.ok ? id.gender : null;
  else if (id.ok && chosen !== id.gender && !f.genderConfirmed) errors.gender = e.genderConfirm;
  else gender = chosen;
  if (gender === null && !errors.gender && !errors.idNumber) errors.gender = fill(e.choose, { label: m['label.gender'] });

  const birth = parseDateField(f.birthDate, m['label.birthDate'], c);
  if (birth.ok === 'empty') errors.birthDate = fill(e.required, { label: m['label.birthDate'] });
  else if (birth.ok === false) errors.birthDate = birth.error;
  else if (birth.date > c.today) errors.birthDate = e.birthFuture;

  const phone = parsePhone(f.phone);
  if (f.phone.trim() === '') errors.phone = fill(e.required, { label: m['label.phone'] });
  else if (!phone.ok) errors.phone = e.phone;

  const zip = findZipcode(f.zip);
  if (!zip) errors.zip = e.zip;
  let street = line('street', f.street, m['label.street'], true);
  if (zip && street) street = streetWithoutArea(street, zip);
  if (zip && street === '' && !errors.street) errors.street = fill(e.required, { label: m['label.street'] });

  const email = cleanLine(f.email.normalize('NFKC'));
  if (email === '') errors.email = fill(e.required, { label: m['label.email'] });
  else if (!isEmailAddress(email)) errors.email = e.email;

  const identity = [...new Set(f.identity.map((s) => s.trim()).filter(Boolean))];
  if (identity.some((v) => !(IDENTITY_MARKS as readonly string[]).includes(v))) errors.identity = fill(e.option, { label: m['legend.identity'] });

  if (Object.keys(errors).length > 0 || !id.ok || !gender || birth.ok !== true || !phone.ok || !zip) return { data: null, errors };
  return {
    data: {
      chineseName,
      englishName,
      idNumber: id.id,
      gender,
      birthDate: birth.date,
      phone: phone.display,
      zip: zip.zip,
      county: zip.county,
      district: zip.district,
      street,
      email,
      identity: IDENTITY_MARKS.filter((v): v is IdentityMark => identity.includes(v)),
    },
    errors,
  };
}
