/**
 * Text templates of the rules: "{unit}办结率环比下降{drop}个百分点". Placeholders are `{name}` with a name
 * of letters and digits; values are plain strings and are inserted as text (the wall never renders them
 * as HTML). A placeholder without a value is a programming error: rule validation rejects templates
 * that name variables their kind does not provide.
 */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

export function renderTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`template variable {${name}} has no value`);
    return v;
  });
}

// ---- number formats of the texts (fixed decimals: the same figure always reads the same) ----

/** 12,345 → "12345"; ≥ 10,000 → "7.62万". */
export function fmtCount(n: number): string {
  return Math.abs(n) >= 10_000 ? `${(n / 10_000).toFixed(2)}万` : String(Math.round(n));
}

export function fmtFixed(n: number, decimals: number): string {
  return n.toFixed(decimals);
}

/** Signed percentage: "+23.5%", "-4.0%". */
export function fmtSignedPercent(n: number, decimals = 1): string {
  return `${n >= 0 ? '+' : ''}${n.toFixed(decimals)}%`;
}

/** "2026-10" → "10月"; with the year when asked: "2026年10月". */
export function fmtMonth(label: string, withYear = false): string {
  const [y, m] = label.split('-');
  return withYear ? `${y}年${Number(m)}月` : `${Number(m)}月`;
}

/** "2026-11-25" → "11月25日". */
export function fmtDay(label: string): string {
  const [, m, d] = label.split('-');
  return `${Number(m)}月${Number(d)}日`;
}
