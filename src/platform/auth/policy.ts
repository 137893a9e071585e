// The policy layer (SYS-4): `authorize(principal, action, subject)` answers whether a principal may do an action on
// an object. Each module keeps its rules in a pure `*.policy.ts` (no I/O, no clock) made with `definePolicy`, which
// registers it under its subject type; the subject constructors live in the same file, so any code able to build
// a subject has loaded (and registered) its policy. Unknown subject types and actions are refused (deny by
// default). A refusal is answered as "not found" (404), never 403 with details: `authorizeOr404`.
// Data scoping is the other half: repositories offer scoped finders (`forAgency`, `forApplicant`) so another
// agency's or person's object is not even loaded (see docs/adr/0002-policy-layer.md).
import { AppError } from '../http/errors.ts';
import type { Principal } from './principal.ts';

/** Every subject names its type (the registry key), e.g. { type: 'vacancy', agencyCode, published }. */
export interface Subject {
  readonly type: string;
}

/** One rule: may `principal` (null: anonymous) do this action on `subject`? Pure. */
export type Rule<S extends Subject> = (principal: Principal | null, subject: S) => boolean;

export interface Policy<S extends Subject, A extends string> {
  readonly type: S['type'];
  readonly rules: { readonly [K in A]: Rule<S> };
  /** The rule for `action` applied: what `authorize` calls. */
  can(principal: Principal | null, action: A, subject: S): boolean;
}

const registry = new Map<string, Policy<Subject, string>>();

/** Makes a module's policy and registers it under `type` (once; a second policy for the same type is a bug). */
export function definePolicy<S extends Subject, A extends string>(type: S['type'], rules: { readonly [K in A]: Rule<S> }): Policy<S, A> {
  const policy: Policy<S, A> = {
    type,
    rules,
    can: (principal, action, subject) => Object.hasOwn(rules, action) && rules[action](principal, subject),
  };
  const existing = registry.get(type);
  if (existing && existing.rules !== (rules as unknown)) throw new Error(`a policy for '${type}' is already registered`);
  registry.set(type, policy as unknown as Policy<Subject, string>);
  return policy;
}

/** May `principal` do `action` on `subject`? False for an unregistered subject type or an unknown action. */
export function authorize(principal: Principal | null, action: string, subject: Subject): boolean {
  const policy = registry.get(subject.type);
  return policy ? policy.can(principal, action, subject) : false;
}

/** `authorize`, or the 404 page (the same answer as an object that does not exist). */
export function authorizeOr404(principal: Principal | null, action: string, subject: Subject | null | undefined): void {
  if (!subject || !authorize(principal, action, subject)) throw new AppError('not-found');
}

/** The registered subject types (for tests and the ADR's inventory). */
export function registeredPolicies(): string[] {
  return [...registry.keys()].sort();
}
