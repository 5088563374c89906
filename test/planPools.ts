import fc from 'fast-check';

/**
 * Small pools of names and unique values that the plan property tests draw both files from, so that objects give
 * up, take and exchange values; and the arbitraries they draw with.
 */

export const EDGE = { UseDnsSrvRouting: true, AllowFederatedUsers: true, EnablePartnerDiscovery: false };
export const DESTINATION = 'exap.um.outlook.com';
export const GLOBAL = { Identity: 'global', Destination: DESTINATION, Organization: ['contoso.onmicrosoft.com'] };
/** The SIP addresses of the first `count` contacts. */
export const contacts = (count: number) => ['a', 'b', 'c', 'd'].slice(0, count).map((x) => `sip:exum${x}@contoso.com`);
/** The first `count` display numbers. */
export const numbers = (count: number) => ['+14255550101', '+14255550102', '+14255550103', '+14255550104'].slice(0, count);
export const POOLS = ['pool01.contoso.com', 'pool02.contoso.com'];
export const PROVIDERS = ['Fabrikam', 'Adatum', 'Litware'];
export const PROXIES = ['sip.fabrikam.com', 'sip.adatum.com', 'sip.litware.com'];
export const DOMAINS = ['fabrikam.com', 'adatum.com', 'litware.com'];
export const POLICIES = ['ExRedmond', 'ExSeattle'];
export const USERS = ['sip:kenmyer@contoso.com', 'sip:pilar@contoso.com'];

/** `count` values of `pool` in any order, none twice. */
const distinct = <T>(pool: readonly T[], count: number) => fc.shuffledSubarray([...pool], { minLength: count, maxLength: count });
/** `count` values of `arbitrary`. */
export const each = <T>(arbitrary: fc.Arbitrary<T>, count: number) => fc.array(arbitrary, { minLength: count, maxLength: count });

/**
 * Some of `names`, in any order, as entries of a list: each with a value of its own from `uniques` (the pool of a
 * unique key: proxies, numbers) and its own `settings`.
 */
export const holders = <S>(names: readonly string[], uniques: readonly string[], settings: fc.Arbitrary<S>) =>
  fc.shuffledSubarray([...names]).chain((chosen) => fc.tuple(fc.constant(chosen), distinct(uniques, chosen.length), each(settings, chosen.length)));
