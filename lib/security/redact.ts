/**
 * Removes secrets from text that may reach a log, an error or the browser: known secret
 * values wherever they appear, and the usual secret-bearing query and header fields.
 */
const SECRET_FIELDS = /((?:signature|apikey|api_key|secret|passphrase|password|token|access_token|sign)=)[^&\s"']+/gi;
const SECRET_HEADERS = /((?:x-mbx-apikey|ok-access-key|ok-access-sign|ok-access-passphrase|api-key|api-signature|authorization)\s*[:=]\s*)[^\s,"';]+/gi;

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) {
    // Short values would blank out ordinary words; real keys are long.
    if (s && s.length >= 6) out = out.split(s).join("[redacted]");
  }
  return out.replace(SECRET_FIELDS, "$1[redacted]").replace(SECRET_HEADERS, "$1[redacted]");
}
