/** The three values of VerificationLevelType, in their canonical spelling. */
export const VERIFICATION_LEVELS: readonly string[] = ['AlwaysVerifiable', 'AlwaysUnverifiable', 'UseSourceVerification'];
