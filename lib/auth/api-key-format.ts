/**
 * What a Venuefolio API key looks like: "vf_" then 64 random letters (better-auth's key
 * generator draws from a-z and A-Z), so a key found in a log or a script is recognisable
 * and a malformed one is refused before any database work. The first characters are
 * stored in clear ("start") so the settings page can tell keys apart; ten of them leave
 * 57 random letters (over 300 bits) secret.
 */
export const API_KEY_PREFIX = "vf_";
export const API_KEY_RANDOM_LENGTH = 64;
export const API_KEY_START_LENGTH = 10;
export const API_KEY_PATTERN = new RegExp(`^${API_KEY_PREFIX}[A-Za-z]{${API_KEY_RANDOM_LENGTH}}$`);
