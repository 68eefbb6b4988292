const timesFormat = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A ratio such as leverage (gross ÷ equity) as "1.25×", two decimals like a percentage; a
 * dash when it is not defined (equity not positive). Intl formats the decimal string
 * itself, so no float is made of it.
 */
export function times(value: string | null): string {
  return value === null ? "—" : `${timesFormat.format(value as `${number}`)}×`;
}

const hhiFormat = new Intl.NumberFormat("en-US", { minimumFractionDigits: 4, maximumFractionDigits: 4 });

/** HHI is a unitless index from 1/N to 1: four decimals, as it is usually quoted. */
export function formatHhi(value: string): string {
  return hhiFormat.format(value as `${number}`);
}
