/**
 * The time zones a workspace may choose: every zone the runtime's Intl knows, under its
 * current IANA name, plus UTC. V8 lists ICU's canonical ids, some of which are IANA's
 * retired names (Asia/Calcutta for Asia/Kolkata); browsers list the current names and the
 * tz database calls the old ones links, so they are renamed here and both are accepted
 * by Intl. The map is the full set of such names in Node 20's ICU (checked against
 * /usr/share/zoneinfo/zone.tab).
 */
const CURRENT_NAME: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

let zones: readonly string[] | undefined;

/** UTC first, then every zone by name. */
export function supportedTimeZones(): readonly string[] {
  zones ??= [
    "UTC",
    ...[...new Set(Intl.supportedValuesOf("timeZone").map((z) => CURRENT_NAME[z] ?? z))].filter((z) => z !== "UTC").sort(),
  ];
  return zones;
}
