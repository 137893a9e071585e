// ADM-2 rules of the back office's staff accounts: the form, the roles kept, the refusals of changes to oneself,
// the audit diff and the search's query.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../platform/http/forms.ts';
import { changes, editStaffForm, maskedNationalId, newStaffForm, nextRoles, parseStaffSearch, selfChangeRefusal, staffSearchHref } from './staff-admin.rules.ts';

describe('staff admin rules', () => {
  it('ADM-2 the 新增 form: account lower-cased and checked, Email, agency code upper-cased, optional valid ID, at least one managed role', () => {
    const ok = parseForm(newStaffForm, { account: ' Li.Hr ', name: ' 李人事 ', email: 'li@example.gov.tw', agencyCode: '376420000a', nationalId: 'c120461959', roles: ['agency_hr', 'civil_servant', 'root'] });
    expect(ok.ok && ok.data).toEqual({ account: 'li.hr', name: '李人事', email: 'li@example.gov.tw', agencyCode: '376420000A', nationalId: 'C120461959', roles: ['agency_hr'] });
    const bad = parseForm(newStaffForm, { account: '<x>', name: '', email: 'nope', agencyCode: '機關', nationalId: 'A123456788', roles: 'root' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual({ account: 'account.format', name: 'name.required', email: 'email.format', agencyCode: 'agency.format', nationalId: 'nationalId.format', roles: 'roles.required' });
    const missing = parseForm(newStaffForm, {});
    expect(!missing.ok && missing.errors.account).toBe('account.required');
    const edit = parseForm(editStaffForm, { name: '王', email: 'w@example.gov.tw', agencyCode: 'A58000000A', roles: 'backoffice' });
    expect(edit.ok && edit.data).toMatchObject({ nationalId: '', roles: ['backoffice'] });
    const none = parseForm(editStaffForm, { name: '王', email: 'w@example.gov.tw', agencyCode: 'A58000000A' });
    expect(none.ok && none.data.roles).toEqual([]);
  });

  it('ADM-2 roles: the chosen managed roles, civil_servant kept as the HR database set it', () => {
    expect(nextRoles(['civil_servant', 'agency_hr'], ['backoffice'])).toEqual(['backoffice', 'civil_servant']);
    expect(nextRoles([], ['agency_hr', 'backoffice'])).toEqual(['agency_hr', 'backoffice']);
  });

  it('ADM-2 a back-office user cannot remove their own back-office role nor disable themself; others may be changed', () => {
    const me = { id: 'me', roles: ['backoffice', 'agency_hr'] as const };
    expect(selfChangeRefusal('me', { ...me, roles: [...me.roles] }, { roles: ['agency_hr'] })).toBe('self.backoffice');
    expect(selfChangeRefusal('me', { ...me, roles: [...me.roles] }, { status: 'disabled' })).toBe('self.status');
    expect(selfChangeRefusal('me', { ...me, roles: [...me.roles] }, { roles: ['backoffice'] })).toBeNull();
    expect(selfChangeRefusal('me', { ...me, roles: [...me.roles] }, { status: 'active' })).toBeNull();
    expect(selfChangeRefusal('other', { ...me, roles: [...me.roles] }, { roles: [], status: 'disabled' })).toBeNull();
  });

  it('ADM-2 SYS-2 the audit diff keeps only changed fields; the ID is shown by its last 4 only', () => {
    expect(changes({ name: '甲', email: 'a@x.tw', roles: ['agency_hr'] }, { name: '甲', email: 'b@x.tw', roles: ['agency_hr', 'backoffice'] })).toEqual({
      before: { email: 'a@x.tw', roles: ['agency_hr'] },
      after: { email: 'b@x.tw', roles: ['agency_hr', 'backoffice'] },
    });
    expect(maskedNationalId('1959')).toBe('******1959');
    expect(maskedNationalId(null)).toBe('');
  });

  it('ADM-2 the list query is read leniently and written back', () => {
    const f = parseStaffSearch({ q: ' li ', agency: '宜蘭', role: 'backoffice', status: 'disabled', page: '2' });
    expect(f).toEqual({ q: 'li', agency: '宜蘭', role: 'backoffice', status: 'disabled', page: 2 });
    expect(staffSearchHref(f)).toBe('/backoffice/staff?q=li&agency=%E5%AE%9C%E8%98%AD&role=backoffice&status=disabled&page=2');
    expect(parseStaffSearch({ role: 'root', status: ['x'], page: '-1', q: 42 })).toEqual({ q: '', agency: '', role: '', status: '', page: 1 });
  });
});

describe('代理機關 choice', () => {
  it('ADM-2 only the own agency (cleared) or a granted one may be chosen', async () => {
    const { actingValue } = await import('./acting-agency.ts');
    const choices = { own: { code: '376420000A', name: '宜蘭縣政府' }, granted: [{ code: '376570000A', name: '基隆市政府' }] };
    expect(actingValue(choices, '376420000A')).toBeNull();
    expect(actingValue(choices, '376570000A')).toBe('376570000A');
    expect(actingValue(choices, 'A58000000A')).toBe('refused');
    expect(actingValue(choices, ['376570000A'])).toBe('refused');
  });
});
