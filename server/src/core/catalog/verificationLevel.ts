import type { ValueSpec } from './types';

/** The three values of VerificationLevelType, in their canonical spelling. */
export const VERIFICATION_LEVELS: readonly string[] = ['AlwaysVerifiable', 'AlwaysUnverifiable', 'UseSourceVerification'];

export const VERIFICATION_LEVEL: ValueSpec = {
  kind: 'enum',
  values: VERIFICATION_LEVELS,
  meanings: {
    AlwaysVerifiable: 'Every message counts as verified; none is turned away for lack of verification.',
    AlwaysUnverifiable: "Every message counts as unverified, and reaches only users who have the sender in their contacts.",
    UseSourceVerification: 'The verification level carried in each message is trusted; a message without one is treated as unverified.',
  },
};
