import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.ts';
import { authorize, authorizeOr404, definePolicy, registeredPolicies } from './policy.ts';
import type { Principal } from './principal.ts';

interface Note {
  readonly type: 'test_note';
  readonly owner: string;
}
const notePolicy = definePolicy<Note, 'read'>('test_note', { read: (p, n) => p?.id === n.owner });
const me: Principal = { kind: 'applicant', id: 'a', method: '帳號', roles: [], agencyCode: null, status: 'active' };

describe('policy layer', () => {
  it('SYS-4 authorize dispatches to the policy registered for the subject type', () => {
    expect(registeredPolicies()).toContain('test_note');
    expect(authorize(me, 'read', { type: 'test_note', owner: 'a' } as Note)).toBe(true);
    expect(authorize(me, 'read', { type: 'test_note', owner: 'b' } as Note)).toBe(false);
    expect(notePolicy.can(null, 'read', { type: 'test_note', owner: 'a' })).toBe(false);
  });

  it('SYS-4 deny by default: an unknown action or an unregistered subject type is refused', () => {
    expect(authorize(me, 'delete', { type: 'test_note', owner: 'a' } as Note)).toBe(false);
    expect(authorize(me, 'toString', { type: 'test_note', owner: 'a' } as Note)).toBe(false);
    expect(authorize(me, 'read', { type: 'no_such_type' })).toBe(false);
  });

  it('SYS-4 a refusal is a 404 (not found), never a 403', () => {
    expect(() => authorizeOr404(me, 'read', { type: 'test_note', owner: 'b' } as Note)).toThrow(AppError);
    try {
      authorizeOr404(me, 'read', null);
    } catch (e) {
      expect((e as AppError).status).toBe(404);
    }
    expect(() => authorizeOr404(me, 'read', { type: 'test_note', owner: 'a' } as Note)).not.toThrow();
  });

  it('SYS-4 two policies for one subject type are a bug caught at load', () => {
    expect(() => definePolicy<Note, 'read'>('test_note', { read: () => true })).toThrow(/already registered/);
  });
});
